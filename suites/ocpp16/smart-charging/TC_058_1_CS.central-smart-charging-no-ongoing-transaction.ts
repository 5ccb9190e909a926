import { defineCase } from '../../../harness/dsl/define-case.js';
import { chargerRateUnit, documentStart, setChargingProfileReq, tableProfile } from './smart-charging-steps.js';

export default defineCase({
  id: 'TC_058_1_CS',
  title: 'Central Smart Charging - No ongoing transaction',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'ChargePoint',
  octt: { table: 79, follows: '2024-04' },
  purpose: 'A TxProfile for a connector without a transaction is not taken: the charge point answers SetChargingProfile Rejected.',
  refs: [
    'OCPP 1.6 §3.13.1 Charging profile purposes (TxProfile without an active transaction)',
    'OCPP 1.6 §5.16.4 Setting a charging profile outside of a transaction',
    'OCPP 1.6 §7.11 ChargingProfileStatus',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 79; ours: the unit read before step 1 (the profile in the charger\'s unit, so that only the missing transaction is wrong), step 3 (clean-up, only if the profile was taken).',
  deviations: [{ what: 'Before step 1: GetConfiguration ChargingScheduleAllowedChargingRateUnit (unless configured)', why: 'The profile is in the charger\'s unit (<Configured chargingRateUnit>), so a rejection is about the transaction', source: 'OCPP 1.6 §3.13.5' }],
}, async ({ csms, cfg, step, note }) => {
  const connectorId = cfg.connectorIds[0]!;
  const sc = cfg.smartCharging;
  const { cp, unit } = await step(0, 'Before (ours): the charge point is connected, no transaction runs; its rate unit', async () => {
    const link = await csms.booted();
    return { cp: link, unit: await chargerRateUnit({ cfg, note }, link) };
  });
  const txProfile = tableProfile({
    connectorId, chargingProfileId: 58, purpose: 'TxProfile', transactionId: 42, stackLevel: sc.stackLevel, startS: documentStart(cfg),
    duration: sc.durationS, unit, numberPhases: sc.numberPhases, periods: [[0, 6]],
  });

  const answer = await step(1, `SetChargingProfile: a TxProfile with a transactionId for connector ${connectorId}, where no transaction runs; Rejected or CALLERROR PropertyConstraintViolation (steps 1–2)`, () =>
    cp.callResultOrError('SetChargingProfile', setChargingProfileReq(txProfile), {
      expect: { status: 'Rejected' }, errorCodes: ['PropertyConstraintViolation'],
      requirement: 'Table 79 step 2; OCPP 1.6 §3.13.1: with no transaction active on the connector of a TxProfile the charge point SHALL discard it and return an error status (Rejected, §7.11)',
    }));

  await step(3, 'Clean-up (ours): only if the profile was taken, ClearChargingProfile of it by id', async () => {
    if (answer.kind === 'error' || (answer.kind === 'result' && answer.payload.status === 'Rejected')) {
      note('the profile was not taken: nothing to clear');
      return;
    }
    await cp.call('ClearChargingProfile', { id: txProfile.profile.chargingProfileId });
  });
});
