import { defineCase } from '../../../harness/dsl/define-case.js';
import { chargerRateUnit, documentStart, setChargingProfileReq, startCharging, stopCharging, tableProfile } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_058_2_CS',
  title: 'Central Smart Charging - Wrong transactionId',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 80, follows: '2024-04' },
  purpose: 'During a transaction, a TxProfile that names another transactionId is not taken: the charge point answers SetChargingProfile Rejected.',
  refs: [
    'OCPP 1.6 §3.13.1 Charging profile purposes (TxProfile for a transaction that is not active)',
    'OCPP 1.6 §5.16.3 Setting a charging profile during a transaction',
    'OCPP 1.6 §7.8 ChargingProfile (transactionId)',
    'OCPP 1.6 §7.11 ChargingProfileStatus',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 80; ours: the unit read before the reusable state Charging (the profile in the charger\'s unit, so that only the transactionId is wrong), steps 3–4 (clean-up).',
  deviations: [{ what: 'Before step 1: GetConfiguration ChargingScheduleAllowedChargingRateUnit (unless configured)', why: 'The profile is in the charger\'s unit (<Configured chargingRateUnit>), so a rejection is about the transactionId', source: 'OCPP 1.6 §3.13.5' }],
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const sc = cfg.smartCharging;
  const { cp, unit, tx } = await step(0, 'Before: the charger\'s rate unit (ours); reusable state Charging (plug in, RemoteStartTransaction, StartTransaction, Charging)', async () => {
    const link = await csms.booted();
    const rateUnit = await chargerRateUnit({ cfg, note }, link);
    return { cp: link, unit: rateUnit, tx: await startCharging({ sut }, link, { connectorId, idTag: cfg.idTags.accepted }) };
  });
  const wrong = tx.transactionId + 1;
  const txProfile = tableProfile({
    connectorId, chargingProfileId: 58, purpose: 'TxProfile', transactionId: wrong, stackLevel: sc.stackLevel, startS: documentStart(cfg),
    duration: sc.durationS, unit, numberPhases: sc.numberPhases, periods: [[0, 6]],
  });

  const answer = await step(1, `SetChargingProfile: a TxProfile for transaction ${wrong} on connector ${connectorId}, where transaction ${tx.transactionId} runs; Rejected (steps 1–2)`, async () => {
    const res = await cp.call('SetChargingProfile', setChargingProfileReq(txProfile), {
      expect: { status: 'Rejected' },
      requirement: 'Table 80 step 2; OCPP 1.6 §3.13.1: a TxProfile applies to the current transaction only; with no active transaction of its transactionId (§7.8) on the connector the charge point SHALL discard it and return an error status (Rejected, §7.11)',
    });
    return res.payload.status;
  });

  await step(3, 'Clean-up (ours): stop the transaction remotely and unplug; Finishing, then Available', () => stopCharging({ sut }, cp, tx));

  await step(4, 'Clean-up (ours): only if the profile was taken, ClearChargingProfile of it by id', async () => {
    if (answer === 'Rejected') {
      note('the profile was rejected: nothing to clear');
      return;
    }
    await cp.call('ClearChargingProfile', { id: txProfile.profile.chargingProfileId });
  });
});
