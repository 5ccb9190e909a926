import { defineCase } from '../../../harness/dsl/define-case.js';
import { restoreKeys, unplug } from './cs-steps.js';
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
  provenance: 'No public OCTT step summary found for TC_037_3_CS; public re-implementations describe it as: AllowOfflineTxForUnknownId and StopTransactionOnInvalidId true → connection removed → cable plugged in and an unknown idTag presented offline → connection restored → StartTransaction.req answered Invalid → StopTransaction reason DeAuthorized → Finishing (the mirror of TC_037_3_CSMS). Derived from §3.5.4, errata 3.17 and §9.1.24; ours: step 1 uses the reusable state Booted; the keys are set (MaxEnergyOnInvalidId to 0 when the charge point has it, so that the transaction stops at once) and restored at the end; NOT_APPLICABLE without AllowOfflineTxForUnknownId (§9.1.1); the idTag is config idTags.invalid, which the harness answers Invalid; the queued StartTransaction must carry a timestamp from the offline period (judged with config toleranceMs before the loss); a BootNotification on reconnecting is answered but not required (§4.2); the StopTransaction follows the StartTransaction and carries the transactionId the harness assigned to it; step 7 then Finishing and unplug → Available.',
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async (t) => {
  const { sut, cfg, step } = t;
  const connectorId = cfg.connectorIds[0]!;
  const { cp, transactionId, started, changes } = await offlineInvalidStart(t, true);

  const stopped = await step(6, 'StopTransactionOnInvalidId is true: the charge point stops the transaction, reason DeAuthorized, with the assigned transactionId', async () => {
    const stop = await cp.expectCall('StopTransaction', {
      after: started,
      match: { transactionId, reason: 'DeAuthorized' },
      requirement: 'OCPP 1.6 §9.1.24: with StopTransactionOnInvalidId true the charge point stops a transaction whose StartTransaction.conf is not Accepted; §3.5.4, errata 3.17, §7.36: reason DeAuthorized; §6.49: with the transactionId StartTransaction.conf gave',
    });
    return stop.event.seq;
  });

  await step(7, 'The charge point reports Finishing; unplug the cable, it reports Available', async () => {
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopped,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    });
    await unplug(cp, sut, connectorId);
  });

  await step(8, 'Restore the configuration keys', () => restoreKeys(cp, changes));
});
