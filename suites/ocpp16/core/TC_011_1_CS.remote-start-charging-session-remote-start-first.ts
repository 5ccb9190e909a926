import { defineCase } from '../../../harness/dsl/define-case.js';
import { isTrue, readKey, remoteStop, unplug } from './cs-steps.js';

export default defineCase({
  id: 'TC_011_1_CS',
  title: 'Remote Start Charging Session - Remote Start First',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 14, follows: '2024-04' },
  purpose: 'A RemoteStartTransaction before any cable is accepted; when AuthorizeRemoteTxRequests (read, not changed) is true the idTag is authorised with Authorize; the connector is Preparing; plugging in then starts the transaction with that idTag, which charges.',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §9.1.3 AuthorizeRemoteTxRequests',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
    'OCPP 1.6 §5.12 RemoteStopTransaction',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 14; ours: the plug-in through SUT control (step 9) and the clean-up (steps 13–14: RemoteStopTransaction, StopTransaction, Finishing, unplug → Available).',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await csms.booted();

  // Table 14 step 1: read AuthorizeRemoteTxRequests, never force it (§9.1.3: it may be read-only).
  const authorizeRemote = await step(1, 'GetConfiguration AuthorizeRemoteTxRequests; the charge point reports it (step 2)', async () =>
    isTrue(await readKey(cp, 'AuthorizeRemoteTxRequests')));

  const requested = await step(3, `Send RemoteStartTransaction for connector ${connectorId} and the valid idTag, no cable plugged in; the charge point accepts it (step 4)`, async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: the charge point SHALL answer RemoteStartTransaction with whether it will try to start a transaction; a free connector and a valid idTag: Accepted',
    });
    return res.call.seq;
  });

  if (authorizeRemote) {
    await step(5, 'AuthorizeRemoteTxRequests is true: the charge point sends Authorize for the idTag (the harness accepts it: step 6)', () =>
      cp.expectCall('Authorize', {
        after: requested,
        match: { idTag },
        requirement: 'OCPP 1.6 §5.11, §9.1.3 AuthorizeRemoteTxRequests: with true, the charge point authorises the idTag of a remote start (Authorize.req) like a local action',
      }));
  }

  await step(7, 'The charge point reports Preparing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested,
      match: { status: 'Preparing' },
      requirement: 'OCPP 1.6 §4.9 (A2): a remote start waiting for the cable makes the connector Preparing',
    }));

  const plugged = cp.mark('plugging in');
  const transactionId = await step(9, 'Plug in the cable; the charge point sends StartTransaction with the idTag and connector of the request (the harness accepts it: step 10)', async () => {
    await sut.do('plugIn', { connectorId });
    const start = await cp.expectCall('StartTransaction', {
      after: requested,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(11, 'The charge point reports Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: plugged,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await step(13, 'Clean-up (ours): RemoteStopTransaction; StopTransaction for the transaction; Finishing', () => remoteStop(cp, connectorId, transactionId));

  await step(14, 'Clean-up (ours): unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));
});
