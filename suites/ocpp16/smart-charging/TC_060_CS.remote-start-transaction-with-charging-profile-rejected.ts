import { defineCase } from '../../../harness/dsl/define-case.js';
import { fixtureProfile, placed, recentStart } from './smart-charging-steps.js';

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
  provenance: 'Steps 1–2 as in the public EVerest compliance test for this id (test_remote_start_tx_with_profile_rejected: RemoteStartTransaction with a charging profile of purpose TxDefaultProfile → Rejected). No public OCTT step list exists. Ours: the profile is the fixture row Relative_FromTransactionStart\'s TxDefaultProfile (without the transactionId EVerest also sets, so that the purpose is the only fault); steps 3–4, derived from §5.11 (the answer says whether the charge point "will attempt to start a transaction"), plug the cable in and out again: a charge point that had taken the request would start the transaction then; none may start.',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());
  const txDefault = placed([fixtureProfile('Relative_FromTransactionStart', 70)], { startS: recentStart(), connectorId })[0]!;

  const requested = await step(2, 'Send RemoteStartTransaction for the connector and the valid idTag with a TxDefaultProfile; Rejected', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag: cfg.idTags.accepted, chargingProfile: txDefault.profile }, {
      expect: { status: 'Rejected' },
      requirement: 'OCPP 1.6 §5.16.2, §6.33: the charging profile of a RemoteStartTransaction.req MUST have purpose TxProfile; one that has not cannot be applied to the transaction, so the request is Rejected (§7.39)',
    });
    return res.call.seq;
  });

  const noStart = { actions: ['StartTransaction'], why: 'OCPP 1.6 §5.11: a RemoteStartTransaction.req answered Rejected starts no transaction' };
  await step(3, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, async () => {
    const from = cp.mark('plugging in');
    await sut.do('plugIn', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from, match: { status: 'Preparing' },
      requirement: 'OCPP 1.6 §4.9 (A2): usage initiated by inserting the plug makes the connector Preparing',
    });
  });

  await step(4, 'Unplug the cable; the charge point reports Available, and sent no StartTransaction since the request', async () => {
    cp.mark('unplugging');
    await sut.do('unplug', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested, match: { status: 'Available' }, forbid: noStart,
      requirement: 'OCPP 1.6 §4.9 (B1): the plug removed before any transaction: Available',
    });
  });
});
