import { defineCase } from '../../../harness/dsl/define-case.js';
import { stopByIdTagThenUnplug } from './cs-steps.js';

export default defineCase({
  id: 'TC_004_1_CS',
  title: 'Regular Charging Session - Identification First',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 4, follows: '2024-04' },
  purpose: 'Presenting a valid idTag before the cable leads to Authorize and Preparing; plugging in then starts the transaction (StartTransaction with that idTag, Charging); presenting the idTag again stops it and unplugging returns the connector to Available.',
  refs: [
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §6.49 StopTransaction.req (idTag, reason)',
    'OCPP 1.6 §9.1.6 ConnectionTimeOut',
  ],
  provenance: 'OCTT steps 1–5 as publicly summarised (Heartbeat/booted → Authorize → StatusNotification Preparing → StartTransaction with the same idTag → StatusNotification Charging). Step 1 uses the reusable state Booted instead of waiting for a Heartbeat (plus, right after a reboot, the StatusNotifications that follow acceptance); the plug-in stimulus between steps 3 and 4 is implied by the title. Steps 6–8 (stop by presenting the same idTag, no Authorize for it, StopTransaction for the transaction, Finishing, unplug → Available) are ours, derived from §4.1, §4.10 and §4.9, so that the charge point is left as found. The cable is plugged in right after Preparing, well within any ConnectionTimeOut.',
  actions: ['presentIdTag', 'plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const presented = await step(2, `Present the valid idTag at connector ${connectorId}; the charge point sends Authorize for it (the harness accepts it)`, async () => {
    const from = cp.mark('presenting idTag');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('Authorize', {
      after: from,
      match: { idTag },
      requirement: 'OCPP 1.6 §4.1: an idTag that is not in a local list or cache SHALL be authorised with Authorize.req before charging',
    });
    return from;
  });

  await step(3, 'The charge point reports Preparing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: presented,
      match: { status: 'Preparing' },
      requirement: 'OCPP 1.6 §4.9 (A2): usage initiated by presenting an idTag makes the connector Preparing',
    }));

  const plugged = cp.mark('plugging in');
  const transactionId = await step(4, 'Plug in the cable; the charge point sends StartTransaction with the authorised idTag and the connector', async () => {
    await sut.do('plugIn', { connectorId });
    const start = await cp.expectCall('StartTransaction', {
      after: presented,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §4.8: the charge point SHALL send StartTransaction.req for the transaction it started, with the authorised idTag',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(5, 'The charge point reports Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: plugged,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await stopByIdTagThenUnplug(cp, sut, step, { first: 6, connectorId, idTag, transactionId });
});
