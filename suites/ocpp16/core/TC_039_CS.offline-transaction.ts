import { defineCase } from '../../../harness/dsl/define-case.js';
import { readOptionalKey, restoreKeys, setKey, unplug } from './cs-steps.js';
import { backOnline, goOffline, shift } from './cs-offline-steps.js';

/** How long the transaction runs offline before it is stopped. */
const CHARGING_MS = 500;
/** How long the harness stays offline after the transaction was stopped. */
const OFFLINE_AFTER_MS = 1000;

export default defineCase({
  id: 'TC_039_CS',
  title: 'Offline Transaction',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 44, follows: '2024-04' },
  purpose: 'A whole transaction that started and stopped while the CSMS was unreachable is delivered after reconnecting, in order: first its StartTransaction with the time it started, then its StopTransaction — for a transaction the CSMS never saw start — with the transactionId the CSMS assigned to the delivered StartTransaction, the time it stopped and a meterStop not below meterStart.',
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
  provenance: 'No public OCTT step summary found for TC_039_CS; the EVerest compliance test of this title and public re-implementations describe it as: LocalAuthorizeOffline and AllowOfflineTxForUnknownId true → connection removed → cable plugged in, a valid idTag presented (transaction starts), presented again (it stops) → connection restored → StartTransaction.req → StopTransaction.req reason Local → Finishing → unplug → Available (the mirror of TC_039_CSMS). Derived from §3.7, §4.8 and §4.10; ours: step 1 uses the reusable state Booted; LocalAuthorizeOffline and, when the charge point has it, AllowOfflineTxForUnknownId are set to true and restored at the end; the transaction runs 0.5 s offline and the offline period lasts 1 s after the stop; the StartTransaction must come before any other transaction-related message of the transaction (sequence.forbidden otherwise), with a timestamp between the loss of the connection (config toleranceMs before) and the stop (toleranceMs after); the StopTransaction after it, with the transactionId the harness assigned to the delivered StartTransaction (not -1, errata 3.18, nor an id of the charge point\'s own), the idTag, reason Local or absent, a timestamp between the stop and the return of the harness, and meterStop ≥ meterStart; a BootNotification on reconnecting is answered but not required (§4.2); Finishing after reconnecting is a SHOULD (§4.9 rule 1).',
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step, sleep }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const first = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const changes = await step(2, 'LocalAuthorizeOffline = true, and AllowOfflineTxForUnknownId = true when the charge point has the key', async () => [
    await setKey(first, 'LocalAuthorizeOffline', 'true'),
    (await readOptionalKey(first, 'AllowOfflineTxForUnknownId')) === undefined ? undefined : await setKey(first, 'AllowOfflineTxForUnknownId', 'true'),
  ]);

  const { offlineAt, stopAt } = await step(3, 'The harness CSMS goes offline; plug in the cable and present the idTag (the transaction starts), then present it again (it stops)', async () => {
    const offlineAt = await goOffline(csms);
    await sut.do('plugIn', { connectorId });
    await sut.do('presentIdTag', { connectorId, idTag });
    await sleep(CHARGING_MS);
    const stopAt = new Date().toISOString();
    await sut.do('presentIdTag', { connectorId, idTag });
    await sleep(OFFLINE_AFTER_MS);
    return { offlineAt, stopAt };
  });

  const { cp, onlineAt, start } = await step(4, 'The CSMS is back: the charge point reconnects and delivers the queued StartTransaction first, with the time the transaction started (the harness accepts it)', async () => {
    const { cp, onlineAt } = await backOnline(csms);
    const start = await cp.expectCall('StartTransaction', {
      where: { connectorId },
      match: { idTag, timestamp: { notBefore: shift(offlineAt, -cfg.toleranceMs), notAfter: shift(stopAt, cfg.toleranceMs) } },
      forbid: { actions: ['StopTransaction', 'MeterValues'], why: 'transaction-related messages are delivered in chronological order: the StartTransaction.req first (§3.7)' },
      requirement: 'OCPP 1.6 §3.7: offline, the charge point MUST queue StartTransaction.req and deliver it after reconnecting; §4.8: with the idTag and the time the transaction started, before it was stopped',
    });
    return { cp, onlineAt, start };
  });

  await step(5, 'Then the queued StopTransaction, with the transactionId the harness assigned, the time it stopped and a meterStop not below meterStart', async () => {
    const transactionId = (await cp.answerOf(start)).transactionId as number;
    const meterStart = typeof start.frame.payload.meterStart === 'number' ? start.frame.payload.meterStart : 0;
    await cp.expectCall('StopTransaction', {
      after: start.event.seq,
      match: {
        transactionId, idTag, reason: { oneOf: ['Local'], optional: true }, meterStop: { minimum: meterStart },
        timestamp: { notBefore: shift(stopAt, -cfg.toleranceMs), notAfter: onlineAt },
      },
      requirement: 'OCPP 1.6 §3.7: the queued StopTransaction.req follows its StartTransaction.req; §4.10, §6.49: it carries the transactionId of the StartTransaction.conf (the CSMS saw the start only now), the idTag that stopped it, reason Local or absent, the time it stopped (offline) and the meter at the stop',
    });
  });

  await step(6, 'The charge point reports the connector Finishing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId },
      match: { status: 'Finishing' },
      level: 'SHOULD',
      requirement: 'OCPP 1.6 §4.9 (offline rule 1): after reconnecting the charge point SHOULD report the current status of a connector whose status changed while offline: Finishing (the cable is still plugged in)',
    }));

  await step(7, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  await step(8, 'Restore LocalAuthorizeOffline and AllowOfflineTxForUnknownId', () => restoreKeys(cp, changes));
});
