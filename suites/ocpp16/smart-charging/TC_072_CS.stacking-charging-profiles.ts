import { defineCase } from '../../../harness/dsl/define-case.js';
import { CLEARED_BEFORE, clearById, documentStart, expectComposite, setChargingProfileReq, smartChargingBefore, tableProfile } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_072_CS',
  title: 'Stacking Charging Profiles',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 84, follows: '2024-04' },
  purpose: 'Two TxDefaultProfiles of stack levels 0 (400 s) and 1 (150 s) on a connector: the higher one prevails while its schedule lasts, then the charge point falls back to the lower one; the composite schedule shows both.',
  refs: [
    'OCPP 1.6 §3.13.2 Stacking charging profiles',
    'OCPP 1.6 errata 3.43 (fall back to a lower stackLevel after the duration)',
    'OCPP 1.6 §5.7 Get Composite Schedule',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 84 (profiles and expected periods 0: 7, 100-x: 9, 150-x: 8, 200-x: 10, reproduced by fixtures OCTT_Table84_TC_072_CS_*); ours: the unit read and the clear before, the prediction for every Time X within the max time deviation, step 3 (clean-up).',
  deviations: [CLEARED_BEFORE],
}, async ({ csms, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const sc = cfg.smartCharging;
  const { cp, unit } = await step(0, 'Before (ours): the charger\'s rate unit; ClearChargingProfile without fields', async () => {
    const link = await csms.booted();
    return { cp: link, unit: await smartChargingBefore({ cfg, note }, link) };
  });
  const startS = documentStart(cfg);
  const common = { connectorId, purpose: 'TxDefaultProfile' as const, startS, unit, numberPhases: sc.numberPhases, validToS: startS + 401 };
  const profiles = [
    tableProfile({ ...common, chargingProfileId: 721, stackLevel: 0, duration: 400, periods: [[0, 6], [100, 8], [200, 10]] }),
    tableProfile({ ...common, chargingProfileId: 722, stackLevel: 1, duration: 150, periods: [[0, 7], [100, 9]] }),
  ];

  await step(0, 'Memory state: SetChargingProfile of the two TxDefaultProfiles of the table (stack levels 0 and 1); each Accepted', async () => {
    for (const p of profiles) {
      await cp.call('SetChargingProfile', setChargingProfileReq(p), {
        expect: { status: 'Accepted' },
        requirement: 'Table 84 memory state; OCPP 1.6 §5.16.4: default profiles MAY be sent at any time; §3.13.2: profiles of one purpose and different stack levels may be stacked',
      });
    }
  });

  await step(1, `GetCompositeSchedule for the connector, 350 s in ${unit}: 7, then 9 from 100 - x, 8 from 150 - x, 10 from 200 - x (steps 1–2)`, () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: 350, unit, installed: profiles,
      requirement: 'Table 84 step 2; OCPP 1.6 §3.13.2: at any point in time the prevailing profile SHALL be the one with the highest stackLevel; errata 3.43: after its duration a lower stackLevel applies; §5.7: from the moment of receipt for the duration',
    }));

  await step(3, 'Clean-up (ours): ClearChargingProfile of both TxDefaultProfiles by id', () => clearById(cp, [721, 722]));
});
