import { defineCase } from '../../../harness/dsl/define-case.js';
import { CLEARED_BEFORE, PREDICTED_COMPOSITE, clearById, documentStart, expectComposite, setChargingProfileReq, smartChargingBefore, startCharging, stopCharging, tableProfile } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_082_CS',
  title: 'Central Smart Charging - TxDefaultProfile - with ongoing transaction',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 81, follows: '2024-04' },
  purpose: 'A TxDefaultProfile set on a connector while a transaction without TxProfile runs there is Accepted and limits that transaction: the composite schedule the charge point reports for the connector is the new profile\'s.',
  refs: [
    'OCPP 1.6 §5.16.4 Setting a charging profile outside of a transaction (re-evaluate which profile is active)',
    'OCPP 1.6 §3.13.1 Charging profile purposes (TxDefaultProfile)',
    'OCPP 1.6 §5.7 Get Composite Schedule',
    'OCPP 1.6 §7.12 ChargingRateUnitType',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 81; ours: step 0 (the charger\'s rate unit and no earlier profile before the reusable state Charging), the predicted periods, steps 5–6 (clean-up).',
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
    connectorId, chargingProfileId: 82, purpose: 'TxDefaultProfile', stackLevel: sc.stackLevel, startS: documentStart(cfg),
    duration: sc.durationS, unit, numberPhases: sc.numberPhases, periods: [[0, 6]],
  });

  await step(1, `SetChargingProfile: an Absolute TxDefaultProfile on connector ${connectorId}, ${unit === 'W' ? '6000 W' : '6 A'}; Accepted (steps 1–2)`, () =>
    cp.call('SetChargingProfile', setChargingProfileReq(profile), {
      expect: { status: 'Accepted' },
      requirement: 'Table 81 step 2; OCPP 1.6 §5.16.4: default profiles MAY be sent at any time; the charge point SHALL add it and re-evaluate which profile is active',
    }));

  await step(3, `GetCompositeSchedule for the connector, ${sc.durationS} s in ${unit}: the TxDefaultProfile\'s periods (steps 3–4)`, () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: sc.durationS, unit, installed: [profile], transaction: tx,
      requirement: 'Table 81 step 4; OCPP 1.6 §5.16.4: after re-evaluation the new TxDefaultProfile is the active one; §3.13.1: without a TxProfile the TxDefaultProfile governs the transaction; §5.7: the composite schedule from the moment of receipt for the duration',
    }));

  await step(5, 'Clean-up (ours): stop the transaction remotely and unplug; Finishing, then Available', () => stopCharging({ sut }, cp, tx));

  await step(6, 'Clean-up (ours): ClearChargingProfile of the TxDefaultProfile by id', () => clearById(cp, [profile.profile.chargingProfileId]));
});
