import { defineCase } from '../../../harness/dsl/define-case.js';
import { cleanUpUnplug, reusableCharging } from './cs-table-states.js';

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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 33; ours: the unknown transactionId is the assigned one plus 487249487, and steps 3–4 stop the transaction by presenting its idTag — its StopTransaction must be the first after the rejected request (§5.12) — then Finishing and unplug → Available leave the charge point as found.',
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await csms.booted();

  const { transactionId } = await step(0, 'Before: reusable state Charging', () => reusableCharging(cp, sut, connectorId, idTag));

  const rejected = await step(1, 'RemoteStopTransaction for an unknown transactionId: Rejected (steps 1–2)', async () => {
    const res = await cp.call('RemoteStopTransaction', { transactionId: transactionId + 487249487 }, {
      expect: { status: 'Rejected' },
      requirement: 'OCTT Table 33 step 2; OCPP 1.6 §5.12 (errata 3.33): Accepted only when a transaction with the given transactionId is ongoing and will be stopped; none is: Rejected',
    });
    return res.call.seq;
  });

  const stopping = await step(3, 'Clean-up: present the idTag of the transaction: it stops now, with the only StopTransaction of the case', async () => {
    const from = cp.mark('presenting the idTag to stop');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('StopTransaction', {
      where: { reason: { oneOf: ['Local'], optional: true } }, after: rejected,
      match: { transactionId, idTag },
      forbid: { actions: ['StopTransaction'], why: 'the RemoteStopTransaction answered Rejected stops nothing (§5.12)' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.10, §6.49: the transaction stopped by its idTag: StopTransaction.req with its transactionId and that idTag, reason Local or absent',
    });
    return from;
  });

  await step(4, 'The charge point reports Finishing; unplug the cable, it reports Available', async () => {
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: 'Finishing' }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    });
    await cleanUpUnplug(cp, sut, connectorId);
  });
});
