import { defineCase } from '../../../harness/dsl/define-case.js';
import { plugIn, remoteStop, requireKey, restoreKeys, unplug } from './cs-steps.js';
import { beforeKey } from './cs-table-states.js';

export default defineCase({
  id: 'TC_061_2_CS',
  title: 'Clear Authorization Data in Authorization Cache - Remote',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 12, documentId: 'TC_061_CS', follows: 'newer revision' },
  purpose: 'ClearCache is accepted and empties the Authorization Cache: with AuthorizeRemoteTxRequests and LocalPreAuthorize enabled, a remote start for an idTag the charge point had cached is authorised with Authorize.req instead of from the cache.',
  refs: [
    'OCPP 1.6 §5.4 ClearCache, §6.11 ClearCache.req, §7.20 ClearCacheStatus',
    'OCPP 1.6 §3.5.1 Authorization Cache',
    'OCPP 1.6 §5.11 RemoteStartTransaction, §9.1.3 AuthorizeRemoteTxRequests',
    'OCPP 1.6 §3.5 LocalPreAuthorize, §9.1.13 LocalPreAuthorize',
    'OCPP 1.6 §9.1.2 AuthorizationCacheEnabled',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §5.12 RemoteStopTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 12 (TC_061_CS) is the local start (our TC_061_1_CS); this remote variant is the newer revision\'s TC_061_2_CS, ours in its steps: AuthorizeRemoteTxRequests must be true (read; set when writable; NOT_APPLICABLE when read-only false) so that a cached idTag would start without Authorize, a first remote session fills the cache, the cable is plugged in and out through SUT control, and the keys are restored at the end.',
  actions: ['plugIn', 'unplug'],
  declarations: { authorizationCache: true },
}, async ({ csms, sut, cfg, step, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const changes = [
    // The remote variant needs AuthorizeRemoteTxRequests true; §9.1.3 allows read-only.
    await step(2, 'AuthorizeRemoteTxRequests = true (GetConfiguration; ChangeConfiguration when it differs and is writable; NOT_APPLICABLE when read-only false)', () =>
      requireKey(cp, notApplicable, 'AuthorizeRemoteTxRequests', 'true', 'a remote start is then not authorised at all, so the cleared cache cannot be observed in this remote variant')),
    await step(3, 'AuthorizationCacheEnabled = true', () => beforeKey({ notApplicable }, cp, 'AuthorizationCacheEnabled', 'true')),
    await step(4, 'LocalPreAuthorize = true', () => beforeKey({ notApplicable }, cp, 'LocalPreAuthorize', 'true')),
  ];

  const remoteStart = async (): Promise<number> => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: a free, plugged-in connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    return res.call.seq;
  };
  const started = async (after: number): Promise<number> => {
    const start = await cp.expectCall('StartTransaction', {
      after,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    });
    return (await cp.answerOf(start)).transactionId as number;
  };

  // A first session puts the idTag in the cache (Authorize.conf, StartTransaction.conf, StopTransaction.conf).
  await step(5, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const first = await step(6, 'Send RemoteStartTransaction for the connector and the valid idTag; the charge point accepts it', remoteStart);

  const firstTx = await step(7, 'The charge point sends StartTransaction for the idTag and reports Charging', () => started(first));

  await step(8, 'RemoteStopTransaction; StopTransaction for the transaction; Finishing', () => remoteStop(cp, connectorId, firstTx));

  await step(9, 'Send ClearCache; the charge point accepts it', () =>
    cp.call('ClearCache', {}, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.4: a charge point with an Authorization Cache SHALL clear it on ClearCache.req and answer Accepted (§7.20)',
    }));

  await step(10, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  await step(11, 'Plug in the cable again; the charge point reports Preparing', () => plugIn(cp, sut, connectorId));

  const second = await step(12, 'Send RemoteStartTransaction for the same idTag; the charge point accepts it', remoteStart);

  await step(13, 'The cache is empty: the charge point sends Authorize for the idTag before StartTransaction (the harness accepts it)', () =>
    cp.expectCall('Authorize', {
      after: second,
      match: { idTag },
      forbid: { actions: ['StartTransaction'], why: 'after ClearCache the idTag is no longer in the cache: with AuthorizeRemoteTxRequests true no transaction starts for it before it is authorised (§9.1.3, §4.1)' },
      requirement: 'OCPP 1.6 §5.4: ClearCache clears the Authorization Cache; §9.1.3: with AuthorizeRemoteTxRequests true a remote start is authorised like a local one; §4.1: an idTag not in the list or cache SHALL be authorised with Authorize.req',
    }));

  const transactionId = await step(14, 'The charge point sends StartTransaction for the idTag and reports Charging', () => started(second));

  await step(15, 'Clean-up: RemoteStopTransaction; StopTransaction for the transaction; Finishing', () => remoteStop(cp, connectorId, transactionId));

  await step(16, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  await step(17, 'Restore AuthorizeRemoteTxRequests, AuthorizationCacheEnabled and LocalPreAuthorize', () => restoreKeys(cp, changes));
});
