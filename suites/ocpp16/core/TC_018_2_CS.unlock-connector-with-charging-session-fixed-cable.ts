import { defineCase } from '../../../harness/dsl/define-case.js';
import { plugIn, unplug } from './cs-steps.js';

export default defineCase({
  id: 'TC_018_2_CS',
  title: 'Unlock Connector - With Charging Session (Fixed cable)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'An UnlockConnector during a transaction is answered NotSupported by a charge point with a fixed cable, which has no connector lock.',
  refs: [
    'OCPP 1.6 §5.18 UnlockConnector',
    'OCPP 1.6 §6.53 UnlockConnector.req, §6.54 UnlockConnector.conf, §7.46 UnlockStatus (errata 3.87)',
    'OCPP 1.6 §5.11 RemoteStartTransaction, §5.12 RemoteStopTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT steps 1–6 as publicly summarised (Heartbeat/booted → Preparing, cable connected before the remote start → RemoteStartTransaction Accepted → StartTransaction with the same idTag → Charging → UnlockConnector NotSupported). Ours: step 1 uses the reusable state Booted; the cable is connected to the EV through SUT control (plugIn) in step 2; steps 7–9 only leave the charge point as found: §5.18 has a transaction on the connector finished first, which the summary does not check, so a RemoteStopTransaction is answered Accepted (the transaction still runs) or Rejected (the unlock ended it) and a StopTransaction for the transaction is expected either way, then Finishing, and the cable is hung back (unplug → Available). Needs a fixed cable (declaration fixedCable true).',
  actions: ['plugIn', 'unplug'],
  declarations: { fixedCable: true },
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  await step(2, `Connect the cable of connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

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

  const unlocking = await step(6, 'Send UnlockConnector for the connector: NotSupported', async () => {
    const from = cp.mark('unlocking the connector during the transaction');
    await cp.call('UnlockConnector', { connectorId }, {
      expect: { status: 'NotSupported' },
      requirement: 'OCPP 1.6 §5.18: the charge point SHALL answer whether it was able to unlock the connector; §7.46 (errata 3.87): a fixed cable has no connector lock: NotSupported',
    });
    return from;
  });

  await step(7, 'Clean-up: RemoteStopTransaction for the transaction (Accepted, or Rejected when the unlock ended it) and its StopTransaction', async () => {
    await cp.call('RemoteStopTransaction', { transactionId }, {
      expect: { status: { oneOf: ['Accepted', 'Rejected'] } },
      requirement: 'OCPP 1.6 §5.12: the charge point answers RemoteStopTransaction: Accepted while the transaction runs, Rejected once it is over',
    });
    await cp.expectCall('StopTransaction', {
      after: unlocking,
      match: { transactionId },
      requirement: 'OCPP 1.6 §4.10: a stopped transaction is reported with StopTransaction.req',
    });
  });

  await step(8, 'The charge point reports Finishing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: unlocking,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped, the cable still connected to the EV: Finishing',
    }));

  await step(9, 'Hang the cable back; the charge point reports Available', () => unplug(cp, sut, connectorId));
});
