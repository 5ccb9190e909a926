import { defineCase } from '../../../harness/dsl/define-case.js';
import { remoteStartSession } from './cs-steps.js';

export default defineCase({
  id: 'TC_010_CS',
  title: 'Remote Start Charging Session - Cable Plugged in First',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 13, follows: '2024-04' },
  purpose: 'With the cable plugged in, a RemoteStartTransaction for a connector and a valid idTag is accepted and starts a transaction with that idTag on that connector, which then charges.',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
    'OCPP 1.6 §5.12 RemoteStopTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §9.1.3 AuthorizeRemoteTxRequests',
  ],
  provenance: 'OCTT steps 1–5 as publicly summarised (Heartbeat/booted → cable plugged in, StatusNotification Preparing → RemoteStartTransaction with a valid idTag, Accepted → StartTransaction with the same idTag → StatusNotification Charging). Step 1 uses the reusable state Booted instead of waiting for a Heartbeat (plus, right after a reboot, the StatusNotifications that follow acceptance). Steps 6–8 are ours, only to leave the charge point as found: RemoteStopTransaction, its StopTransaction, Finishing, unplug → Available (checked loosely; TC_012_CS checks the remote stop itself). An Authorize before StartTransaction is neither required nor forbidden: it depends on AuthorizeRemoteTxRequests (§5.11).',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const { transactionId } = await remoteStartSession(cp, sut, step, connectorId, idTag, {
    numbers: [2, 3, 4, 5],
    requestRequirement: 'OCPP 1.6 §5.11: the charge point SHALL answer RemoteStartTransaction with whether it will try to start a transaction; a free, plugged-in connector and a valid idTag: Accepted',
  });

  const stopping = await step(6, 'Clean-up: RemoteStopTransaction for the transaction; the charge point sends StopTransaction for it', async () => {
    const res = await cp.call('RemoteStopTransaction', { transactionId }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.12: a RemoteStopTransaction for an ongoing transaction is Accepted',
    });
    await cp.expectCall('StopTransaction', {
      after: res.call.seq,
      match: { transactionId },
      requirement: 'OCPP 1.6 §5.12, §4.10: the transaction is stopped and StopTransaction.req sent for it',
    });
    return res.call.seq;
  });

  await step(7, 'The charge point reports Finishing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    }));

  await step(8, 'Unplug the cable; the charge point reports Available', async () => {
    const from = cp.mark('unplugging');
    await sut.do('unplug', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from,
      match: { status: 'Available' },
      requirement: 'OCPP 1.6 §4.9 (F1): the cable removed after the transaction: Available',
    });
  });
});
