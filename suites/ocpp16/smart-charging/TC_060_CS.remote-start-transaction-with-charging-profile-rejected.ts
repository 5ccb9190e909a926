import { defineCase } from '../../../harness/dsl/define-case.js';
import { chargerRateUnit, documentStart, tableProfile } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_060_CS',
  title: 'Remote Start Transaction with Charging Profile - Rejected',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 86, follows: '2024-04' },
  purpose: 'A RemoteStartTransaction whose charging profile is not a TxProfile is rejected: the charge point answers Rejected and starts no transaction, not even once the cable is plugged in.',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §5.16.2 Setting a charge profile in a RemoteStartTransaction request',
    'OCPP 1.6 §6.33 RemoteStartTransaction.req (chargingProfile)',
    'OCPP 1.6 §7.39 RemoteStartStopStatus',
    'OCPP 1.6 §4.9 StatusNotification (A2, B1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 86; ours: the unit read before step 1 (the profile, a TxDefaultProfile, in the charger\'s unit so that the purpose is the only fault), steps 3–4 (plug in and out: no transaction may start).',
  deviations: [{ what: 'Steps 3–4: plug the cable in and out again; no StartTransaction may be sent since the request', why: 'A charge point that had taken the rejected request would start the transaction then (§5.11: the answer says whether it will attempt to start one)', source: 'OCPP 1.6 §5.11, §4.9' }],
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const sc = cfg.smartCharging;
  const { cp, unit } = await step(0, 'Before (ours): the charge point is connected; its rate unit', async () => {
    const link = await csms.booted();
    return { cp: link, unit: await chargerRateUnit({ cfg, note }, link) };
  });
  const txDefault = tableProfile({
    connectorId, chargingProfileId: 60, purpose: 'TxDefaultProfile', stackLevel: sc.stackLevel, startS: documentStart(cfg),
    duration: sc.durationS, unit, numberPhases: sc.numberPhases, periods: [[0, 6]],
  });

  const requested = await step(1, 'Send RemoteStartTransaction for the connector and the valid idTag with a TxDefaultProfile; Rejected or CALLERROR PropertyConstraintViolation (steps 1–2)', async () => {
    const mark = cp.mark('RemoteStartTransaction with a TxDefaultProfile');
    await cp.callResultOrError('RemoteStartTransaction', { connectorId, idTag: cfg.idTags.accepted, chargingProfile: txDefault.profile }, {
      expect: { status: 'Rejected' }, errorCodes: ['PropertyConstraintViolation'],
      requirement: 'Table 86 step 2; OCPP 1.6 §5.16.2, §6.33: the charging profile of a RemoteStartTransaction.req MUST have purpose TxProfile; one that has not cannot be applied to the transaction, so the request is Rejected (§7.39)',
    });
    return mark;
  });

  const noStart = { actions: ['StartTransaction'], why: 'OCPP 1.6 §5.11: a RemoteStartTransaction.req answered Rejected starts no transaction' };
  await step(3, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, async () => {
    const from = cp.mark('plugging in');
    await sut.do('plugIn', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from, match: { status: 'Preparing' },
      octt: 'not-checked', requirement: 'OCPP 1.6 §4.9 (A2): usage initiated by inserting the plug makes the connector Preparing',
    });
  });

  await step(4, 'Unplug the cable (ours); the charge point reports Available, and sent no StartTransaction since the request', async () => {
    cp.mark('unplugging');
    await sut.do('unplug', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested, match: { status: 'Available' }, forbid: noStart,
      octt: 'not-checked', requirement: 'OCPP 1.6 §4.9 (B1): the plug removed before any transaction: Available',
    });
  });
});
