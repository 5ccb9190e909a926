import { defineCase } from '../../../harness/dsl/define-case.js';
import { readOptionalKey, restoreKeys, setKey, unplug } from './cs-steps.js';
import { backOnline, goOffline, shift } from './cs-offline-steps.js';

/** How long the harness stays offline after the idTag was presented: the transaction runs offline. */
const OFFLINE_AFTER_MS = 1000;

export default defineCase({
  id: 'TC_037_1_CS',
  title: 'Offline Start Transaction - Valid IdTag',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 40, follows: '2024-04' },
  purpose: 'A transaction started while the CSMS is unreachable is delivered after reconnecting: the queued StartTransaction carries the idTag, the connector and the time the transaction started offline; the charge point then uses the transactionId the CSMS assigned for the rest of the transaction.',
  refs: [
    'OCPP 1.6 §3.5 Local Authorization & Offline Behavior',
    'OCPP 1.6 §3.5.4 Unknown Offline Authorization',
    'OCPP 1.6 §3.7 Transaction-related messages',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §9.1.1 AllowOfflineTxForUnknownId, §9.1.12 LocalAuthorizeOffline',
    'OCPP 1.6 §4.9 StatusNotification (offline rules 1–4)',
  ],
  provenance: 'No public OCTT step summary found for TC_037_1_CS; public re-implementations describe it as: LocalAuthorizeOffline (and AllowOfflineTxForUnknownId) true → connection removed → cable plugged in and a valid idTag presented offline → connection restored → StartTransaction.req delivered → Charging → stop by the idTag → StopTransaction. Derived from §3.5, §3.7 and §4.8; ours: step 1 uses the reusable state Booted; LocalAuthorizeOffline and, when the charge point has it, AllowOfflineTxForUnknownId are set to true and restored at the end (so the valid idTag, config idTags.accepted, is authorised offline from the cache or as unknown); the offline period lasts 1 s after the idTag was presented; the queued StartTransaction must carry a timestamp from the offline period (not the time of delivery; judged with config toleranceMs before the loss), and nothing it queued later may come before it; a BootNotification on reconnecting is answered but not required (a lost connection is not a reboot, §4.2); Charging after reconnecting is a SHOULD (§4.9 rule 1: the status changed offline); steps 6–8 stop the transaction with the idTag (StopTransaction with the assigned transactionId), Finishing and unplug → Available, and step 9 restores the keys, to leave the charge point as found.',
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step, sleep }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const first = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const changes = await step(2, 'LocalAuthorizeOffline = true, and AllowOfflineTxForUnknownId = true when the charge point has the key', async () => [
    await setKey(first, 'LocalAuthorizeOffline', 'true'),
    (await readOptionalKey(first, 'AllowOfflineTxForUnknownId')) === undefined ? undefined : await setKey(first, 'AllowOfflineTxForUnknownId', 'true'),
  ]);

  const offlineAt = await step(3, 'The harness CSMS goes offline; plug in the cable and present the valid idTag: the transaction starts offline', async () => {
    const at = await goOffline(csms);
    await sut.do('plugIn', { connectorId });
    await sut.do('presentIdTag', { connectorId, idTag });
    await sleep(OFFLINE_AFTER_MS);
    return at;
  });

  const { cp, transactionId, started } = await step(4, 'The CSMS is back: the charge point reconnects and delivers the queued StartTransaction, with the time the transaction started (the harness accepts it)', async () => {
    const { cp, onlineAt } = await backOnline(csms);
    const start = await cp.expectCall('StartTransaction', {
      where: { connectorId },
      match: { idTag, timestamp: { notBefore: shift(offlineAt, -cfg.toleranceMs), notAfter: onlineAt } },
      forbid: { actions: ['StopTransaction', 'MeterValues'], why: 'transaction-related messages are delivered in chronological order: the StartTransaction.req first (§3.7)' },
      requirement: 'OCPP 1.6 §3.7: offline, the charge point MUST queue StartTransaction.req and deliver it after reconnecting; §4.8: it carries the idTag and the time the transaction started, within the offline period',
    });
    return { cp, transactionId: (await cp.answerOf(start)).transactionId as number, started: start.event.seq };
  });

  await step(5, 'The charge point reports the connector Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId },
      match: { status: 'Charging' },
      level: 'SHOULD',
      requirement: 'OCPP 1.6 §4.9 (offline rule 1): after reconnecting the charge point SHOULD report the current status of a connector whose status changed while offline: Charging',
    }));

  const stopping = await step(6, 'Present the idTag again; the charge point stops the transaction with a StopTransaction for the assigned transactionId', async () => {
    const from = cp.mark('presenting the idTag to stop');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('StopTransaction', {
      after: started,
      match: { transactionId, idTag, reason: { oneOf: ['Local'], optional: true } },
      requirement: 'OCPP 1.6 §4.10, §6.49: StopTransaction.req carries the transactionId the CSMS assigned in StartTransaction.conf and the idTag that stopped it; reason Local or absent',
    });
    return from;
  });

  await step(7, 'The charge point reports Finishing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    }));

  await step(8, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  await step(9, 'Restore LocalAuthorizeOffline and AllowOfflineTxForUnknownId', () => restoreKeys(cp, changes));
});
