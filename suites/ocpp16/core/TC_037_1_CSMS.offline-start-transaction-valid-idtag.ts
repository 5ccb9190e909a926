import { defineCase } from '../../../harness/dsl/define-case.js';
import { OURS, STATUS_ANSWERED, sessionTeardownDeviation, stopTransaction, transactionIdOf } from './csms-session-steps.js';

/** How long the harness charge point stays offline; the queued messages carry times from inside it. */
const OFFLINE_MS = 1500;

export default defineCase({
  id: 'TC_037_1_CSMS',
  title: 'Offline Start Transaction - Valid IdTag',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 145, follows: '2024-04' },
  purpose: 'The CSMS handles a transaction a charge point started while offline with a valid idTag: after the connection is restored it accepts the queued StartTransaction (timestamp from the offline period) with a transactionId, and takes the queued MeterValues and later messages of that transaction under that id.',
  refs: [
    'OCPP 1.6 §3.5 Local Authorization & Offline Behavior',
    'OCPP 1.6 §3.7 Transaction-related messages',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.7 MeterValues',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §7.2 AuthorizationStatus',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 145; ours: step 5 (the MeterValues sampled offline, queued and sent with the transactionId the CSMS has now assigned, §3.7, §4.7) and steps 7–11 (a local stop, Finishing and Available, so the CSMS is left without an open transaction). Step 0 really closes the connection for a moment and dials anew; no BootNotification follows, since a lost connection is not a reboot (§4.2).',
  deviations: [
    {
      what: 'Step 5: the CSMS must answer the queued MeterValues.req of the transaction started offline',
      why: 'A charge point queues the meter values of its offline period and sends them once it has the transactionId; answering is an OCPP MUST the table does not exercise',
      source: 'OCPP 1.6 §3.7, §4.7',
    },
    sessionTeardownDeviation('7–11'),
  ],
  actions: [],
}, async ({ cp, cfg, step, sleep }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string, timestamp = new Date().toISOString()) => ({ connectorId, errorCode: 'NoError', status: s, timestamp });
  const answered = STATUS_ANSWERED;
  const meterStart = 37000;

  // What happens offline, as the charge point queues it (§3.7): times from inside the offline period.
  const { online, startedAt, sampledAt } = await step(0, 'Connectivity is removed; the EV driver starts a transaction offline with a valid idTag; connectivity is restored', async () => {
    await link.close(1001, 'connectivity lost');
    const offlineFrom = Date.now();
    const at = (ms: number) => new Date(offlineFrom + ms).toISOString();
    const startedAt = at(200);
    const sampledAt = at(800);
    await sleep(OFFLINE_MS);
    const fresh = await cp.reconnect();
    fresh.link.state.bootStatus = 'Accepted'; // not a reboot: still registered, no BootNotification
    return { online: fresh, startedAt, sampledAt };
  });

  const start = await step(1, 'The queued StartTransaction, with the offline start time; the CSMS accepts the idTag and assigns a transactionId (steps 1–2)', () =>
    online.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: startedAt }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: 'OCPP 1.6 §4.8, §3.7: the CSMS processes a queued StartTransaction.req like any other: the conf MUST include a transaction id and an authorization status; a valid idTag is Accepted (Table 145 step 2)',
    }));
  const transactionId = transactionIdOf(start.payload, online, connectorId);

  await step(3, 'StatusNotification Charging; the CSMS answers (steps 3–4)', () =>
    online.call('StatusNotification', status('Charging', startedAt), { requirement: answered }));

  await step(5, 'The queued MeterValues sampled offline, sent with the transactionId just assigned; the CSMS answers (ours)', () =>
    online.call('MeterValues', {
      connectorId, transactionId,
      meterValue: [{
        timestamp: sampledAt,
        sampledValue: [{ value: String(meterStart + 100), context: 'Sample.Periodic', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
      }],
    }, {
      requirement: 'OCPP 1.6 §4.7, §3.7: the CSMS SHALL respond to MeterValues, also queued ones of a transaction started offline', ...OURS,
    }));

  await step(7, 'EV driver stops locally: StopTransaction reason Local; the CSMS answers (ours)', () =>
    stopTransaction(online, connectorId, { transactionId, idTag, meterStop: meterStart + 500, reason: 'Local' }, {
      requirement: 'OCPP 1.6 §4.10: the CSMS SHALL respond to StopTransaction', ...OURS,
    }));

  await step(9, 'StatusNotification Finishing; the CSMS answers (ours)', () =>
    online.call('StatusNotification', status('Finishing'), { requirement: answered, ...OURS }));

  await step(11, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    online.call('StatusNotification', status('Available'), { requirement: answered, ...OURS }));
});
