import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { startedTransaction, stoppedTransaction } from '../../../harness/roles/charge-point-defaults-16.js';

export default defineCase({
  id: 'TC_059_CSMS',
  title: 'Remote Start Transaction with Charging Profile',
  ocpp: '1.6',
  profile: 'SmartCharging',
  sut: 'Csms',
  octt: { table: 177, follows: '2024-04' },
  purpose: 'The CSMS starts a transaction remotely with a charging profile: RemoteStartTransaction carries a TxProfile without transactionId whose first period starts at 0; the CSMS then accepts the idTag in Authorize and StartTransaction.',
  refs: [
    'OCPP 1.6 §5.11 Remote Start Transaction',
    'OCPP 1.6 §5.16.2 Setting a charge profile in a RemoteStartTransaction request',
    'OCPP 1.6 §6.33 RemoteStartTransaction.req',
    'OCPP 1.6 §7.8 ChargingProfile',
    'OCPP 1.6 §7.13 ChargingSchedule',
    'OCPP 1.6 errata sheet §3.41 (no transactionId), §3.45 (first startPeriod 0), §3.56 (recurrencyKind only for Recurring)',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
  ],
  provenance: 'Steps 1–10 as publicly summarised for TC_059_CSMS (tzi-OCTT test_tc_059_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_059_CSMS): RemoteStartTransaction.req with the valid idTag, the configured connectorId and a chargingProfile of purpose TxProfile, transactionId and recurrencyKind omitted, first startPeriod 0, kind Absolute (validFrom, validTo, startSchedule, duration present) or Relative (startSchedule omitted); answered Accepted → Authorize (Accepted) → Preparing → StartTransaction (Accepted) → Charging. The request (profile id 59, stack level 0, kind Relative, 16.0 A) is triggered through SUT control; the harness accepts it and applies the profile to the transaction (charge-point defaults, §5.16.2). Steps 11–15 are ours (§4.10, §4.9): a local stop, Finishing and Available.',
  actions: ['RemoteStartTransaction'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

  const remoteStart = await step(1, 'The CSMS sends RemoteStartTransaction with a TxProfile (step 1)', async () => {
    await sut.do('RemoteStartTransaction', {
      connectorId, idTag,
      chargingProfile: {
        chargingProfileId: 59, stackLevel: 0, chargingProfilePurpose: 'TxProfile', chargingProfileKind: 'Relative',
        chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16.0 }] },
      },
    });
    return link.expectCall('RemoteStartTransaction', {
      match: {
        idTag, connectorId,
        'chargingProfile.chargingProfilePurpose': 'TxProfile',
        'chargingProfile.transactionId': { present: false },
        'chargingProfile.recurrencyKind': { present: false },
        'chargingProfile.chargingProfileKind': 'Relative',
        'chargingProfile.chargingSchedule.startSchedule': { present: false },
        'chargingProfile.chargingSchedule.chargingSchedulePeriod.0.startPeriod': 0,
      },
      requirement: 'OCPP 1.6 §5.16.2, §7.8, §7.13, errata §3.41/§3.45/§3.56: a charging profile in RemoteStartTransaction.req MUST be a TxProfile and SHALL NOT carry a transactionId; a relative schedule has no startSchedule; the first period starts at 0; no recurrencyKind unless Recurring',
    });
  });

  await step(2, 'The charge point answers Accepted (step 2)', () => remoteStart.replied);

  await step(3, 'Authorize the idTag; the CSMS accepts it (steps 3–4)', () =>
    link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §5.11, §7.2: the CSMS answers Authorize with idTagInfo; the idTag it sent in RemoteStartTransaction is Accepted',
    }));

  await step(5, 'The cable is plugged in: StatusNotification Preparing; the CSMS answers (steps 5–6)', () =>
    link.call('StatusNotification', status('Preparing'), { requirement: answered }));

  const meterStart = 5900;
  const transactionId = await step(7, 'StartTransaction; the CSMS accepts the idTag and assigns a transactionId (steps 7–8)', async () => {
    const start = await link.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: new Date().toISOString() }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: 'OCPP 1.6 §4.8: StartTransaction.conf MUST include a transaction id and an authorization status; a valid idTag is Accepted',
    });
    const id = start.payload.transactionId;
    if (typeof id !== 'number') throw new ExpectationUnmet('StartTransaction.conf carries no transactionId; the session cannot go on');
    startedTransaction(link.link, connectorId, id);
    return id;
  });

  await step(9, 'StatusNotification Charging; the CSMS answers (steps 9–10)', () =>
    link.call('StatusNotification', status('Charging'), { requirement: answered }));

  await step(11, 'EV driver stops locally: StopTransaction reason Local; the CSMS answers (ours)', async () => {
    await link.call('StopTransaction', { transactionId, idTag, meterStop: meterStart + 500, timestamp: new Date().toISOString(), reason: 'Local' }, {
      requirement: 'OCPP 1.6 §4.10: the CSMS SHALL respond to StopTransaction',
    });
    stoppedTransaction(link.link, connectorId);
  });

  await step(13, 'StatusNotification Finishing; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Finishing'), { requirement: answered }));

  await step(15, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
