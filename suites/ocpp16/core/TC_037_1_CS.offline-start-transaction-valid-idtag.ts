import { defineCase } from '../../../harness/dsl/define-case.js';
import { backOnline, goOffline, offlineAuthorizationKeys, shift } from './cs-offline-steps.js';
import { cleanUpUnplug, restoreBefore } from './cs-table-states.js';

/** How long the harness stays offline after the idTag was presented: the transaction runs offline. */
const OFFLINE_AFTER_MS = 1000;

export default defineCase({
  id: 'TC_037_1_CS',
  title: 'Offline Start Transaction - Valid IdTag',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 40, follows: '2024-04' },
  purpose: 'A transaction started while the CSMS is unreachable is delivered after reconnecting: the queued StartTransaction carries the idTag, the connector and the time the transaction started offline; the connector is reported Charging.',
  refs: [
    'OCPP 1.6 §3.5 Local Authorization & Offline Behavior',
    'OCPP 1.6 §3.7 Transaction-related messages',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §9.1.1 AllowOfflineTxForUnknownId, §9.1.12 LocalAuthorizeOffline',
    'OCPP 1.6 §4.9 StatusNotification (offline rules 1–4)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 40; ours: the memory states (the valid idTag in the local list or cache) are not built — the idTag, config idTags.accepted, is authorised offline through the keys of the Before state —, the offline period lasts 1 s after the idTag was presented, the queued StartTransaction must carry a time from the offline period, a BootNotification on reconnecting is answered but not required (§4.2), and steps 5–8 (stop by the idTag with the assigned transactionId, Finishing, unplug, keys restored) leave the charge point as found.',
  deviations: [{
    what: 'the StopTransaction of the clean-up carries the transactionId the harness assigned to the queued StartTransaction',
    why: 'a charge point that kept an id of its own for a transaction started offline would report its stop under an id the CSMS does not know',
    source: 'OCPP 1.6 §4.10, §6.49 (transactionId as received in StartTransaction.conf)',
  }],
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step, sleep, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const first = await csms.booted();

  const changes = await step(0, 'Before: LocalAuthorizeOffline = true; LocalAuthListEnabled, AuthorizationCacheEnabled, AllowOfflineTxForUnknownId = true (if implemented)', () =>
    offlineAuthorizationKeys({ notApplicable }, first));

  const { cp, transactionId, started } = await step(1, 'Offline: plug in and present the valid idTag; back online, the charge point delivers the queued StartTransaction, the harness accepts it (steps 1–2)', async () => {
    const offlineAt = await goOffline(csms);
    await sut.do('plugIn', { connectorId });
    await sut.do('presentIdTag', { connectorId, idTag });
    await sleep(OFFLINE_AFTER_MS);
    const { cp, onlineAt } = await backOnline(csms);
    const start = await cp.expectCall('StartTransaction', {
      where: { connectorId },
      match: { idTag, timestamp: { notBefore: shift(offlineAt, -cfg.toleranceMs), notAfter: onlineAt } },
      forbid: { actions: ['StopTransaction', 'MeterValues'], why: 'transaction-related messages are delivered in chronological order: the StartTransaction.req first (§3.7)' },
      requirement: 'OCPP 1.6 §3.7: offline, the charge point MUST queue StartTransaction.req and deliver it after reconnecting; §4.8: it carries the idTag and the time the transaction started, within the offline period',
    });
    return { cp, transactionId: (await cp.answerOf(start)).transactionId as number, started: start.event.seq };
  });

  await step(3, 'The charge point reports the connector Charging (steps 3–4)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId, status: 'Charging' },
      // The table checks it; the spec asks the statuses that changed offline to be reported at SHOULD only.
      level: 'SHOULD', octt: 'fails',
      requirement: 'OCTT Table 40 step 3; OCPP 1.6 §4.9 (offline rule 1): after reconnecting the charge point SHOULD report the current status of a connector whose status changed while offline: Charging',
    }));

  const stopping = await step(5, 'Clean-up: present the idTag again; the charge point stops the transaction with a StopTransaction for the assigned transactionId', async () => {
    const from = cp.mark('presenting the idTag to stop');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('StopTransaction', {
      after: started,
      match: { transactionId, reason: { oneOf: ['Local'], optional: true } },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.10, §6.49: StopTransaction.req carries the transactionId the CSMS assigned in StartTransaction.conf; reason Local or absent',
    });
    return from;
  });

  await step(6, 'The charge point reports Finishing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: 'Finishing' }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    }));

  await step(7, 'Unplug the cable; the charge point reports Available', () => cleanUpUnplug(cp, sut, connectorId));

  await step(8, 'Restore the configuration keys the case changed', () => restoreBefore(cp, changes));
});
