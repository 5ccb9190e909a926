import { defineCase } from '../../../harness/dsl/define-case.js';
import { backOnline, goOffline, shift } from './cs-offline-steps.js';
import { cleanUpUnplug, reusableCharging } from './cs-table-states.js';

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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 43; ours: the driver stops by presenting the idTag of the start while the harness is offline, which lasts 1 s after it, the queued StopTransaction must carry the transactionId and a time from the offline period, a BootNotification on reconnecting is answered but not required (§4.2), and step 5 (unplug → Available) leaves the charge point as found.',
  deviations: [{
    what: 'the queued StopTransaction carries a timestamp from the offline period, after the stop was asked for',
    why: 'a stop reported with the time of delivery would misstate the energy of the transaction',
    source: 'OCPP 1.6 §6.49 (timestamp: when the transaction was stopped), §3.7',
  }],
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step, sleep }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const first = await csms.booted();

  const { transactionId } = await step(0, 'Before: reusable state Charging', () => reusableCharging(first, sut, connectorId, idTag));

  const cp = await step(1, 'Offline: the driver presents the idTag of the transaction, it stops; back online, the charge point delivers the queued StopTransaction, reason Local or none (steps 1–2)', async () => {
    await goOffline(csms);
    const stopAt = new Date().toISOString();
    await sut.do('presentIdTag', { connectorId, idTag });
    await sleep(OFFLINE_AFTER_MS);
    const { cp, onlineAt } = await backOnline(csms);
    await cp.expectCall('StopTransaction', {
      match: {
        transactionId, reason: { oneOf: ['Local'], optional: true },
        timestamp: { notBefore: shift(stopAt, -cfg.toleranceMs), notAfter: onlineAt },
      },
      requirement: 'OCTT Table 43 step 1 (reason Local or omitted); OCPP 1.6 §3.7: offline, the charge point MUST queue StopTransaction.req and deliver it after reconnecting; §4.10, §6.49: with the transactionId of StartTransaction.conf and the time it stopped, within the offline period',
    });
    return cp;
  });

  await step(3, 'The charge point reports the connector Finishing (steps 3–4; may come before step 1)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId, status: 'Finishing' },
      // The table checks it; the spec asks the statuses that changed offline to be reported at SHOULD only.
      level: 'SHOULD', octt: 'fails',
      requirement: 'OCTT Table 43 step 3; OCPP 1.6 §4.9 (offline rule 1): after reconnecting the charge point SHOULD report the current status of a connector whose status changed while offline: Finishing (the cable is still plugged in)',
    }));

  await step(5, 'Unplug the cable; the charge point reports Available', () => cleanUpUnplug(cp, sut, connectorId));
});
