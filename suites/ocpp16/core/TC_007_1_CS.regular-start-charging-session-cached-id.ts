import { defineCase } from '../../../harness/dsl/define-case.js';
import { localStop, plugIn, unplug } from './cs-steps.js';
import { beforeKey, restoreBefore } from './cs-table-states.js';

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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 11 (TC_007_CS) starts the cached idTag remotely (our TC_007_2_CS); this local variant is the newer revision\'s TC_007_1_CS, ours in its stimulus: the idTag is presented with the cable plugged in (steps 1–7 in the places of Table 11\'s), the IdTagCached memory state (Table 112) is reached with a local session after ClearCache, and the clean-up (steps 9–11) leaves the charge point as found.',
  actions: ['plugIn', 'presentIdTag', 'unplug'],
  declarations: { authorizationCache: true },
}, async ({ csms, sut, cfg, step, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await csms.booted();

  const changes = await step(0, 'Before: AuthorizationCacheEnabled and LocalPreAuthorize true (NOT_APPLICABLE when read-only otherwise); memory state IdTagCached: ClearCache, then a session for the idTag (Authorize, StartTransaction, Charging; presented again: StopTransaction, Finishing; unplugged: Available)', async () => {
    const keys = [
      await beforeKey({ notApplicable }, cp, 'AuthorizationCacheEnabled', 'true'),
      await beforeKey({ notApplicable }, cp, 'LocalPreAuthorize', 'true'),
    ];
    await cp.call('ClearCache', {}, {
      expect: { status: 'Accepted' }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.4: a charge point with an Authorization Cache clears it and answers Accepted',
    });
    await plugIn(cp, sut, connectorId);
    const from = cp.mark('presenting idTag');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('Authorize', {
      after: from, match: { idTag }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.1: an idTag that is not in the Local Authorization List or the Authorization Cache SHALL be authorised with Authorize.req',
    });
    const start = await cp.expectCall('StartTransaction', {
      after: from, match: { idTag, connectorId }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.8: the charge point SHALL send StartTransaction.req for the transaction it started, with the authorised idTag',
    });
    const firstTx = (await cp.answerOf(start)).transactionId as number;
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from, match: { status: 'Charging' }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    });
    await localStop(cp, sut, connectorId, idTag, firstTx);
    await unplug(cp, sut, connectorId);
    return keys;
  });

  await step(1, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing (steps 1–2)`, () => plugIn(cp, sut, connectorId));

  // Steps 5 and 7 may come in either order (Table 11, §1.2): both are looked for from the idTag on.
  const second = cp.mark('presenting the cached idTag');
  const transactionId = await step(3, 'Present the same idTag (in place of the RemoteStartTransaction of steps 3–4); it is cached: the charge point sends StartTransaction without an Authorize before it (steps 5–6)', async () => {
    await sut.do('presentIdTag', { connectorId, idTag });
    const start = await cp.expectCall('StartTransaction', {
      after: second,
      match: { idTag, connectorId },
      forbid: { actions: ['Authorize'], why: 'with LocalPreAuthorize true a locally authorised identifier starts the transaction without requesting an Authorization.conf (§9.1.13, §3.5)' },
      requirement: 'OCTT Table 11 step 5; OCPP 1.6 §3.5.1: the Authorization Cache holds the idTag the CSMS accepted; §3.5, §9.1.13 LocalPreAuthorize: the charge point starts the transaction for it without waiting for or requesting an Authorization.conf',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(7, 'The charge point reports Charging (steps 7–8)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: second,
      match: { status: 'Charging' },
      requirement: 'OCTT Table 11 step 7; OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await step(9, 'Present the idTag again; the charge point stops the transaction and reports Finishing (ours)', () => localStop(cp, sut, connectorId, idTag, transactionId));

  await step(10, 'Unplug the cable; the charge point reports Available (ours)', () => unplug(cp, sut, connectorId));

  await step(11, 'Restore AuthorizationCacheEnabled and LocalPreAuthorize (ours)', () => restoreBefore(cp, changes));
});
