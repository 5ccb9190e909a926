import { defineCase } from '../../../harness/dsl/define-case.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';
import { isTrue, plugIn, readKey, unplug } from './cs-steps.js';

/** The group identifier the harness, as the CSMS, gives both idTags (§3.10: any data, CiString20). */
const PARENT_ID_TAG = 'OCPPH-GROUP-069';

export default defineCase({
  id: 'TC_069_CS',
  title: 'Stop transaction - ParentIdTag in StopTransaction matches ParentIdTag in StartTransaction',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 7, follows: '2024-04' },
  purpose: 'A transaction started for an idTag of a group (parentIdTag) is stopped when another idTag of the same group is presented: the charge point authorises that other idTag, then stops the transaction with a StopTransaction carrying it.',
  refs: [
    'OCPP 1.6 §3.10 Parent idTag',
    'OCPP 1.6 §4.1 Authorize (Authorize.req when the idTag that stops differs from the one that started)',
    'OCPP 1.6 §4.8 StartTransaction, §7.27 IdTagInfo (parentIdTag)',
    'OCPP 1.6 §4.10 StopTransaction, §6.49 StopTransaction.req (idTag)',
    'OCPP 1.6 §5.11 RemoteStartTransaction, §9.1.3 AuthorizeRemoteTxRequests',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: `OCTT steps 1–10 as publicly summarised (Heartbeat/booted → GetConfiguration AuthorizeRemoteTxRequests → Preparing → RemoteStartTransaction with idTag1 Accepted → Authorize for idTag1 when AuthorizeRemoteTxRequests is true → StartTransaction with idTag1, whose answer gives the parentIdTag → Charging → Authorize for idTag2, answered with the same parentIdTag → StopTransaction with idTag2 → Finishing). Ours: step 1 uses the reusable state Booted; the cable is plugged in and idTag2 presented through SUT control; idTag1 is config idTags.accepted and idTag2 config idTags.invalid (the configuration names no second valid idTag), which the harness answers Accepted in the group "${PARENT_ID_TAG}" in Authorize and StartTransaction for this case only — its StopTransaction.conf gets the default answer, the idTag's own status, so that what the charge point caches for it is what it was before; the summary's step 11 (Preparing) is replaced by unplug → Available, to leave the charge point as found.`,
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag1 = cfg.idTags.accepted;
  const idTag2 = cfg.idTags.invalid;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  // The harness, as the CSMS, puts both idTags in one group (§3.10) for this case.
  const inGroup = (idTag: unknown): boolean => idTag === idTag1 || idTag === idTag2;
  const groupInfo = { status: 'Accepted', parentIdTag: PARENT_ID_TAG };
  const defaultAuthorize = cp.link.defaultHandler('Authorize');
  const defaultStart = cp.link.defaultHandler('StartTransaction');
  if (!defaultAuthorize || !defaultStart) throw new Inconclusive('the harness has no default answer to Authorize or StartTransaction');
  cp.handle('Authorize', (p, call, link) => inGroup(p.idTag) ? { idTagInfo: groupInfo } : defaultAuthorize(p, call, link));
  cp.handle('StartTransaction', async (p, call, link) => {
    const answer = await defaultStart(p, call, link) as Record<string, unknown>;
    return inGroup(p.idTag) ? { ...answer, idTagInfo: groupInfo } : answer;
  });

  const authorizeRemote = await step(2, 'GetConfiguration AuthorizeRemoteTxRequests', async () =>
    isTrue(await readKey(cp, 'AuthorizeRemoteTxRequests')));

  await step(3, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const requested = await step(4, 'Send RemoteStartTransaction for the connector and idTag1; the charge point accepts it', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag: idTag1 }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: a free, plugged-in connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    return res.call.seq;
  });

  if (authorizeRemote) {
    await step(5, `AuthorizeRemoteTxRequests is true: the charge point sends Authorize for idTag1 (the harness accepts it, parentIdTag ${PARENT_ID_TAG})`, () =>
      cp.expectCall('Authorize', {
        after: requested,
        match: { idTag: idTag1 },
        requirement: 'OCPP 1.6 §5.11, §9.1.3 AuthorizeRemoteTxRequests: with true, the charge point authorises the idTag of a remote start (Authorize.req) before starting',
      }));
  }

  const transactionId = await step(6, `The charge point sends StartTransaction with idTag1 (the harness accepts it, parentIdTag ${PARENT_ID_TAG})`, async () => {
    const start = await cp.expectCall('StartTransaction', {
      after: requested,
      match: { idTag: idTag1, connectorId },
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

  const presented = await step(8, `Present idTag2 of the same group; the charge point sends Authorize for it (the harness accepts it, parentIdTag ${PARENT_ID_TAG})`, async () => {
    const from = cp.mark('presenting idTag2');
    await sut.do('presentIdTag', { connectorId, idTag: idTag2 });
    await cp.expectCall('Authorize', {
      after: from,
      match: { idTag: idTag2 },
      requirement: 'OCPP 1.6 §4.1: the identifier that stops the transaction differs from the one that started it, so the charge point authorises it (Authorize.req); §3.10: its parentIdTag tells whether it is of the same group',
    });
    return from;
  });

  await step(9, 'The charge point stops the transaction with a StopTransaction carrying idTag2', () =>
    cp.expectCall('StopTransaction', {
      after: presented,
      // reason may be absent (the default is Local) or "Local" (§4.10, §6.49).
      match: { transactionId, idTag: idTag2, reason: { oneOf: ['Local'], optional: true } },
      requirement: 'OCPP 1.6 §3.10: another token of the same group (matching parentIdTag) may stop the transaction; §4.10, §6.49: StopTransaction.req carries the idTag that stopped it',
    }));

  await step(10, 'The charge point reports Finishing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: presented,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    }));

  await step(11, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));
});
