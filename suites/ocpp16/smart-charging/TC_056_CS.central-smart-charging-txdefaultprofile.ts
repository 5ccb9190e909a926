import { defineCase } from '../../../harness/dsl/define-case.js';
import { CLEARED_BEFORE, PREDICTED_COMPOSITE, clearById, documentStart, expectComposite, setChargingProfileReq, smartChargingBefore, tableProfile } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_056_CS',
  title: 'Central Smart Charging - TxDefaultProfile',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 77, follows: '2024-04' },
  purpose: 'Without a transaction, an Absolute TxDefaultProfile for the connector is Accepted, and the composite schedule the charge point then reports for the connector is the one the profile prescribes.',
  refs: [
    'OCPP 1.6 §3.13.1 Charging profile purposes (TxDefaultProfile)',
    'OCPP 1.6 §5.16.4 Setting a charging profile outside of a transaction',
    'OCPP 1.6 §5.7 Get Composite Schedule',
    'OCPP 1.6 §7.12 ChargingRateUnitType',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 77; ours: step 0 (the charger\'s rate unit, no earlier profile), the predicted periods, step 5 (clean-up).',
  deviations: [CLEARED_BEFORE, PREDICTED_COMPOSITE],
}, async ({ csms, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const sc = cfg.smartCharging;
  const cp = await csms.booted();
  const unit = await step(0, 'Before (ours): the charger\'s rate unit; ClearChargingProfile without fields', () => smartChargingBefore({ cfg, note }, cp));
  const txDefault = tableProfile({
    connectorId, chargingProfileId: 56, purpose: 'TxDefaultProfile', stackLevel: sc.stackLevel, startS: documentStart(cfg),
    duration: sc.durationS, unit, numberPhases: sc.numberPhases, periods: [[0, 6]],
  });

  await step(1, `SetChargingProfile: an Absolute TxDefaultProfile for connector ${connectorId}, ${unit === 'W' ? '6000 W' : '6 A'}, no transaction running; Accepted (steps 1–2)`, () =>
    cp.call('SetChargingProfile', setChargingProfileReq(txDefault), {
      expect: { status: 'Accepted' },
      requirement: 'Table 77 step 2; OCPP 1.6 §5.16.4: default profiles MAY be sent at any time; §3.13.1: a TxDefaultProfile for connector > 0 applies to that connector',
    }));

  await step(3, `GetCompositeSchedule for the connector, ${sc.durationS} s in ${unit}: the TxDefaultProfile's periods (steps 3–4)`, () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: sc.durationS, unit, installed: [txDefault],
      requirement: 'Table 77 step 4; OCPP 1.6 §5.7: the charge point SHALL report the composite schedule from the moment of receipt for the duration; §3.13.1: the TxDefaultProfile limits the connector',
    }));

  await step(5, 'Clean-up (ours): ClearChargingProfile of the TxDefaultProfile by id', () => clearById(cp, [txDefault.profile.chargingProfileId]));
});
