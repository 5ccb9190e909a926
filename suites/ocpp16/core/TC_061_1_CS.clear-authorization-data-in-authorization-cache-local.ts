import { defineCase } from '../../../harness/dsl/define-case.js';
import { localStop, plugIn, restoreKeys, setKey, unplug } from './cs-steps.js';

export default defineCase({
  id: 'TC_061_1_CS',
  title: 'Clear Authorization Data in Authorization Cache - Local',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 12, documentId: 'TC_061_CS', follows: 'newer revision' },
  purpose: 'ClearCache is accepted and empties the Authorization Cache: an idTag the charge point had cached is, when presented again with LocalPreAuthorize enabled, authorised with Authorize.req instead of from the cache.',
  refs: [
    'OCPP 1.6 §5.4 ClearCache, §6.11 ClearCache.req, §7.20 ClearCacheStatus',
    'OCPP 1.6 §3.5.1 Authorization Cache',
    'OCPP 1.6 §3.5 LocalPreAuthorize, §9.1.13 LocalPreAuthorize',
    'OCPP 1.6 §9.1.2 AuthorizationCacheEnabled',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction, §4.10 StopTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'No public step summary of TC_061_1_CS was found; the steps are derived from the specification (§5.4, §3.5.1, §4.1, §9.1.13), in the shape of EVerest\'s public test_clear_authorization_data_cache (the idTag authorised once, ClearCache Accepted, the idTag presented again → Authorize.req). Ours: a first session fills the cache (its Authorize is neither required nor forbidden: the idTag may be cached already); LocalPreAuthorize is set true so that a cached idTag would start without Authorize — the Authorize of step 10 then shows that the cache was emptied; the sessions are started and stopped by presenting the idTag with the cable plugged in (as TC_003_CS); the keys are restored at the end.',
  actions: ['plugIn', 'presentIdTag', 'unplug'],
  declarations: { authorizationCache: true },
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const changes = [
    await step(2, 'AuthorizationCacheEnabled = true (GetConfiguration; ChangeConfiguration when it differs)', () =>
      setKey(cp, 'AuthorizationCacheEnabled', 'true')),
    await step(3, 'LocalPreAuthorize = true', () => setKey(cp, 'LocalPreAuthorize', 'true')),
  ];

  // A first session puts the idTag in the cache (Authorize.conf, StartTransaction.conf, StopTransaction.conf).
  await step(4, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const firstTx = await step(5, 'Present the valid idTag; the charge point starts a transaction for it (StartTransaction, Charging)', async () => {
    const from = cp.mark('presenting idTag');
    await sut.do('presentIdTag', { connectorId, idTag });
    const start = await cp.expectCall('StartTransaction', {
      after: from,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §4.8: the charge point SHALL send StartTransaction.req for the transaction it started, with the authorised idTag',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(6, 'Present the idTag again; the charge point stops the transaction and reports Finishing', () => localStop(cp, sut, connectorId, idTag, firstTx));

  await step(7, 'Send ClearCache; the charge point accepts it', () =>
    cp.call('ClearCache', {}, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.4: a charge point with an Authorization Cache SHALL clear it on ClearCache.req and answer Accepted (§7.20)',
    }));

  await step(8, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  await step(9, 'Plug in the cable again; the charge point reports Preparing', () => plugIn(cp, sut, connectorId));

  const presented = await step(10, 'Present the same idTag; the cache is empty, so the charge point sends Authorize for it before StartTransaction (the harness accepts it)', async () => {
    const from = cp.mark('presenting the idTag after ClearCache');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('Authorize', {
      after: from,
      match: { idTag },
      forbid: { actions: ['StartTransaction'], why: 'after ClearCache the idTag is no longer in the cache: no transaction starts for it before it is authorised (§4.1, §9.1.13)' },
      requirement: 'OCPP 1.6 §5.4: ClearCache clears the Authorization Cache; §4.1: an idTag that is not in the Local Authorization List or Authorization Cache SHALL be authorised with Authorize.req',
    });
    return from;
  });

  const transactionId = await step(11, 'The charge point sends StartTransaction for the idTag and reports Charging', async () => {
    const start = await cp.expectCall('StartTransaction', {
      after: presented,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §4.8: the charge point SHALL send StartTransaction.req for the transaction it started, with the authorised idTag',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: presented,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(12, 'Present the idTag again; the charge point stops the transaction and reports Finishing', () => localStop(cp, sut, connectorId, idTag, transactionId));

  await step(13, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  await step(14, 'Restore AuthorizationCacheEnabled and LocalPreAuthorize', () => restoreKeys(cp, changes));
});
