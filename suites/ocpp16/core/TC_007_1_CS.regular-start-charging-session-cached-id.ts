import { defineCase } from '../../../harness/dsl/define-case.js';
import { localStop, plugIn, restoreKeys, setKey, unplug } from './cs-steps.js';

export default defineCase({
  id: 'TC_007_1_CS',
  title: 'Regular Start Charging Session - Cached Id',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 11, documentId: 'TC_007_CS', follows: 'newer revision' },
  purpose: 'With the Authorization Cache and LocalPreAuthorize enabled, an idTag the CSMS accepted before is authorised from the cache when presented again: the charge point starts the transaction with StartTransaction without sending Authorize first.',
  refs: [
    'OCPP 1.6 §3.5.1 Authorization Cache',
    'OCPP 1.6 §3.5 LocalPreAuthorize, §9.1.13 LocalPreAuthorize',
    'OCPP 1.6 §9.1.2 AuthorizationCacheEnabled',
    'OCPP 1.6 §5.4 ClearCache',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'No public step summary of TC_007_1_CS was found; the steps are derived from the specification (§3.5, §3.5.1, §9.1.13), in the shape of EVerest\'s public test_regular_charge_session_cached_id (AuthorizationCacheEnabled and LocalPreAuthorize true, ClearCache, a first session whose Authorize fills the cache, a second one that starts without Authorize). Ours: the sessions are started by presenting the idTag with the cable plugged in first and stopped by presenting it again (as TC_003_CS), and both keys are restored at the end.',
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

  await step(4, 'ClearCache: the charge point accepts it (the cache starts empty)', () =>
    cp.call('ClearCache', {}, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.4: a charge point with an Authorization Cache clears it and answers Accepted',
    }));

  // The first session puts the idTag in the cache.
  await step(5, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const first = await step(6, 'Present the valid idTag; it is not in the cache, so the charge point sends Authorize for it (the harness accepts it)', async () => {
    const from = cp.mark('presenting idTag');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('Authorize', {
      after: from,
      match: { idTag },
      requirement: 'OCPP 1.6 §4.1: an idTag that is not in the Local Authorization List or the Authorization Cache SHALL be authorised with Authorize.req',
    });
    return from;
  });

  const firstTx = await step(7, 'The charge point sends StartTransaction for the idTag and reports Charging', async () => {
    const start = await cp.expectCall('StartTransaction', {
      after: first,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §4.8: the charge point SHALL send StartTransaction.req for the transaction it started, with the authorised idTag',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: first,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(8, 'Present the idTag again; the charge point stops the transaction and reports Finishing', () => localStop(cp, sut, connectorId, idTag, firstTx));

  await step(9, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  // The second session: the idTag is in the cache now.
  await step(10, 'Plug in the cable again; the charge point reports Preparing', () => plugIn(cp, sut, connectorId));

  const second = cp.mark('presenting the cached idTag');
  const transactionId = await step(11, 'Present the same idTag; it is in the cache: the charge point sends StartTransaction without an Authorize before it', async () => {
    await sut.do('presentIdTag', { connectorId, idTag });
    const start = await cp.expectCall('StartTransaction', {
      after: second,
      match: { idTag, connectorId },
      forbid: { actions: ['Authorize'], why: 'with LocalPreAuthorize true a locally authorised identifier starts the transaction without requesting an Authorization.conf (§9.1.13, §3.5)' },
      requirement: 'OCPP 1.6 §3.5.1: the Authorization Cache holds the idTag the CSMS accepted; §3.5, §9.1.13 LocalPreAuthorize: the charge point starts the transaction for it without waiting for or requesting an Authorization.conf',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(12, 'The charge point reports Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: second,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await step(13, 'Present the idTag again; the charge point stops the transaction and reports Finishing', () => localStop(cp, sut, connectorId, idTag, transactionId));

  await step(14, 'Unplug the cable; the charge point reports Available', () => unplug(cp, sut, connectorId));

  await step(15, 'Restore AuthorizationCacheEnabled and LocalPreAuthorize', () => restoreKeys(cp, changes));
});
