import { defineCase } from '../../../harness/dsl/define-case.js';
import { OURS, STATUS_ANSWERED, stopTransaction, transactionIdOf } from './csms-session-steps.js';

/** How long the harness charge point stays offline; the queued messages carry times from inside it. */
const OFFLINE_MS = 1500;

export default defineCase({
  id: 'TC_039_CSMS',
  title: 'Offline Transaction',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 147, follows: '2024-04' },
  purpose: 'The CSMS handles a whole transaction that started and ended while the charge point was offline: after the connection is restored it accepts the queued StartTransaction with a transactionId and answers the queued StopTransaction (reason Local, with the meter values of the offline period) sent with that transactionId.',
  refs: [
    'OCPP 1.6 §3.7 Transaction-related messages',
    'OCPP 1.6 §3.5 Local Authorization & Offline Behavior',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §6.49 StopTransaction.req',
    'OCPP 1.6 §7.36 Reason',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 147; ours: step 5 (the charge point reports the connector\'s current status, Available). Step 0 really closes the connection for a moment and dials anew; no BootNotification follows, since a lost connection is not a reboot (§4.2). Both queued messages carry times from the offline period; the StopTransaction carries the transactionId the CSMS assigned in step 2 and, as transactionData, a meter value sampled offline (§4.10, §6.49).',
  deviations: [{
    what: 'Step 5: the CSMS must answer the StatusNotification Available that follows the queued messages',
    why: 'The charge point reports the connector\'s status after the offline period; answering is an OCPP MUST the table does not check here',
    source: 'OCPP 1.6 §4.9',
  }],
  actions: [],
}, async ({ cp, cfg, step, sleep }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const meterStart = 39000;

  // What happens offline, as the charge point queues it (§3.7): times from inside the offline period.
  const { online, startedAt, sampledAt, stoppedAt, unpluggedAt } = await step(0, 'Connectivity is removed; the EV driver starts and stops a transaction offline and unplugs; connectivity is restored', async () => {
    await link.close(1001, 'connectivity lost');
    const offlineFrom = Date.now();
    const at = (ms: number) => new Date(offlineFrom + ms).toISOString();
    const times = { startedAt: at(200), sampledAt: at(600), stoppedAt: at(1000), unpluggedAt: at(1200) };
    await sleep(OFFLINE_MS);
    const fresh = await cp.reconnect();
    fresh.link.state.bootStatus = 'Accepted'; // not a reboot: still registered, no BootNotification
    return { online: fresh, ...times };
  });

  const start = await step(1, 'The queued StartTransaction, with the offline start time; the CSMS accepts the idTag and assigns a transactionId (steps 1–2)', () =>
    online.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: startedAt }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: 'OCPP 1.6 §4.8, §3.7: the CSMS processes a queued StartTransaction.req like any other: the conf MUST include a transaction id and an authorization status; a valid idTag is Accepted (Table 147 step 2)',
    }));
  const transactionId = transactionIdOf(start.payload, online, connectorId);

  await step(3, 'The queued StopTransaction, reason Local, with the offline stop time and the transactionId just assigned; the CSMS answers (steps 3–4)', () =>
    stopTransaction(online, connectorId, {
      transactionId, idTag, meterStop: meterStart + 400, timestamp: stoppedAt, reason: 'Local',
      transactionData: [{
        timestamp: sampledAt,
        sampledValue: [{ value: String(meterStart + 200), context: 'Sample.Periodic', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
      }],
    }, {
      requirement: 'OCPP 1.6 §4.10, §3.7: the CSMS SHALL respond to StopTransaction, also a queued one of a transaction that started and ended while the charge point was offline',
    }));

  await step(5, 'StatusNotification Available (the connector\'s status now); the CSMS answers (ours)', () =>
    online.call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available', timestamp: unpluggedAt }, {
      requirement: STATUS_ANSWERED, ...OURS,
    }));
});
