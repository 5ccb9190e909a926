import { defineCase } from '../../../harness/dsl/define-case.js';
import { plugIn, unplug } from './cs-steps.js';
import { backOnline, goOffline, remoteStartCharging, shift } from './cs-offline-steps.js';

/** How long the harness stays offline after the idTag was presented to stop. */
const OFFLINE_AFTER_MS = 1000;

export default defineCase({
  id: 'TC_038_CS',
  title: 'Offline Stop Transaction',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 43, follows: '2024-04' },
  purpose: 'A transaction stopped while the CSMS is unreachable is reported after reconnecting: the queued StopTransaction carries the transactionId, the idTag that stopped it, reason Local (or none) and the time it stopped offline.',
  refs: [
    'OCPP 1.6 §3.7 Transaction-related messages',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §6.49 StopTransaction.req',
    'OCPP 1.6 §7.36 Reason (Local)',
    'OCPP 1.6 §4.1 Authorize (stop with the idTag that started)',
    'OCPP 1.6 §4.9 StatusNotification (offline rules 1–4; C6, F1)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
  ],
  provenance: 'OCTT steps 1–11 as publicly summarised (booted → AuthorizeRemoteTxRequests read → Preparing → RemoteStartTransaction Accepted → Authorize when AuthorizeRemoteTxRequests is true → StartTransaction with the same idTag → Charging → 2 MeterValues → [connection lost; the transaction stopped by the EV driver; connection restored] StopTransaction reason Local with the idTag of the start → Finishing, steps 9 and 10 in either order → Preparing). Ours: step 1 uses the reusable state Booted; the cable is plugged in first, which gives the Preparing of step 3; an Authorize.req is answered but not required, as the summary makes it depend on AuthorizeRemoteTxRequests (so the key is not read); no MeterValues are awaited (the sample interval is left as it is; they are not what this case is about); the stop is presenting the idTag of the start while the harness is offline, which lasts 1 s after it; the queued StopTransaction must carry a timestamp from the offline period, after the stop was asked for (judged with config toleranceMs), not the time of delivery; reason may also be absent (§6.49: Local is the default); a BootNotification on reconnecting is answered but not required (a lost connection is not a reboot, §4.2); Finishing after reconnecting is a SHOULD (§4.9 rule 1: the status changed offline); step 7 unplugs (→ Available) instead of expecting Preparing, to leave the charge point as found.',
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step, sleep }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const first = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  await step(2, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(first, sut, connectorId));

  const { transactionId } = await step(3, 'RemoteStartTransaction: Accepted; StartTransaction with its idTag; Charging', () =>
    remoteStartCharging(first, connectorId, idTag));

  const stopAt = await step(4, 'The harness CSMS goes offline; present the idTag of the transaction: it stops offline', async () => {
    await goOffline(csms);
    const at = new Date().toISOString();
    await sut.do('presentIdTag', { connectorId, idTag });
    await sleep(OFFLINE_AFTER_MS);
    return at;
  });

  const cp = await step(5, 'The CSMS is back: the charge point reconnects and delivers the queued StopTransaction, with the time the transaction stopped', async () => {
    const { cp, onlineAt } = await backOnline(csms);
    await cp.expectCall('StopTransaction', {
      match: {
        transactionId, idTag, reason: { oneOf: ['Local'], optional: true },
        timestamp: { notBefore: shift(stopAt, -cfg.toleranceMs), notAfter: onlineAt },
      },
      requirement: 'OCPP 1.6 §3.7: offline, the charge point MUST queue StopTransaction.req and deliver it after reconnecting; §4.10, §6.49: with the transactionId of StartTransaction.conf, the idTag that stopped it, reason Local or absent, and the time it stopped, within the offline period',
    });
    return cp;
  });

  await step(6, 'The charge point reports the connector Finishing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId },
      match: { status: 'Finishing' },
      level: 'SHOULD',
      requirement: 'OCPP 1.6 §4.9 (offline rule 1): after reconnecting the charge point SHOULD report the current status of a connector whose status changed while offline: Finishing (the cable is still plugged in)',
    }));

  await step(7, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));
});
