import { defineCase } from '../../../harness/dsl/define-case.js';
import { CLEARED_BEFORE, clearById, documentStart, expectComposite, requireAtLeast, setChargingProfileReq, smartChargingBefore, startCharging, stopCharging, tableProfile } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_066_CS',
  title: 'Get Composite Schedule',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 82, follows: '2024-04' },
  purpose: 'With the table\'s ChargePointMaxProfile, TxDefaultProfile and TxProfile installed during a transaction, GetCompositeSchedule over 400 s reports their combination: the TxProfile (which overrules the TxDefaultProfile for the whole transaction, also after its own 260 s) capped by the ChargePointMaxProfile.',
  refs: [
    'OCPP 1.6 §5.7 Get Composite Schedule',
    'OCPP 1.6 §6.22 GetCompositeSchedule.conf',
    'OCPP 1.6 §3.13.1 Charging profile purposes (TxProfile overrules TxDefaultProfile for the current transaction)',
    'OCPP 1.6 §3.13.3 Combining charging profile purposes',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 82 (profiles and expected periods 0: 8, 50-x: 10, 200-x: 6, 240-x: 10, reproduced by fixtures OCTT_Table82_TC_066_CS_*); ours: the unit and prerequisite reads and the clear before, the prediction for every Time X within the max time deviation, steps 3–4 (clean-up).',
  deviations: [CLEARED_BEFORE],
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, note, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const sc = cfg.smartCharging;
  const { cp, unit, tx } = await step(0, 'Before: prerequisites, the charger\'s rate unit and no earlier profile (ours); reusable state Charging', async () => {
    const link = await csms.booted();
    await requireAtLeast({ note, notApplicable }, link, { MaxChargingProfilesInstalled: 3, ChargingScheduleMaxPeriods: 5 });
    const rateUnit = await smartChargingBefore({ cfg, note }, link);
    return { cp: link, unit: rateUnit, tx: await startCharging({ sut }, link, { connectorId, idTag: cfg.idTags.accepted }) };
  });
  const startS = documentStart(cfg);
  const common = { stackLevel: 0, startS, unit, numberPhases: sc.numberPhases };
  const profiles = [
    tableProfile({ ...common, connectorId: 0, chargingProfileId: 661, purpose: 'ChargePointMaxProfile', duration: 86400, periods: [[0, 10]] }),
    tableProfile({ ...common, connectorId, chargingProfileId: 662, purpose: 'TxDefaultProfile', duration: 300, validToS: startS + 401,
      periods: [[0, 6], [60, 10], [120, 8], [180, 15], [260, 8]] }),
    tableProfile({ ...common, connectorId, chargingProfileId: 663, purpose: 'TxProfile', transactionId: tx.transactionId, duration: 260, validToS: startS + 401,
      periods: [[0, 8], [50, 11], [140, 16], [200, 6], [240, 12]] }),
  ];

  await step(0, 'Memory state: SetChargingProfile ChargePointMaxProfile, TxDefaultProfile and TxProfile of the table; each Accepted', async () => {
    for (const p of profiles) {
      await cp.call('SetChargingProfile', setChargingProfileReq(p), {
        expect: { status: 'Accepted' },
        requirement: `Table 82 memory state: the ${p.profile.chargingProfilePurpose} is installed; OCPP 1.6 §5.16.3, §5.16.4`,
      });
    }
  });

  await step(1, `GetCompositeSchedule for the connector, 400 s in ${unit}: 8, then 10 from 50 - x, 6 from 200 - x, 10 from 240 - x (steps 1–2)`, () =>
    expectComposite({ cfg, note }, cp, {
      connectorId, duration: 400, unit, installed: profiles, transaction: tx,
      requirement: 'Table 82 step 2; OCPP 1.6 §3.13.1: the TxProfile SHALL overrule the TxDefaultProfile for the duration of the current transaction; §3.13.3: combined with the ChargePointMaxProfile by taking the minimum; §5.7: from the moment of receipt for the duration',
    }));

  await step(3, 'Clean-up (ours): stop the transaction remotely and unplug; Finishing, then Available', () => stopCharging({ sut }, cp, tx));
  await step(4, 'Clean-up (ours): ClearChargingProfile of the ChargePointMaxProfile and the TxDefaultProfile by id', () => clearById(cp, [661, 662]));
});
