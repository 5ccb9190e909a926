import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_056_CSMS',
  title: 'Central Smart Charging - TxDefaultProfile',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'Csms',
  octt: { table: 173, follows: '2024-04' },
  purpose: 'The CSMS sets a default schedule for new transactions: SetChargingProfile with an absolute TxDefaultProfile (valid from/to, start of schedule, duration, a first period starting at 0) and no transactionId or recurrency.',
  refs: [
    'OCPP 1.6 §3.13.1 Charging profile purposes (TxDefaultProfile)',
    'OCPP 1.6 §5.16.4 Setting a charging profile outside of a transaction',
    'OCPP 1.6 §6.43 SetChargingProfile.req',
    'OCPP 1.6 §7.8 ChargingProfile',
    'OCPP 1.6 §7.13 ChargingSchedule',
    'OCPP 1.6 errata sheet §3.45 (first startPeriod 0), §3.56 (recurrencyKind only for Recurring)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 173; ours: the request triggered through SUT control (profile id 56, the configured stack level, unit, duration and phases, 6 A or 6000 W, valid for the duration); timestamps are checked for presence only (their spelling is the CSMS\'s).',
  actions: ['SetChargingProfile'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const now = Date.now();
  const iso = (offsetS: number) => new Date(now + offsetS * 1000).toISOString();
  // The OCTT's configured values (smartCharging.*): stack level, unit, duration, phases.
  const { stackLevel, durationS: duration, numberPhases } = cfg.smartCharging;
  const unit = cfg.smartCharging.rateUnit ?? 'A';

  const request = await step(1, 'The CSMS sends SetChargingProfile with a TxDefaultProfile for the connector (step 1)', async () => {
    await sut.do('SetChargingProfile', {
      connectorId,
      csChargingProfiles: {
        chargingProfileId: 56, stackLevel, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute',
        validFrom: iso(0), validTo: iso(duration),
        chargingSchedule: { startSchedule: iso(0), duration, chargingRateUnit: unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: unit === 'W' ? 6000.0 : 6.0, numberPhases }] },
      },
    });
    return link.expectCall('SetChargingProfile', {
      match: {
        connectorId,
        'csChargingProfiles.stackLevel': stackLevel,
        'csChargingProfiles.chargingProfilePurpose': 'TxDefaultProfile',
        'csChargingProfiles.chargingProfileKind': 'Absolute',
        'csChargingProfiles.validFrom': { present: true },
        'csChargingProfiles.validTo': { present: true },
        'csChargingProfiles.chargingSchedule.startSchedule': { present: true },
        'csChargingProfiles.chargingSchedule.chargingRateUnit': unit,
        'csChargingProfiles.chargingSchedule.duration': duration,
        'csChargingProfiles.chargingSchedule.chargingSchedulePeriod.0.startPeriod': 0,
        'csChargingProfiles.chargingSchedule.chargingSchedulePeriod.0.limit': { oneOf: [6, 6000] },
        // Configured 3 phases: the value or omitted; otherwise the value (Table 173).
        'csChargingProfiles.chargingSchedule.chargingSchedulePeriod.0.numberPhases': numberPhases === 3 ? { oneOf: [3], optional: true } : numberPhases,
      },
      requirement: 'Table 173 step 1; OCPP 1.6 §3.13.1, §5.16.4, §7.8, §7.13, errata §3.45: a default schedule for new transactions is a TxDefaultProfile on the connector; the table wants an absolute one with its start, validity and duration, the configured stack level, unit and phases, and 6 A (6000 W) from 0',
    });
  });

  await step(2, 'The charge point answers Accepted (step 2)', () => request.replied);
});
