import { defineCase } from '../../../harness/dsl/define-case.js';
import { remoteStartSession } from './cs-steps.js';

export default defineCase({
  id: 'TC_012_CS',
  title: 'Remote Stop Charging Session',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 16, follows: '2024-04' },
  purpose: 'A RemoteStopTransaction for the ongoing transaction is accepted, and the charge point stops it with a StopTransaction for that transaction whose reason is Remote, then reports Finishing.',
  refs: [
    'OCPP 1.6 §5.12 RemoteStopTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §6.49 StopTransaction.req (reason)',
    'OCPP 1.6 §7.36 Reason (Remote)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT steps 1–8 as publicly summarised (booted → Preparing → RemoteStartTransaction Accepted → StartTransaction → Charging → RemoteStopTransaction Accepted → StopTransaction with reason Remote → Finishing; steps 7 and 8 in either order). Step 1 uses the reusable state Booted instead of waiting for a Heartbeat (plus, right after a reboot, the StatusNotifications that follow acceptance). The summary also wants the StopTransaction to carry the idTag of the start; §6.49 makes idTag optional and names the idTag "which requested to stop", which a remote stop does not have, so it is not required here. The summary\'s step 9 (Preparing) is replaced by ours: unplug → Available, to leave the charge point as found.',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const { transactionId } = await remoteStartSession(cp, sut, step, connectorId, idTag, { numbers: [2, 3, 4, 5] });

  const stopping = await step(6, 'Send RemoteStopTransaction for the transaction; the charge point accepts it', async () => {
    const res = await cp.call('RemoteStopTransaction', { transactionId }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.12: the charge point SHALL answer RemoteStopTransaction; a transaction with that id is ongoing and will be stopped: Accepted',
    });
    return res.call.seq;
  });

  await step(7, 'The charge point sends StopTransaction for the transaction with reason Remote', () =>
    cp.expectCall('StopTransaction', {
      after: stopping,
      match: { transactionId, reason: 'Remote' },
      requirement: 'OCPP 1.6 §5.12: the transaction SHALL be stopped and StopTransaction.req sent; §6.49, §7.36: reason may be omitted only when it is Local — a remote stop is Remote',
    }));

  await step(8, 'The charge point reports Finishing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    }));

  await step(9, 'Unplug the cable; the charge point reports Available', async () => {
    const from = cp.mark('unplugging');
    await sut.do('unplug', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from,
      match: { status: 'Available' },
      requirement: 'OCPP 1.6 §4.9 (F1): the cable removed after the transaction: Available',
    });
  });
});
