import { defineCase } from '../../../harness/dsl/define-case.js';
import { isTrue, plugIn, readKey, unplug } from './cs-steps.js';

export default defineCase({
  id: 'TC_068_CS',
  title: 'Stop transaction - IdTag in StopTransaction matches IdTag in StartTransaction',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 6, follows: '2024-04' },
  purpose: 'A transaction started remotely for an idTag is stopped when that same idTag is presented at the charge point: without an Authorize for it, with a StopTransaction carrying that idTag, then Finishing.',
  refs: [
    'OCPP 1.6 §4.1 Authorize (no Authorize.req when the idTag that stops is the one that started)',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §6.49 StopTransaction.req (idTag, reason)',
    'OCPP 1.6 §5.11 RemoteStartTransaction, §9.1.3 AuthorizeRemoteTxRequests',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT steps 1–10 as publicly summarised (Heartbeat/booted → GetConfiguration AuthorizeRemoteTxRequests → Preparing → RemoteStartTransaction Accepted → Authorize when AuthorizeRemoteTxRequests is true → StartTransaction with the same idTag → Charging → no StopTransaction for 30 s → StopTransaction with the idTag of the start → Finishing; no Authorize after the StartTransaction). Ours: step 1 uses the reusable state Booted; the cable is plugged in through SUT control in step 3; the 30 s wait of step 8 is replaced by presenting the same idTag through SUT control (step 9), and "no Authorize" is checked from then until the StopTransaction; the summary\'s step 11 (Preparing) is replaced by unplug → Available, to leave the charge point as found.',
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const authorizeRemote = await step(2, 'GetConfiguration AuthorizeRemoteTxRequests', async () =>
    isTrue(await readKey(cp, 'AuthorizeRemoteTxRequests')));

  await step(3, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const requested = await step(4, 'Send RemoteStartTransaction for the connector and the valid idTag; the charge point accepts it', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: a free, plugged-in connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    return res.call.seq;
  });

  if (authorizeRemote) {
    await step(5, 'AuthorizeRemoteTxRequests is true: the charge point sends Authorize for the idTag (the harness accepts it)', () =>
      cp.expectCall('Authorize', {
        after: requested,
        match: { idTag },
        requirement: 'OCPP 1.6 §5.11, §9.1.3 AuthorizeRemoteTxRequests: with true, the charge point authorises the idTag of a remote start (Authorize.req) before starting',
      }));
  }

  const transactionId = await step(6, 'The charge point sends StartTransaction with the idTag of the request', async () => {
    const start = await cp.expectCall('StartTransaction', {
      after: requested,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(7, 'The charge point reports Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  const stopping = await step(9, 'Present the idTag of the start; the charge point stops the transaction without an Authorize, with a StopTransaction carrying that idTag', async () => {
    const from = cp.mark('presenting the idTag of the start');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('StopTransaction', {
      after: from,
      // reason may be absent (the default is Local) or "Local" (§4.10, §6.49).
      match: { transactionId, idTag, reason: { oneOf: ['Local'], optional: true } },
      forbid: { actions: ['Authorize'], why: 'the idTag that stops the transaction is the one that started it: the charge point SHALL only send Authorize.req for a different one (§4.1)' },
      requirement: 'OCPP 1.6 §4.1: the idTag that started the transaction may stop it; §4.10, §6.49: StopTransaction.req carries the transactionId and the idTag that stopped it',
    });
    return from;
  });

  await step(10, 'The charge point reports Finishing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    }));

  await step(11, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));
});
