import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { startedTransaction, stoppedTransaction } from '../../../harness/versions/ocpp16/roles/charge-point-defaults.js';

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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 177; ours: the request triggered through SUT control (profile id 59, Relative, 16 A), steps 11–15 (a local stop, Finishing and Available).',
  deviations: [{
    what: 'Step 1 accepts chargingProfileKind Absolute as well as Relative',
    why: 'Table 177 (2024-04) wants Relative; the newer revision of the document accepts Absolute as well, and §5.16.2 allows any kind of TxProfile. Accepting both is less strict than the 2024-04 table, never stricter',
    source: 'OCTT 1.6 test case document, newer revision of TC_059_CSMS; OCPP 1.6 §5.16.2, §7.9',
  }],
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
        // 2024-04 says Relative; the newer revision accepts Absolute as well (see deviations).
        'chargingProfile.chargingProfileKind': { oneOf: ['Relative', 'Absolute'] },
        'chargingProfile.chargingSchedule.chargingSchedulePeriod.0.startPeriod': 0,
      },
      requirement: 'Table 177 step 1 (kind: newer revision); OCPP 1.6 §5.16.2, §7.8, errata §3.41/§3.45: a charging profile in RemoteStartTransaction.req MUST be a TxProfile and SHALL NOT carry a transactionId; the first period starts at 0',
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
