import { defineCase } from '../../../harness/dsl/define-case.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';
import { unplug } from './cs-steps.js';
import { reusableCharging } from './cs-table-states.js';

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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 6; ours: the reusable state Charging (Table 105) for config idTags.accepted; the other idTag of step 1 (the table\'s <Configured Valid IdTag 2>) is config idTags.invalid, which the harness answers Accepted in this case only; both idTags presented through SUT control; "nothing is sent" is watched for timeouts.messageMs; step 7 (unplug → Available) leaves the charge point as found.',
  deviations: [{
    what: 'No Authorize.req between presenting the idTag that started the transaction and its StopTransaction (MUST, not a tool validation of the table)',
    why: 'The table validates the StopTransaction and the status only',
    source: 'OCPP 1.6 §3.4 and §4.1: a Charge Point MUST NOT send an Authorize.req before stopping a transaction if the presented idTag is the same as the one that started it',
  }],
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step, sleep }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const otherIdTag = cfg.idTags.invalid;
  const cp = await csms.booted();

  // The harness, as the CSMS, takes the other idTag as valid (the table's Valid IdTag 2), in this case only.
  const defaultAuthorize = cp.link.defaultHandler('Authorize');
  if (!defaultAuthorize) throw new Inconclusive('the harness has no default answer to Authorize');
  cp.handle('Authorize', (p, call, link) => p.idTag === otherIdTag ? { idTagInfo: { status: 'Accepted' } } : defaultAuthorize(p, call, link));

  const { transactionId } = await step(0, `Before: reusable state Charging on connector ${connectorId} for the valid idTag`, () =>
    reusableCharging(cp, sut, connectorId, idTag));

  await step(1, 'Present a different valid idTag; the charge point sends neither Authorize nor StopTransaction', async () => {
    const from = cp.mark('presenting a different idTag');
    await sut.do('presentIdTag', { connectorId, idTag: otherIdTag });
    await sleep(cfg.timeouts.messageMs);
    const until = cp.mark('watched long enough');
    cp.expectQuiet({
      afterSeq: from, beforeSeq: until,
      forbid: { actions: ['StopTransaction'], why: 'only the idTag that started the transaction stops it (Table 6)' },
      requirement: 'OCTT Table 6 step 1, expected result; OCPP 1.6 §4.10: an idTag other than the one that started the transaction (and of no group with it, §3.10) does not stop it',
    });
    cp.expectQuiet({
      afterSeq: from, beforeSeq: until, level: 'SHOULD', octt: 'fails',
      forbid: { actions: ['Authorize'], why: 'the table expects no Authorize.req for the other idTag while the connector is in use' },
      requirement: 'OCTT Table 6 step 1 (SHOULD: §4.1 lets a charge point authorise an idTag that differs from the one that started the transaction)',
    });
  });

  // Steps 3 and 5 may come in either order (Table 6, §1.2): both are looked for from the presentation on.
  const stopping = await step(3, 'Present the idTag of the start; the charge point stops the transaction with a StopTransaction carrying that idTag (steps 3–4)', async () => {
    const from = cp.mark('presenting the idTag of the start');
    await sut.do('presentIdTag', { connectorId, idTag });
    const stop = await cp.expectCall('StopTransaction', {
      after: from,
      // reason may be absent (the default is Local) or "Local" (§4.10, §6.49).
      match: { transactionId, idTag, reason: { oneOf: ['Local'], optional: true } },
      requirement: 'OCTT Table 6 step 3; OCPP 1.6 §4.10, §6.49: StopTransaction.req carries the transactionId and the idTag that stopped it, the one that started the transaction',
    });
    cp.expectQuiet({
      afterSeq: from, beforeSeq: stop.event.seq, octt: 'not-checked',
      forbid: { actions: ['Authorize'], why: 'the idTag that stops the transaction is the one that started it' },
      requirement: 'OCPP 1.6 §3.4, §4.1: a Charge Point MUST NOT send an Authorize.req before stopping a transaction if the presented idTag is the same as the one that started it',
    });
    return from;
  });

  await step(5, 'The charge point reports Finishing (steps 5–6)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: 'Finishing' },
      requirement: 'OCTT Table 6 step 5; OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    }));

  await step(7, 'Unplug the cable; the charge point reports Available (ours)', () => unplug(cp, sut, connectorId));
});
