import { defineCase } from '../../../harness/dsl/define-case.js';
import { plugIn, remoteStop, requireKey, restoreKeys, unplug } from './cs-steps.js';
import { beforeKey } from './cs-table-states.js';

export default defineCase({
  id: 'TC_007_2_CS',
  title: 'Remote Start Charging Session - Cached Id',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 11, documentId: 'TC_007_CS', follows: 'newer revision' },
  purpose: 'With AuthorizeRemoteTxRequests, the Authorization Cache and LocalPreAuthorize enabled, a remote start for an idTag the CSMS accepted before is authorised from the cache: the charge point sends StartTransaction without an Authorize first.',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction, §9.1.3 AuthorizeRemoteTxRequests',
    'OCPP 1.6 §3.5.1 Authorization Cache',
    'OCPP 1.6 §3.5 LocalPreAuthorize, §9.1.13 LocalPreAuthorize',
    'OCPP 1.6 §9.1.2 AuthorizationCacheEnabled',
    'OCPP 1.6 §5.4 ClearCache',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §5.12 RemoteStopTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 11 (TC_007_CS, a remote start: the newer revision calls it TC_007_2_CS); ours: the step numbers (Table 11 steps 1–8 are our steps 11–14), the IdTagCached memory state is reached with a first remote session after ClearCache (steps 5–10), the cable is unplugged and plugged in again between the sessions through SUT control, and the keys are restored at the end.',
  actions: ['plugIn', 'unplug'],
  declarations: { authorizationCache: true },
}, async ({ csms, sut, cfg, step, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const changes = [
    // Prerequisite (Table 11): AuthorizeRemoteTxRequests is not read-only with false; §9.1.3 allows read-only.
    await step(2, 'AuthorizeRemoteTxRequests = true (GetConfiguration; ChangeConfiguration when it differs and is writable; NOT_APPLICABLE when read-only false)', () =>
      requireKey(cp, notApplicable, 'AuthorizeRemoteTxRequests', 'true', 'a remote start is then not authorised at all, so the cache cannot be observed (Table 11 prerequisite)')),
    await step(3, 'AuthorizationCacheEnabled = true', () => beforeKey({ notApplicable }, cp, 'AuthorizationCacheEnabled', 'true')),
    await step(4, 'LocalPreAuthorize = true', () => beforeKey({ notApplicable }, cp, 'LocalPreAuthorize', 'true')),
  ];

  await step(5, 'ClearCache: the charge point accepts it (the cache starts empty)', () =>
    cp.call('ClearCache', {}, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.4: a charge point with an Authorization Cache clears it and answers Accepted',
    }));

  // The first session puts the idTag in the cache.
  await step(6, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const first = await step(7, 'Send RemoteStartTransaction for the connector and the valid idTag; the charge point accepts it and, as the idTag is not cached, sends Authorize for it (the harness accepts it)', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: a free, plugged-in connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    await cp.expectCall('Authorize', {
      after: res.call.seq,
      match: { idTag },
      requirement: 'OCPP 1.6 §5.11, §9.1.3: with AuthorizeRemoteTxRequests true the idTag of a remote start is authorised like a local one; §4.1: one not in the list or cache with Authorize.req',
    });
    return res.call.seq;
  });

  const firstTx = await step(8, 'The charge point sends StartTransaction for the idTag and reports Charging', async () => {
    const start = await cp.expectCall('StartTransaction', {
      after: first,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: first,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(9, 'RemoteStopTransaction; StopTransaction for the transaction; Finishing', () => remoteStop(cp, connectorId, firstTx));

  await step(10, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  // The second session: the idTag is in the cache now.
  await step(11, 'Plug in the cable again; the charge point reports Preparing', () => plugIn(cp, sut, connectorId));

  const second = await step(12, 'Send RemoteStartTransaction for the same idTag; the charge point accepts it', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: a free, plugged-in connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    return res.call.seq;
  });

  const transactionId = await step(13, 'The idTag is in the cache: the charge point sends StartTransaction without an Authorize before it', async () => {
    const start = await cp.expectCall('StartTransaction', {
      after: second,
      match: { idTag, connectorId },
      forbid: { actions: ['Authorize'], why: 'with LocalPreAuthorize true a locally authorised identifier starts the transaction without requesting an Authorization.conf (§9.1.13, §3.5)' },
      requirement: 'OCPP 1.6 §9.1.3: the remote start is authorised like a local action; §3.5.1: the Authorization Cache holds the idTag; §3.5, §9.1.13 LocalPreAuthorize: the transaction starts without waiting for or requesting an Authorization.conf',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(14, 'The charge point reports Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: second,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await step(15, 'Clean-up: RemoteStopTransaction; StopTransaction for the transaction; Finishing', () => remoteStop(cp, connectorId, transactionId));

  await step(16, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  await step(17, 'Restore AuthorizeRemoteTxRequests, AuthorizationCacheEnabled and LocalPreAuthorize', () => restoreKeys(cp, changes));
});
