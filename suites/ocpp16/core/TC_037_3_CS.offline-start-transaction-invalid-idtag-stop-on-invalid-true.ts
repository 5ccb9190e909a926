import { defineCase } from '../../../harness/dsl/define-case.js';
import { cleanUpUnplug, restoreBefore } from './cs-table-states.js';
import { offlineInvalidStart } from './cs-offline-invalid.js';

export default defineCase({
  id: 'TC_037_3_CS',
  title: 'Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = true',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 42, follows: '2024-04' },
  purpose: 'A transaction an unknown idTag started offline is delivered after reconnecting; when the CSMS answers its StartTransaction Invalid and StopTransactionOnInvalidId is true, the charge point stops the transaction with a StopTransaction for the assigned transactionId, reason DeAuthorized.',
  refs: [
    'OCPP 1.6 §3.5.4 Unknown Offline Authorization',
    'OCPP 1.6 §3.7 Transaction-related messages',
    'OCPP 1.6 §4.8 StartTransaction (errata 3.17)',
    'OCPP 1.6 §9.1.24 StopTransactionOnInvalidId, §9.1.1 AllowOfflineTxForUnknownId, §9.1.14 MaxEnergyOnInvalidId',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §7.36 Reason (DeAuthorized)',
    'OCPP 1.6 §4.9 StatusNotification (C6, F1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 42; ours: the invalid idTag (config idTags.invalid) is unknown to the charge point (cache cleared) and starts offline through AllowOfflineTxForUnknownId (NOT_APPLICABLE without it; the memory states that put it in the local list or cache are not built), the queued StartTransaction must carry a time from the offline period, a BootNotification on reconnecting is answered but not required (§4.2), the StopTransaction carries the transactionId the harness assigned, and steps 9–10 (unplug, keys restored) leave the charge point as found.',
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async (t) => {
  const { sut, cfg, step } = t;
  const connectorId = cfg.connectorIds[0]!;
  const { cp, transactionId, started, changes } = await offlineInvalidStart(t, true);

  const stopped = await step(5, 'StopTransactionOnInvalidId is true: the charge point stops the transaction, reason DeAuthorized, with the assigned transactionId (steps 5–6)', async () => {
    const stop = await cp.expectCall('StopTransaction', {
      after: started,
      match: { transactionId, reason: 'DeAuthorized' },
      requirement: 'OCTT Table 42 step 5; OCPP 1.6 §9.1.24: with StopTransactionOnInvalidId true the charge point stops a transaction whose StartTransaction.conf is not Accepted; §3.5.4, errata 3.17, §7.36: reason DeAuthorized; §6.49: with the transactionId StartTransaction.conf gave',
    });
    return stop.event.seq;
  });

  await step(7, 'The charge point reports Finishing (steps 7–8)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopped,
      match: { status: 'Finishing' },
      requirement: 'OCTT Table 42 step 7; OCPP 1.6 §4.9 (C6), errata 3.19: the transaction stopped with the cable still plugged in: Finishing',
    }));

  await step(9, 'Unplug the cable; the charge point reports Available', () => cleanUpUnplug(cp, sut, connectorId));

  await step(10, 'Restore the configuration keys', () => restoreBefore(cp, changes));
});
