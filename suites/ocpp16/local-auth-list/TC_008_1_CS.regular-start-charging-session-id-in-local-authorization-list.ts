import { defineCase } from '../../../harness/dsl/define-case.js';
import { cacheOff, configuredEntries, emptyList, LIST_ENABLED_WHY, localListVersion, nextVersion, restoreKeys, sendLocalList, setKey } from './local-list-steps.js';

export default defineCase({
  id: 'TC_008_1_CS',
  title: 'Regular Start Charging Session - Id in Local Authorization List',
  ocpp: '1.6',
  profile: 'LocalAuthListManagement',
  sut: 'ChargePoint',
  octt: { table: 54, documentId: 'TC_008_CS', follows: 'newer revision' },
  purpose: 'With LocalPreAuthorize true, an idTag the Local Authorization List holds as Accepted starts a transaction without any Authorize.req: the charge point goes Preparing, sends StartTransaction with that idTag once the cable is in, and reports Charging.',
  refs: [
    'OCPP 1.6 §3.5.2 Local Authorization List',
    'OCPP 1.6 §4.1 Authorization',
    'OCPP 1.6 §9.1.13 LocalPreAuthorize',
    'OCPP 1.6 §9.2.1 LocalAuthListEnabled',
    'OCPP 1.6 §5.10 Get Local List Version',
    'OCPP 1.6 §5.15 Send Local List',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
    'OCPP 1.6 §4.10 StopTransaction',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 54; ours (the local-start variant of a newer revision): the Before keys are set with ChangeConfiguration and restored (a cache that cannot be switched off is cleared), the list is a Full update of the valid idTag, and the clean-up.',
  deviations: [
    { what: 'No Authorize.req from the presentation up to StartTransaction and up to the stop', why: 'LocalPreAuthorize starts the transaction without an Authorize.conf', source: 'OCPP 1.6 §9.1.13' },
    { what: 'The clean-up (local stop, Finishing, unplug, the list emptied)', why: 'leave the charge point as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
  actions: ['presentIdTag', 'plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, note, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const noAuthorize = { actions: ['Authorize'], why: 'LocalPreAuthorize is true and the idTag is Accepted in the Local Authorization List: the transaction starts without requesting an Authorize.conf (§9.1.13, §3.5)' };
  const cp = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  const changed = await step(2, 'Preparation: LocalAuthListEnabled and LocalPreAuthorize true, the authorization cache off', async () => [
    await setKey({ note, notApplicable }, cp, 'LocalAuthListEnabled', 'true', { required: true, why: LIST_ENABLED_WHY }),
    await setKey({ note, notApplicable }, cp, 'LocalPreAuthorize', 'true', { required: true, why: 'OCPP 1.6 §9.1.13 LocalPreAuthorize' }),
    await cacheOff({ note, notApplicable }, cp),
  ]);

  const version = await step(3, 'GetLocalListVersion; then SendLocalList (Full) with the valid idTag as Accepted: Accepted (OCTT steps 1–4)', async () => {
    const current = await localListVersion(cp);
    const v = nextVersion(current);
    await sendLocalList(cp, v, 'Full', [configuredEntries(cfg).accepted], {
      status: 'Accepted',
      requirement: 'OCPP 1.6 §5.15: a Full update within SendLocalListMaxLength is applied and answered Accepted',
    });
    return v;
  });

  const presented = cp.mark('presenting the idTag');
  await step(4, 'Present the idTag: the charge point reports Preparing, without Authorize.req (OCTT steps 5–6)', async () => {
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: presented,
      match: { status: 'Preparing' },
      forbid: noAuthorize,
      requirement: 'OCPP 1.6 §4.9 (A2): usage initiated by presenting a valid idTag makes the connector Preparing',
    });
  });

  const transactionId = await step(5, 'Plug in the cable: StartTransaction with the idTag, still without Authorize.req (OCTT steps 7–8)', async () => {
    await sut.do('plugIn', { connectorId });
    const start = await cp.expectCall('StartTransaction', {
      after: presented,
      match: { idTag, connectorId },
      forbid: noAuthorize,
      requirement: 'OCPP 1.6 §3.5, §4.8, §9.1.13: an idTag Accepted in the Local Authorization List starts the transaction locally; StartTransaction carries it',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(6, 'The charge point reports Charging (OCTT steps 9–10)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: presented,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await step(7, 'Clean-up: present the same idTag again; StopTransaction for the transaction without Authorize.req, then Finishing', async () => {
    const stopping = cp.mark('presenting the idTag again');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('StopTransaction', {
      after: stopping,
      match: { transactionId },
      forbid: { actions: ['Authorize'], why: 'the idTag that started the transaction stops it: no Authorize.req (§4.1)' },
      requirement: 'OCPP 1.6 §4.10: presenting the idTag that started the transaction stops it; StopTransaction.req is sent for it',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    });
  });

  await step(8, 'Unplug the cable; the charge point reports Available', async () => {
    const from = cp.mark('unplugging');
    await sut.do('unplug', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from,
      match: { status: 'Available' },
      requirement: 'OCPP 1.6 §4.9 (F1): the cable removed after the transaction: Available',
    });
  });

  await step(9, 'Clean-up: empty the Local Authorization List and restore the configuration keys', async () => {
    await emptyList(cp, version + 1);
    await restoreKeys(cp, changed);
  });
});
