import { defineCase } from '../../../harness/dsl/define-case.js';
import { stopByIdTagThenUnplug } from './cs-steps.js';

export default defineCase({
  id: 'TC_003_CS',
  title: 'Regular Charging Session - Plugin First',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 3, follows: '2024-04' },
  purpose: 'With the cable plugged in first, presenting a valid idTag leads to Authorize, StartTransaction and Charging; presenting it again stops the transaction with a StopTransaction for it, and unplugging returns the connector to Available.',
  refs: [
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §6.49 StopTransaction.req (idTag, reason)',
    'OCPP 1.6 §7.36 Reason',
  ],
  provenance: 'OCTT steps 1–5 as publicly summarised (Heartbeat/booted → StatusNotification Preparing → Authorize → StartTransaction with the same idTag → StatusNotification Charging). Step 1 uses the reusable state Booted instead of waiting for a Heartbeat (plus, right after a reboot, the StatusNotifications that follow acceptance). Steps 6–8 (stop by presenting the same idTag, no Authorize for it, StopTransaction for the transaction, Finishing, unplug → Available) are ours, derived from §4.1, §4.10 and §4.9, so that the charge point is left as found.',
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  await step(2, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, async () => {
    const from = cp.mark('plugging in');
    await sut.do('plugIn', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from,
      match: { status: 'Preparing' },
      requirement: 'OCPP 1.6 §4.9 (A2): usage initiated by inserting the plug makes the connector Preparing',
    });
  });

  const presented = await step(3, 'Present the valid idTag; the charge point sends Authorize for it (the harness accepts it)', async () => {
    const from = cp.mark('presenting idTag');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('Authorize', {
      after: from,
      match: { idTag },
      requirement: 'OCPP 1.6 §4.1: an idTag that is not in a local list or cache SHALL be authorised with Authorize.req before charging',
    });
    return from;
  });

  const transactionId = await step(4, 'The charge point sends StartTransaction with the same idTag and connector', async () => {
    const start = await cp.expectCall('StartTransaction', {
      after: presented,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §4.8: the charge point SHALL send StartTransaction.req for the transaction it started, with the authorised idTag',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(5, 'The charge point reports Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: presented,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await stopByIdTagThenUnplug(cp, sut, step, { first: 6, connectorId, idTag, transactionId });
});
