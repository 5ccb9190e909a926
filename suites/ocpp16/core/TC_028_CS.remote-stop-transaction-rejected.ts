import { defineCase } from '../../../harness/dsl/define-case.js';
import { plugIn, unplug } from './cs-steps.js';
import { remoteStartCharging } from './cs-offline-steps.js';

export default defineCase({
  id: 'TC_028_CS',
  title: 'Remote Stop Transaction - Rejected',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 33, follows: '2024-04' },
  purpose: 'A RemoteStopTransaction for a transactionId the charge point does not know is Rejected and stops nothing: the ongoing transaction goes on until it is stopped otherwise.',
  refs: [
    'OCPP 1.6 §5.12 RemoteStopTransaction',
    'OCPP 1.6 §7.39 RemoteStartStopStatus',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT steps 1–6 as publicly summarised (booted → Preparing → RemoteStartTransaction Accepted → StartTransaction with the same idTag → Charging → RemoteStopTransaction with an unknown transactionId: Rejected, and no StopTransaction.req during the test). Ours: step 1 uses the reusable state Booted; the cable is plugged in first, which gives the Preparing of the summary; the unknown transactionId is the assigned one plus 487249487 (the summary uses 487249487); steps 5–6 stop the transaction by presenting its idTag, so that the one StopTransaction.req of the case is distinguishable from one the rejected request would have caused (reason Local or absent, not Remote; an earlier StopTransaction is sequence.forbidden), then Finishing and unplug → Available leave the charge point as found.',
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  await step(2, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const { transactionId } = await step(3, 'RemoteStartTransaction: Accepted; StartTransaction with its idTag; Charging', () =>
    remoteStartCharging(cp, connectorId, idTag));

  const rejected = await step(4, 'RemoteStopTransaction for an unknown transactionId: Rejected', async () => {
    const res = await cp.call('RemoteStopTransaction', { transactionId: transactionId + 487249487 }, {
      expect: { status: 'Rejected' },
      requirement: 'OCPP 1.6 §5.12 (errata 3.33): Accepted only when a transaction with the given transactionId is ongoing and will be stopped; none is: Rejected',
    });
    return res.call.seq;
  });

  const stopping = await step(5, 'Present the idTag of the transaction: it stops now, with the only StopTransaction of the case', async () => {
    const from = cp.mark('presenting the idTag to stop');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('StopTransaction', {
      where: { reason: { oneOf: ['Local'], optional: true } }, after: rejected,
      match: { transactionId, idTag },
      forbid: { actions: ['StopTransaction'], why: 'the RemoteStopTransaction answered Rejected stops nothing (§5.12)' },
      requirement: 'OCPP 1.6 §4.10, §6.49: the transaction stopped by its idTag: StopTransaction.req with its transactionId and that idTag, reason Local or absent',
    });
    return from;
  });

  await step(6, 'The charge point reports Finishing; unplug the cable, it reports Available', async () => {
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    });
    await unplug(cp, sut, connectorId);
  });
});
