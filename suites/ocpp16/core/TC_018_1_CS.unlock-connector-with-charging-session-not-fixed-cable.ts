import { defineCase } from '../../../harness/dsl/define-case.js';
import { plugIn, unplug } from './cs-steps.js';

export default defineCase({
  id: 'TC_018_1_CS',
  title: 'Unlock Connector - With Charging Session (Not fixed cable)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'An UnlockConnector during a transaction is answered Unlocked by a charge point with a detachable cable, which first stops the transaction with a StopTransaction whose reason is UnlockCommand and reports Finishing.',
  refs: [
    'OCPP 1.6 §5.18 UnlockConnector (a transaction in progress is finished first)',
    'OCPP 1.6 §6.53 UnlockConnector.req, §6.54 UnlockConnector.conf, §7.46 UnlockStatus',
    'OCPP 1.6 §4.10 StopTransaction, §6.49 StopTransaction.req, §7.36 Reason (UnlockCommand)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT steps 1–9 as publicly summarised (Heartbeat/booted → Preparing, cable connected before the remote start → RemoteStartTransaction Accepted → StartTransaction with the same idTag → Charging → UnlockConnector Unlocked → StopTransaction reason UnlockCommand → Finishing → Available). Ours: step 1 uses the reusable state Booted; the cable is plugged in through SUT control in step 2 and taken out through SUT control in step 9 (the summary has it happen by itself); the StopTransaction may come before or after the UnlockConnector.conf and carries the idTag of the start only if it carries one (§6.49: optional, the charge point itself stops the transaction). Needs a detachable cable (declaration fixedCable false).',
  actions: ['plugIn', 'unplug'],
  declarations: { fixedCable: false },
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  await step(2, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const requested = await step(3, 'Send RemoteStartTransaction for the connector and the valid idTag; the charge point accepts it', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: a free, plugged-in connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    return res.call.seq;
  });

  const transactionId = await step(4, 'The charge point sends StartTransaction with the idTag and connector of the request', async () => {
    const start = await cp.expectCall('StartTransaction', {
      after: requested,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(5, 'The charge point reports Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  const unlocking = await step(6, 'Send UnlockConnector for the connector: Unlocked', async () => {
    const from = cp.mark('unlocking the connector during the transaction');
    await cp.call('UnlockConnector', { connectorId }, {
      expect: { status: 'Unlocked' },
      requirement: 'OCPP 1.6 §5.18: the charge point SHALL answer whether it was able to unlock the connector; §7.46: a connector lock that opened: Unlocked',
    });
    return from;
  });

  await step(7, 'The charge point stops the transaction: StopTransaction with reason UnlockCommand', () =>
    cp.expectCall('StopTransaction', {
      after: unlocking,
      match: { transactionId, reason: 'UnlockCommand', idTag: { oneOf: [idTag], optional: true } },
      requirement: 'OCPP 1.6 §5.18: with a transaction in progress on the connector the charge point SHALL finish the transaction first, as in Stop Transaction (§4.10); §7.36: reason UnlockCommand',
    }));

  await step(8, 'The charge point reports Finishing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: unlocking,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped, the cable still to be taken out: Finishing',
    }));

  await step(9, 'Take the unlocked cable out; the charge point reports Available', () => unplug(cp, sut, connectorId));
});
