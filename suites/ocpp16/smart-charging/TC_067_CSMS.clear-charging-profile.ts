import { defineCase } from '../../../harness/dsl/define-case.js';
import type { Matcher } from '../../../harness/checks/match.js';

export default defineCase({
  id: 'TC_067_CSMS',
  title: 'Clear Charging Profile',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'Csms',
  octt: { table: 176, follows: '2024-04' },
  purpose: 'The CSMS sets three TxDefaultProfiles on the connector (the configured stack level, +1, +2), then clears them with ClearChargingProfile: by the id of the first, by criteria (connector, purpose, stack level + 1), and all.',
  refs: [
    'OCPP 1.6 §3.13.1 Charging profile purposes',
    'OCPP 1.6 §5.5 Clear Charging Profile',
    'OCPP 1.6 §6.13 ClearChargingProfile.req',
    'OCPP 1.6 errata sheet §3.25/§3.26 (no field clears all; given fields match together)',
    'OCPP 1.6 §5.16 Set Charging Profile',
    'OCPP 1.6 §6.43 SetChargingProfile.req',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 176; ours: every request is triggered through SUT control (ids 671–673, Absolute schedules of 16 A starting now); the clear by id is matched against the chargingProfileId the CSMS actually sent for the first profile.',
  actions: ['SetChargingProfile', 'ClearChargingProfile'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const level = cfg.smartCharging.stackLevel;
  const unit = cfg.smartCharging.rateUnit ?? 'A';

  const sentIds: unknown[] = [];
  for (const [i, stackLevel] of [level, level + 1, level + 2].entries()) {
    const set = await step(1, `The CSMS sends SetChargingProfile ${i + 1} of 3: a TxDefaultProfile of stack level ${stackLevel} on the connector (step 1)`, async () => {
      await sut.do('SetChargingProfile', {
        connectorId,
        csChargingProfiles: {
          chargingProfileId: 671 + i, stackLevel, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute',
          chargingSchedule: { startSchedule: new Date().toISOString(), chargingRateUnit: unit, chargingSchedulePeriod: [{ startPeriod: 0, limit: unit === 'W' ? 16000 : 16 }] },
        },
      });
      return link.expectCall('SetChargingProfile', {
        match: { connectorId, 'csChargingProfiles.chargingProfilePurpose': 'TxDefaultProfile', 'csChargingProfiles.stackLevel': stackLevel },
        requirement: `Table 176 step 1, profile ${i + 1}; OCPP 1.6 §3.13.1, §5.16.4: a default schedule for the connector is a TxDefaultProfile; stack level as asked`,
      });
    });
    sentIds.push((set.frame.payload as { csChargingProfiles?: { chargingProfileId?: unknown } }).csChargingProfiles?.chargingProfileId);
    await step(2, `The charge point answers Accepted (step 2, profile ${i + 1})`, () => set.replied);
  }
  const firstId = typeof sentIds[0] === 'number' ? sentIds[0] : 671;

  const clears: { n: number; title: string; params: Record<string, unknown>; match: Matcher; requirement: string }[] = [
    {
      n: 3, title: 'by the id of profile 1', params: { id: firstId },
      match: { id: firstId, connectorId: { present: false }, chargingProfilePurpose: { present: false }, stackLevel: { present: false } },
      requirement: 'Table 176 step 3; OCPP 1.6 §5.5, §6.13: to clear one charging profile the CSMS sends ClearChargingProfile.req with the id it gave it',
    },
    {
      n: 5, title: `by criteria: the connector, TxDefaultProfile, stack level ${level + 1}`, params: { connectorId, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: level + 1 },
      match: { id: { present: false }, connectorId, chargingProfilePurpose: 'TxDefaultProfile', stackLevel: level + 1 },
      requirement: 'Table 176 step 5; OCPP 1.6 §5.5, §6.13, errata §3.25: to clear the profiles that match criteria the CSMS gives connectorId, purpose and stack level, without id',
    },
    {
      n: 7, title: 'all remaining profiles', params: {},
      match: { id: { present: false }, connectorId: { present: false }, chargingProfilePurpose: { present: false }, stackLevel: { present: false } },
      requirement: 'Table 176 step 7; OCPP 1.6 §5.5, §6.13, errata §3.25: to clear every charging profile the CSMS sends ClearChargingProfile.req with no field',
    },
  ];
  for (const c of clears) {
    const clear = await step(c.n, `The CSMS sends ClearChargingProfile ${c.title} (step ${c.n})`, async () => {
      await sut.do('ClearChargingProfile', c.params);
      return link.expectCall('ClearChargingProfile', { match: c.match, requirement: c.requirement });
    });
    await step(c.n + 1, `The charge point answers Accepted (step ${c.n + 1})`, () => clear.replied);
  }
});
