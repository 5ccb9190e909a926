import { defineCase } from '../../../harness/dsl/define-case.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';
import { unplug } from './cs-steps.js';
import { reusableCharging } from './cs-table-states.js';

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
  provenance: `OCTT 1.6 TCD 2024-04 Table 7; ours: the reusable state Charging (Table 105) for idTag1 = config idTags.accepted, idTag2 = config idTags.invalid (the configuration names no second valid idTag), which the harness answers Accepted in the group "${PARENT_ID_TAG}" in Authorize and StartTransaction for this case only (its StopTransaction.conf gets the default answer, so that what the charge point caches is what it was before); idTag2 presented through SUT control; step 7 (unplug → Available) leaves the charge point as found.`,
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag1 = cfg.idTags.accepted;
  const idTag2 = cfg.idTags.invalid;
  const cp = await csms.booted();

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

  const { transactionId } = await step(0, `Before: reusable state Charging on connector ${connectorId} for idTag1 (the harness accepts it, parentIdTag ${PARENT_ID_TAG})`, () =>
    reusableCharging(cp, sut, connectorId, idTag1));

  const presented = await step(1, `Present idTag2 of the same group; the charge point sends Authorize for it (the harness accepts it, parentIdTag ${PARENT_ID_TAG}: step 2)`, async () => {
    const from = cp.mark('presenting idTag2');
    await sut.do('presentIdTag', { connectorId, idTag: idTag2 });
    await cp.expectCall('Authorize', {
      after: from,
      match: { idTag: idTag2 },
      requirement: 'OCTT Table 7 step 1; OCPP 1.6 §4.1: the identifier that stops the transaction differs from the one that started it, so the charge point authorises it (Authorize.req); §3.10: its parentIdTag tells whether it is of the same group',
    });
    return from;
  });

  // Steps 3 and 5 may come in either order (Table 7, §1.2): both are looked for from the presentation on.
  await step(3, 'The charge point stops the transaction with a StopTransaction carrying idTag2 (steps 3–4)', () =>
    cp.expectCall('StopTransaction', {
      after: presented,
      // reason may be absent (the default is Local) or "Local" (§4.10, §6.49).
      match: { transactionId, idTag: idTag2, reason: { oneOf: ['Local'], optional: true } },
      requirement: 'OCTT Table 7 step 3; OCPP 1.6 §3.10: another token of the same group (matching parentIdTag) may stop the transaction; §4.10, §6.49: StopTransaction.req carries the idTag that stopped it',
    }));

  await step(5, 'The charge point reports Finishing (steps 5–6)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: presented,
      match: { status: 'Finishing' },
      requirement: 'OCTT Table 7 step 5; OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    }));

  await step(7, 'Unplug the cable; the charge point reports Available (ours)', () => unplug(cp, sut, connectorId));
});
