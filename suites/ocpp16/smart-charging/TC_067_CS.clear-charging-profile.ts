import { defineCase } from '../../../harness/dsl/define-case.js';
import { CLEARED_BEFORE, PREDICTED_COMPOSITE, documentStart, expectComposite, setChargingProfileReq, smartChargingBefore, tableProfile } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_067_CS',
  title: 'Clear Charging Profile',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 83, follows: '2024-04' },
  purpose: 'ClearChargingProfile removes exactly the profiles it names: by id (the stack level 1 TxDefaultProfile), by purpose and stack level (the stack level 0 one), then all; after each clear the composite schedule shows what remains, at last the charge point\'s own limit.',
  refs: [
    'OCPP 1.6 §5.5 Clear Charging Profile',
    'OCPP 1.6 §6.13 ClearChargingProfile.req',
    'OCPP 1.6 §7.21 ClearChargingProfileStatus',
    'OCPP 1.6 errata 3.25, 3.26 (matching the fields of ClearChargingProfile.req)',
    'OCPP 1.6 §3.13.2 Stacking charging profiles',
    'OCPP 1.6 §5.7 Get Composite Schedule',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 83; ours: the unit read and the clear before, the prediction for every Time X within the max time deviation (step 12: only that a limit is reported, the charge point\'s own).',
  deviations: [CLEARED_BEFORE, PREDICTED_COMPOSITE],
}, async ({ csms, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const sc = cfg.smartCharging;
  const { cp, unit } = await step(0, 'Before (ours): the charger\'s rate unit; ClearChargingProfile without fields', async () => {
    const link = await csms.booted();
    return { cp: link, unit: await smartChargingBefore({ cfg, note }, link) };
  });
  const startS = documentStart(cfg);
  const common = { startS, unit, numberPhases: sc.numberPhases };
  const [first, second, third] = [
    tableProfile({ ...common, connectorId, chargingProfileId: 671, purpose: 'TxDefaultProfile', stackLevel: 1, duration: 400, periods: [[0, 6], [60, 8], [200, 10]] }),
    tableProfile({ ...common, connectorId, chargingProfileId: 672, purpose: 'TxDefaultProfile', stackLevel: 0, duration: 400, validToS: startS + 401, periods: [[0, 7], [100, 9]] }),
    tableProfile({ ...common, connectorId: 0, chargingProfileId: 673, purpose: 'ChargePointMaxProfile', stackLevel: 0, duration: 86400, validToS: startS + 401, periods: [[0, 11], [200, 12]] }),
  ] as const;

  await step(0, 'Memory state: SetChargingProfile of the table\'s three profiles (TxDefaultProfile stack levels 1 and 0, ChargePointMaxProfile); each Accepted', async () => {
    for (const p of [first, second, third]) {
      await cp.call('SetChargingProfile', setChargingProfileReq(p), {
        expect: { status: 'Accepted' },
        requirement: 'Table 83 memory state; OCPP 1.6 §5.16.4: such profiles MAY be sent at any time',
      });
    }
  });

  const cleared = 'OCPP 1.6 §5.5: the charge point SHALL answer whether it could process the request; a profile matching every field given (errata 3.25) was installed and is cleared: Accepted (§7.21)';
  await step(1, 'ClearChargingProfile with the id of the first profile only; Accepted (steps 1–2)', () =>
    cp.call('ClearChargingProfile', { id: first.profile.chargingProfileId }, { expect: { status: 'Accepted' }, requirement: `Table 83 step 2; ${cleared}` }));

  await step(3, `GetCompositeSchedule for the connector, 350 s in ${unit}: 7, then 9 from 100 - x (steps 3–4)`, () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: 350, unit, installed: [second, third],
      requirement: 'Table 83 step 4; OCPP 1.6 §5.5: the cleared profile no longer takes part; §3.13.3: the remaining TxDefaultProfile and the ChargePointMaxProfile by minimum; §5.7',
    }));

  await step(5, 'ClearChargingProfile with the purpose and stack level of the second profile only; Accepted (steps 5–6)', () =>
    cp.call('ClearChargingProfile', { chargingProfilePurpose: 'TxDefaultProfile', stackLevel: second.profile.stackLevel }, {
      expect: { status: 'Accepted' }, requirement: `Table 83 step 6; ${cleared}`,
    }));

  await step(7, `GetCompositeSchedule for the connector, 350 s in ${unit}: the ChargePointMaxProfile alone, 11 then 12 from 200 - x (steps 7–8)`, () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: 350, unit, installed: [third],
      requirement: 'Table 83 step 8; OCPP 1.6 §5.5: the cleared profiles no longer take part; §3.13.1: the ChargePointMaxProfile limits every connector; §5.7',
    }));

  await step(9, 'ClearChargingProfile without fields; Accepted (steps 9–10)', () =>
    cp.call('ClearChargingProfile', {}, { expect: { status: 'Accepted' }, requirement: `Table 83 step 10; errata 3.25: no field clears every profile; ${cleared}` }));

  await step(11, `GetCompositeSchedule for the connector, 350 s in ${unit}: from 0 the charge point's own limit (steps 11–12)`, () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: 350, unit, installed: [],
      requirement: 'Table 83 step 12; OCPP 1.6 §5.7: without profiles the composite is the charge point\'s own limit',
    }));
});
