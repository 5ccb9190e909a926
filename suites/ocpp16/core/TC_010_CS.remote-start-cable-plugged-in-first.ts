import { defineCase } from '../../../harness/dsl/define-case.js';
import { isTrue, plugIn, readKeyAccess } from './cs-steps.js';
import { cleanUpRemoteStop, cleanUpUnplug } from './cs-table-states.js';

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
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
    'OCPP 1.6 §5.12 RemoteStopTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §9.1.3 AuthorizeRemoteTxRequests',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 13 (its scenario is the reusable state Charging, Table 105, whose step numbers the steps carry); ours: the plug-in through SUT control and the clean-up (steps 15–16: RemoteStopTransaction, StopTransaction, Finishing, unplug → Available; not OCTT-checked).',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await csms.booted();

  // Table 105 step 1: read AuthorizeRemoteTxRequests, never force it (§9.1.3: it may be read-only).
  const authorizeRemote = await step(1, 'GetConfiguration AuthorizeRemoteTxRequests; the charge point reports it (step 2)', async () =>
    isTrue((await readKeyAccess(cp, 'AuthorizeRemoteTxRequests')).value));

  await step(3, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing (steps 3–4)`, () => plugIn(cp, sut, connectorId));

  const requested = await step(5, 'Send RemoteStartTransaction for the connector and the valid idTag; the charge point accepts it (step 6)', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCTT Table 105 step 6; OCPP 1.6 §5.11: the charge point SHALL answer RemoteStartTransaction with whether it will try to start a transaction; a free, plugged-in connector and a valid idTag: Accepted',
    });
    return res.call.seq;
  });

  if (authorizeRemote) {
    await step(9, 'AuthorizeRemoteTxRequests is true: the charge point sends Authorize for the idTag (the harness accepts it: step 10)', () =>
      cp.expectCall('Authorize', {
        after: requested,
        match: { idTag },
        requirement: 'OCTT Table 105 step 9; OCPP 1.6 §5.11, §9.1.3: with AuthorizeRemoteTxRequests true the idTag of a remote start is authorised first (Authorize.req)',
      }));
  }

  // Steps 11 and 13 may come in either order (Table 105, §1.2): both are looked for from the request on.
  const transactionId = await step(11, 'The charge point sends StartTransaction with the idTag and connector of the request (the harness accepts it: step 12)', async () => {
    const start = await cp.expectCall('StartTransaction', {
      after: requested,
      match: { idTag, connectorId },
      requirement: 'OCTT Table 105 step 11; OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(13, 'The charge point reports Charging (steps 13–14)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested,
      match: { status: 'Charging' },
      requirement: 'OCTT Table 105 step 13; OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await step(15, 'Clean-up (ours): RemoteStopTransaction; StopTransaction for the transaction; Finishing', () => cleanUpRemoteStop(cp, connectorId, transactionId));

  await step(16, 'Clean-up (ours): unplug the cable; the charge point reports Available', () => cleanUpUnplug(cp, sut, connectorId));
});
