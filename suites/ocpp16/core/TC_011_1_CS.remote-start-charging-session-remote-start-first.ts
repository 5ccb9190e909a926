import { defineCase } from '../../../harness/dsl/define-case.js';
import { remoteStop, restoreKeys, setKey, unplug } from './cs-steps.js';

export default defineCase({
  id: 'TC_011_1_CS',
  title: 'Remote Start Charging Session - Remote Start First',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 14, follows: '2024-04' },
  purpose: 'With AuthorizeRemoteTxRequests true, a RemoteStartTransaction before any cable is accepted, the idTag authorised with Authorize and the connector Preparing; plugging in then starts the transaction with that idTag, which charges.',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §9.1.3 AuthorizeRemoteTxRequests',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
    'OCPP 1.6 §5.12 RemoteStopTransaction',
  ],
  provenance: 'OCTT steps 1–8 as publicly summarised (Heartbeat/booted → GetConfiguration AuthorizeRemoteTxRequests → set it true when it is not → RemoteStartTransaction Accepted → Authorize Accepted → Preparing → StartTransaction with the same idTag → Charging). Ours: step 1 uses the reusable state Booted; the cable is plugged in through SUT control in step 7; steps 9–11 (RemoteStopTransaction, StopTransaction, Finishing, unplug → Available, AuthorizeRemoteTxRequests restored) only leave the charge point as found. Authorize and Preparing may come in either order.',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const change = await step(2, 'AuthorizeRemoteTxRequests = true (GetConfiguration; ChangeConfiguration when it differs) (steps 2–3)', () =>
    setKey(cp, 'AuthorizeRemoteTxRequests', 'true'));

  const requested = await step(4, `Send RemoteStartTransaction for connector ${connectorId} and the valid idTag, no cable plugged in; the charge point accepts it`, async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: the charge point SHALL answer RemoteStartTransaction with whether it will try to start a transaction; a free connector and a valid idTag: Accepted',
    });
    return res.call.seq;
  });

  await step(5, 'The charge point sends Authorize for the idTag (the harness accepts it)', () =>
    cp.expectCall('Authorize', {
      after: requested,
      match: { idTag },
      requirement: 'OCPP 1.6 §5.11, §9.1.3 AuthorizeRemoteTxRequests: with true, the charge point authorises the idTag of a remote start (Authorize.req) like a local action',
    }));

  await step(6, 'The charge point reports Preparing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested,
      match: { status: 'Preparing' },
      requirement: 'OCPP 1.6 §4.9 (A2): a remote start waiting for the cable makes the connector Preparing',
    }));

  const plugged = cp.mark('plugging in');
  const transactionId = await step(7, 'Plug in the cable; the charge point sends StartTransaction with the idTag and connector of the request', async () => {
    await sut.do('plugIn', { connectorId });
    const start = await cp.expectCall('StartTransaction', {
      after: requested,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(8, 'The charge point reports Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: plugged,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await step(9, 'Clean-up: RemoteStopTransaction; StopTransaction for the transaction; Finishing', () => remoteStop(cp, connectorId, transactionId));

  await step(10, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  await step(11, 'Restore AuthorizeRemoteTxRequests', () => restoreKeys(cp, [change]));
});
