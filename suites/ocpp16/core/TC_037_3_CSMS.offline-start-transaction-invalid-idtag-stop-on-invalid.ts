import { defineCase } from '../../../harness/dsl/define-case.js';
import { OURS, STATUS_ANSWERED, stopTransaction, transactionIdOf } from './csms-session-steps.js';

/** How long the harness charge point stays offline; the queued StartTransaction carries a time from inside it. */
const OFFLINE_MS = 1500;

export default defineCase({
  id: 'TC_037_3_CSMS',
  title: 'Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = true',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 146, follows: '2024-04' },
  purpose: 'The CSMS verifies the idTag of a transaction a charge point started while offline: it answers the queued StartTransaction of an unknown idTag with Invalid (and a transactionId), then answers the StopTransaction with reason DeAuthorized for that transactionId.',
  refs: [
    'OCPP 1.6 §3.5.4 Unknown Offline Authorization',
    'OCPP 1.6 §3.7 Transaction-related messages',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §7.2 AuthorizationStatus',
    'OCPP 1.6 §7.36 Reason',
    'OCPP 1.6 §9.1.24 StopTransactionOnInvalidId',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 146; ours: step 9 (the cable is unplugged, so the connector is left Available). Step 0 really closes the connection for a moment and dials anew; no BootNotification follows, since a lost connection is not a reboot (§4.2). The harness charge point plays one that let the unknown idTag charge offline and has StopTransactionOnInvalidId = true (§3.5.4, §9.1.24), so it stops without an idTag. The idTag is idTags.invalid, unknown to the CSMS.',
  deviations: [{
    what: 'Step 9: the cable is unplugged and the CSMS must answer StatusNotification Available',
    why: 'The document\'s §1.3 post-conditions want connectors available; answering is an OCPP MUST the table does not check here',
    source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §4.9',
  }],
  actions: [],
}, async ({ cp, cfg, step, sleep }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.invalid;
  const status = (s: string, timestamp = new Date().toISOString()) => ({ connectorId, errorCode: 'NoError', status: s, timestamp });
  const answered = STATUS_ANSWERED;
  const meterStart = 37300;

  const { online, startedAt } = await step(0, 'Connectivity is removed; the EV driver starts a transaction offline with an unknown idTag; connectivity is restored', async () => {
    await link.close(1001, 'connectivity lost');
    const startedAt = new Date(Date.now() + 200).toISOString();
    await sleep(OFFLINE_MS);
    const fresh = await cp.reconnect();
    fresh.link.state.bootStatus = 'Accepted'; // not a reboot: still registered, no BootNotification
    return { online: fresh, startedAt };
  });

  const start = await step(1, 'The queued StartTransaction, with the offline start time; the CSMS finds the idTag Invalid and still assigns a transactionId (steps 1–2)', () =>
    online.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: startedAt }, {
      expect: { 'idTagInfo.status': 'Invalid', transactionId: { present: true } },
      requirement: 'OCPP 1.6 §4.8, §3.5.4, §7.2: the CSMS MUST verify the idTag of a StartTransaction.req (it may have been authorized offline) and MUST answer with a transaction id and an authorization status; an unknown idTag is Invalid (Table 146 step 2)',
    }));
  const transactionId = transactionIdOf(start.payload, online, connectorId);

  await step(3, 'StatusNotification Charging; the CSMS answers (steps 3–4)', () =>
    online.call('StatusNotification', status('Charging', startedAt), { requirement: answered }));

  await step(5, 'StopTransactionOnInvalidId = true: StopTransaction with reason DeAuthorized for that transactionId; the CSMS answers (steps 5–6)', () =>
    stopTransaction(online, connectorId, { transactionId, meterStop: meterStart + 200, reason: 'DeAuthorized' }, {
      requirement: 'OCPP 1.6 §4.10, §3.5.4: the CSMS SHALL respond to the StopTransaction (reason DeAuthorized) of the transaction it found not Accepted',
    }));

  await step(7, 'StatusNotification Finishing; the CSMS answers (steps 7–8)', () =>
    online.call('StatusNotification', status('Finishing'), { requirement: answered }));

  await step(9, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    online.call('StatusNotification', status('Available'), { requirement: answered, ...OURS }));
});
