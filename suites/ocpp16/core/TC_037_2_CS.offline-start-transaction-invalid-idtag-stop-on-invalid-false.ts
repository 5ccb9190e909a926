import { defineCase } from '../../../harness/dsl/define-case.js';
import { cleanUpUnplug, restoreBefore } from './cs-table-states.js';
import { offlineInvalidStart } from './cs-offline-invalid.js';

export default defineCase({
  id: 'TC_037_2_CS',
  title: 'Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = false',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 41, follows: '2024-04' },
  purpose: 'A transaction an unknown idTag started offline is delivered after reconnecting; when the CSMS answers its StartTransaction Invalid and StopTransactionOnInvalidId is false, the charge point only stops the energy (SuspendedEVSE) and does not stop the transaction.',
  refs: [
    'OCPP 1.6 §3.5.4 Unknown Offline Authorization',
    'OCPP 1.6 §3.7 Transaction-related messages',
    'OCPP 1.6 §4.8 StartTransaction (errata 3.17)',
    'OCPP 1.6 §9.1.24 StopTransactionOnInvalidId, §9.1.1 AllowOfflineTxForUnknownId, §9.1.14 MaxEnergyOnInvalidId',
    'OCPP 1.6 §4.9 StatusNotification (C5, E6, F1)',
    'OCPP 1.6 §5.12 RemoteStopTransaction',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 41; ours: the invalid idTag (config idTags.invalid) is unknown to the charge point (cache cleared) and starts offline through AllowOfflineTxForUnknownId (NOT_APPLICABLE without it; the memory states that put it in the local list or cache are not built), the queued StartTransaction must carry a time from the offline period, a BootNotification on reconnecting is answered but not required (§4.2), and steps 7–9 (RemoteStopTransaction — its StopTransaction the first of the transaction —, Finishing, unplug, keys restored) leave the charge point as found.',
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async (t) => {
  const { sut, cfg, step } = t;
  const connectorId = cfg.connectorIds[0]!;
  const { cp, transactionId, started, changes } = await offlineInvalidStart(t, false);

  await step(5, 'StopTransactionOnInvalidId is false: the charge point only stops the energy, SuspendedEVSE (steps 5–6)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId, status: 'SuspendedEVSE' }, after: started,
      level: 'SHOULD', octt: 'fails',
      requirement: 'OCTT Table 41 step 5; OCPP 1.6 §3.5.4, errata 3.17: StartTransaction.conf not Accepted and StopTransactionOnInvalidId false: the charge point SHOULD only stop energy delivery (§7.7 SuspendedEVSE)',
    }));

  const stopping = await step(7, 'RemoteStopTransaction: Accepted; its StopTransaction (reason Remote) is the first for the transaction', async () => {
    const res = await cp.call('RemoteStopTransaction', { transactionId }, {
      expect: { status: 'Accepted' }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.12: the transaction is still ongoing (StopTransactionOnInvalidId false): RemoteStopTransaction Accepted',
    });
    await cp.expectCall('StopTransaction', {
      where: { reason: 'Remote' }, after: started,
      match: { transactionId },
      octt: 'not-checked',
      forbid: { actions: ['StopTransaction'], why: 'with StopTransactionOnInvalidId false the charge point does not stop a transaction for a non-Accepted StartTransaction.conf (§9.1.24)' },
      requirement: 'OCPP 1.6 §5.12, §4.10: StopTransaction.req for the transaction, with the transactionId of StartTransaction.conf; §7.36: reason Remote',
    });
    return res.call.seq;
  });

  await step(8, 'The charge point reports Finishing; unplug the cable, it reports Available', async () => {
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: 'Finishing' }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (E6): the transaction stopped with the cable still plugged in: Finishing',
    });
    await cleanUpUnplug(cp, sut, connectorId);
  });

  await step(9, 'Restore the configuration keys', () => restoreBefore(cp, changes));
});
