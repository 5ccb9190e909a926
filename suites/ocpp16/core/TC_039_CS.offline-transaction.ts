import { defineCase } from '../../../harness/dsl/define-case.js';
import { backOnline, goOffline, offlineAuthorizationKeys, shift } from './cs-offline-steps.js';
import { restoreBefore } from './cs-table-states.js';

/** How long the transaction runs offline before it is stopped. */
const CHARGING_MS = 500;
/** How long the harness stays offline after the cable was removed. */
const OFFLINE_AFTER_MS = 1000;

export default defineCase({
  id: 'TC_039_CS',
  title: 'Offline Transaction',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 44, follows: '2024-04' },
  purpose: 'A whole transaction that started and stopped (and the cable removed) while the CSMS was unreachable is delivered after reconnecting, in order: first its StartTransaction with the time it started, then its StopTransaction — for a transaction the CSMS never saw start — with the transactionId the CSMS assigned to the delivered StartTransaction, reason Local or none, and the time it stopped.',
  refs: [
    'OCPP 1.6 §3.7 Transaction-related messages',
    'OCPP 1.6 §3.5 Local Authorization & Offline Behavior',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §6.49 StopTransaction.req',
    'OCPP 1.6 §7.36 Reason (Local)',
    'OCPP 1.6 §9.1.1 AllowOfflineTxForUnknownId, §9.1.12 LocalAuthorizeOffline',
    'OCPP 1.6 §4.9 StatusNotification (offline rules 1–4; F1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 44; ours: the memory states (the valid idTag in the local list or cache) are not built — the idTag, config idTags.accepted, is authorised offline through the keys of the Before state —, the transaction runs 0.5 s offline and the offline period lasts 1 s after the unplugging, the StartTransaction must come first with a time from the offline period and the StopTransaction after it with the transactionId the harness assigned and a time between the stop and the return of the harness, a BootNotification on reconnecting is answered but not required (§4.2), and step 5 restores the keys.',
  deviations: [{
    what: 'the StopTransaction carries the transactionId the harness assigned to the queued StartTransaction, and both carry times from the offline period',
    why: 'the CSMS saw the start only on reconnecting; an id of the charge point\'s own (or -1, errata 3.18) or the time of delivery would misreport the transaction',
    source: 'OCPP 1.6 §3.7, §4.8, §4.10, §6.49',
  }],
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step, sleep, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const first = await csms.booted();

  const changes = await step(0, 'Before: LocalAuthorizeOffline = true; LocalAuthListEnabled, AuthorizationCacheEnabled, AllowOfflineTxForUnknownId = true (if implemented)', () =>
    offlineAuthorizationKeys({ notApplicable }, first));

  const { cp, onlineAt, start, stopAt } = await step(1, 'Offline: plug in, present the idTag (start), present it again (stop), unplug; back online, the charge point delivers the queued StartTransaction first, the harness accepts it (steps 1–2)', async () => {
    const offlineAt = await goOffline(csms);
    await sut.do('plugIn', { connectorId });
    await sut.do('presentIdTag', { connectorId, idTag });
    await sleep(CHARGING_MS);
    const stopAt = new Date().toISOString();
    await sut.do('presentIdTag', { connectorId, idTag });
    await sut.do('unplug', { connectorId });
    await sleep(OFFLINE_AFTER_MS);
    const { cp, onlineAt } = await backOnline(csms);
    const start = await cp.expectCall('StartTransaction', {
      where: { connectorId },
      match: { idTag, timestamp: { notBefore: shift(offlineAt, -cfg.toleranceMs), notAfter: shift(stopAt, cfg.toleranceMs) } },
      forbid: { actions: ['StopTransaction', 'MeterValues'], why: 'transaction-related messages are delivered in chronological order: the StartTransaction.req first (§3.7)' },
      requirement: 'OCPP 1.6 §3.7: offline, the charge point MUST queue StartTransaction.req and deliver it after reconnecting; §4.8: with the idTag and the time the transaction started, before it was stopped',
    });
    return { cp, onlineAt, start, stopAt };
  });

  await step(3, 'Then the queued StopTransaction, reason Local or none, with the transactionId the harness assigned and the time it stopped (steps 3–4)', async () => {
    const transactionId = (await cp.answerOf(start)).transactionId as number;
    await cp.expectCall('StopTransaction', {
      after: start.event.seq,
      match: {
        transactionId, reason: { oneOf: ['Local'], optional: true },
        timestamp: { notBefore: shift(stopAt, -cfg.toleranceMs), notAfter: onlineAt },
      },
      requirement: 'OCTT Table 44 step 3 (reason Local or omitted); OCPP 1.6 §3.7: the queued StopTransaction.req follows its StartTransaction.req; §4.10, §6.49: it carries the transactionId of the StartTransaction.conf (the CSMS saw the start only now) and the time it stopped (offline)',
    });
  });

  await step(5, 'Restore the configuration keys the case changed', () => restoreBefore(cp, changes));
});
