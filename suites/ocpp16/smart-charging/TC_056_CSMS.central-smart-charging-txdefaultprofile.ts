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
  provenance: 'Steps 1–2 as publicly summarised for TC_056_CSMS (tzi-OCTT test_tc_056_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_056_CSMS): SetChargingProfile.req for the configured connector with a TxDefaultProfile, kind Absolute, validFrom, validTo and startSchedule present, transactionId and recurrencyKind omitted, the configured rate unit, duration and startPeriod, limit 6.0 (A) or 6000.0 (W), numberPhases as configured or omitted when 3; answered Accepted. The profile (id 56, stack level 0, 6.0 A on 3 phases for one hour) is triggered through SUT control; the harness installs it (charge-point defaults). Timestamps are checked for presence only (their spelling is the CSMS\'s).',
  actions: ['SetChargingProfile'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const now = Date.now();
  const iso = (offsetS: number) => new Date(now + offsetS * 1000).toISOString();
  const stackLevel = 0;
  const duration = 3600;

  const request = await step(1, 'The CSMS sends SetChargingProfile with a TxDefaultProfile for the connector (step 1)', async () => {
    await sut.do('SetChargingProfile', {
      connectorId,
      csChargingProfiles: {
        chargingProfileId: 56, stackLevel, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute',
        validFrom: iso(0), validTo: iso(duration),
        chargingSchedule: { startSchedule: iso(0), duration, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 6.0, numberPhases: 3 }] },
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
        'csChargingProfiles.transactionId': { present: false },
        'csChargingProfiles.recurrencyKind': { present: false },
        'csChargingProfiles.chargingSchedule.startSchedule': { present: true },
        'csChargingProfiles.chargingSchedule.chargingRateUnit': 'A',
        'csChargingProfiles.chargingSchedule.duration': duration,
        'csChargingProfiles.chargingSchedule.chargingSchedulePeriod.0.startPeriod': 0,
        'csChargingProfiles.chargingSchedule.chargingSchedulePeriod.0.limit': { oneOf: [6, 6000] },
        'csChargingProfiles.chargingSchedule.chargingSchedulePeriod.0.numberPhases': { oneOf: [3], optional: true },
      },
      requirement: 'OCPP 1.6 §3.13.1, §5.16.4, §7.8, §7.13, errata §3.45/§3.56: a default schedule for new transactions is a TxDefaultProfile on the connector, without transactionId; an absolute one has its start, validity and duration; the first period starts at 0; no recurrencyKind unless Recurring',
    });
  });

  await step(2, 'The charge point answers Accepted (step 2)', () => request.replied);
});
