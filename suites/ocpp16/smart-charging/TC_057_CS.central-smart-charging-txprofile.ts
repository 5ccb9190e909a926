import { defineCase } from '../../../harness/dsl/define-case.js';
import { CLEARED_BEFORE, PREDICTED_COMPOSITE, clearById, documentStart, expectComposite, setChargingProfileReq, smartChargingBefore, startCharging, stopCharging, tableProfile } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_057_CS',
  title: 'Central Smart Charging - TxProfile',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 78, follows: '2024-04' },
  purpose: 'During a transaction, an Absolute TxProfile for that transaction (its transactionId) is Accepted, and the composite schedule the charge point reports for the connector is the one the profile prescribes.',
  refs: [
    'OCPP 1.6 §3.13.1 Charging profile purposes (TxProfile)',
    'OCPP 1.6 §5.16.3 Setting a charging profile during a transaction',
    'OCPP 1.6 §5.7 Get Composite Schedule',
    'OCPP 1.6 §7.12 ChargingRateUnitType',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 78; ours: step 0 (the charger\'s rate unit and no earlier profile before the reusable state Charging), the predicted periods, step 5 (clean-up).',
  deviations: [CLEARED_BEFORE, PREDICTED_COMPOSITE],
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const sc = cfg.smartCharging;
  const { cp, unit, tx } = await step(0, 'Before: the charger\'s rate unit and no earlier profile (ours); reusable state Charging (plug in, RemoteStartTransaction, StartTransaction, Charging)', async () => {
    const link = await csms.booted();
    const rateUnit = await smartChargingBefore({ cfg, note }, link);
    return { cp: link, unit: rateUnit, tx: await startCharging({ sut }, link, { connectorId, idTag: cfg.idTags.accepted }) };
  });
  const profile = tableProfile({
    connectorId, chargingProfileId: 57, purpose: 'TxProfile', stackLevel: sc.stackLevel, startS: documentStart(cfg),
    duration: sc.durationS, unit, numberPhases: sc.numberPhases, periods: [[0, 6]], transactionId: tx.transactionId,
  });

  await step(1, `SetChargingProfile: an Absolute TxProfile for transaction ${tx.transactionId} on connector ${connectorId}, ${unit === 'W' ? '6000 W' : '6 A'}; Accepted (steps 1–2)`, () =>
    cp.call('SetChargingProfile', setChargingProfileReq(profile), {
      expect: { status: 'Accepted' },
      requirement: 'Table 78 step 2; OCPP 1.6 §5.16.3: during a transaction the Central System MAY send a TxProfile for it; the charge point SHALL add it and re-evaluate which profile is active',
    }));

  await step(3, `GetCompositeSchedule for the connector, ${sc.durationS} s in ${unit}: the TxProfile\'s periods (steps 3–4)`, () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: sc.durationS, unit, installed: [profile], transaction: tx,
      requirement: 'Table 78 step 4; OCPP 1.6 §3.13.1: the TxProfile governs the transaction; §5.7: the composite schedule from the moment of receipt for the duration',
    }));

  await step(5, 'Clean-up (ours): stop the transaction remotely and unplug; Finishing, then Available', () => stopCharging({ sut }, cp, tx));
});
