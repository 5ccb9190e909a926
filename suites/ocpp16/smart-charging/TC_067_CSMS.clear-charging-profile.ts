import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import type { Matcher } from '../../../harness/checks/match.js';
import { startedTransaction, stoppedTransaction } from '../../../harness/roles/charge-point-defaults-16.js';

export default defineCase({
  id: 'TC_067_CSMS',
  title: 'Clear Charging Profile',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'Csms',
  octt: { table: 176, follows: '2024-04' },
  purpose: 'The CSMS sets three charging profiles (ChargePointMaxProfile on connector 0, TxDefaultProfile and a TxProfile for the running transaction on the connector, distinct ids, one stack level), then clears them with ClearChargingProfile: by id, by criteria, and all.',
  refs: [
    'OCPP 1.6 §3.13.1 Charging profile purposes',
    'OCPP 1.6 §5.5 Clear Charging Profile',
    'OCPP 1.6 §6.13 ClearChargingProfile.req',
    'OCPP 1.6 errata sheet §3.25/§3.26 (no field clears all; given fields match together)',
    'OCPP 1.6 §5.16 Set Charging Profile',
    'OCPP 1.6 §6.43 SetChargingProfile.req',
    'OCPP 1.6 §7.8 ChargingProfile',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
  ],
  provenance: 'Steps 1–8 as publicly summarised for TC_067_CSMS (tzi-OCTT test_tc_067_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_067_CSMS): in reusable state Charging, steps 1–2 three times (ChargePointMaxProfile on connector 0 without transactionId; TxDefaultProfile on the configured connector without transactionId; TxProfile on it with the generated transactionId; distinct chargingProfileIds, the configured stack level), each answered Accepted; ClearChargingProfile by the id of profile 1 (other fields omitted); by connectorId, purpose TxDefaultProfile and stack level (id omitted); with every field omitted; each answered Accepted. Step 0 is the reusable state Charging. Every request is triggered through SUT control (profile ids 671–673, stack level 1); the harness installs and clears the profiles (charge-point defaults), so each clear finds what it clears. Steps 9–13 are ours (§4.10, §4.9): a local stop, Finishing and Available.',
  actions: ['SetChargingProfile', 'ClearChargingProfile'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';
  const stackLevel = 1;
  // Absolute schedules start now; a Relative one starts with the transaction (§7.9, §7.13).
  const schedule = (kind: string, limit: number) => ({
    ...(kind === 'Absolute' ? { startSchedule: new Date().toISOString() } : {}),
    chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit }],
  });

  const meterStart = 6700;
  const transactionId = await step(0, 'Reusable state Charging: Authorize, Preparing, StartTransaction, Charging', async () => {
    await link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §7.2: the CSMS answers Authorize with idTagInfo; a known, valid idTag is Accepted',
    });
    await link.call('StatusNotification', status('Preparing'), { requirement: answered });
    const start = await link.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: new Date().toISOString() }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: 'OCPP 1.6 §4.8: StartTransaction.conf MUST include a transaction id and an authorization status; a valid idTag is Accepted',
    });
    const id = start.payload.transactionId;
    if (typeof id !== 'number') throw new ExpectationUnmet('StartTransaction.conf carries no transactionId; the session cannot go on');
    startedTransaction(link.link, connectorId, id);
    await link.call('StatusNotification', status('Charging'), { requirement: answered });
    return id;
  });

  const profiles = [
    { title: 'ChargePointMaxProfile on connector 0', connectorId: 0, chargingProfileId: 671, chargingProfilePurpose: 'ChargePointMaxProfile', kind: 'Absolute', limit: 32.0 },
    { title: 'TxDefaultProfile on the connector', connectorId, chargingProfileId: 672, chargingProfilePurpose: 'TxDefaultProfile', kind: 'Absolute', limit: 16.0 },
    { title: 'TxProfile for the running transaction', connectorId, chargingProfileId: 673, chargingProfilePurpose: 'TxProfile', kind: 'Relative', limit: 10.0, transactionId },
  ];
  for (const [i, p] of profiles.entries()) {
    const set = await step(1, `The CSMS sends SetChargingProfile ${i + 1} of 3: ${p.title} (step 1)`, async () => {
      await sut.do('SetChargingProfile', {
        connectorId: p.connectorId,
        csChargingProfiles: {
          chargingProfileId: p.chargingProfileId, stackLevel, chargingProfilePurpose: p.chargingProfilePurpose, chargingProfileKind: p.kind,
          ...(p.transactionId !== undefined ? { transactionId: p.transactionId } : {}),
          chargingSchedule: schedule(p.kind, p.limit),
        },
      });
      return link.expectCall('SetChargingProfile', {
        match: {
          connectorId: p.connectorId,
          'csChargingProfiles.chargingProfileId': p.chargingProfileId,
          'csChargingProfiles.chargingProfilePurpose': p.chargingProfilePurpose,
          'csChargingProfiles.stackLevel': stackLevel,
          'csChargingProfiles.transactionId': p.transactionId ?? { present: false },
          'csChargingProfiles.chargingProfileKind': p.kind,
          'csChargingProfiles.chargingSchedule.chargingSchedulePeriod.0.startPeriod': 0,
        },
        requirement: p.transactionId !== undefined
          ? 'OCPP 1.6 §3.13.1, §5.16.3, §7.8: a TxProfile goes to the connector of the running transaction and carries its transactionId'
          : `OCPP 1.6 §3.13.1, §5.16.4, §7.8: a ${p.chargingProfilePurpose} ${p.connectorId === 0 ? 'is set on connector 0' : 'is set on the connector'} and carries no transactionId (only valid for TxProfile)`,
      });
    });
    await step(2, `The charge point answers Accepted (step 2, profile ${i + 1})`, () => set.replied);
  }

  const clears: { n: number; title: string; params: Record<string, unknown>; match: Matcher; requirement: string }[] = [
    {
      n: 3, title: 'by the id of profile 1', params: { id: 671 },
      match: { id: 671, connectorId: { present: false }, chargingProfilePurpose: { present: false }, stackLevel: { present: false } },
      requirement: 'OCPP 1.6 §5.5, §6.13: to clear one charging profile the CSMS sends ClearChargingProfile.req with its id',
    },
    {
      n: 5, title: 'by criteria: the connector, TxDefaultProfile, the stack level', params: { connectorId, chargingProfilePurpose: 'TxDefaultProfile', stackLevel },
      match: { id: { present: false }, connectorId, chargingProfilePurpose: 'TxDefaultProfile', stackLevel },
      requirement: 'OCPP 1.6 §5.5, §6.13, errata §3.25: to clear the profiles that match criteria the CSMS gives connectorId, purpose and stack level, without id',
    },
    {
      n: 7, title: 'all remaining profiles', params: {},
      match: { id: { present: false }, connectorId: { present: false }, chargingProfilePurpose: { present: false }, stackLevel: { present: false } },
      requirement: 'OCPP 1.6 §5.5, §6.13, errata §3.25: to clear every charging profile the CSMS sends ClearChargingProfile.req with no field',
    },
  ];
  for (const c of clears) {
    const clear = await step(c.n, `The CSMS sends ClearChargingProfile ${c.title} (step ${c.n})`, async () => {
      await sut.do('ClearChargingProfile', c.params);
      return link.expectCall('ClearChargingProfile', { match: c.match, requirement: c.requirement });
    });
    await step(c.n + 1, `The charge point answers Accepted (step ${c.n + 1})`, () => clear.replied);
  }

  await step(9, 'EV driver stops locally: StopTransaction reason Local; the CSMS answers (ours)', async () => {
    await link.call('StopTransaction', { transactionId, idTag, meterStop: meterStart + 500, timestamp: new Date().toISOString(), reason: 'Local' }, {
      requirement: 'OCPP 1.6 §4.10: the CSMS SHALL respond to StopTransaction',
    });
    stoppedTransaction(link.link, connectorId);
  });

  await step(11, 'StatusNotification Finishing; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Finishing'), { requirement: answered }));

  await step(13, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
