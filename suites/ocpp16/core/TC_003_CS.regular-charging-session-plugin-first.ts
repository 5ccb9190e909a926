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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 3; ours: the plug-in and idTag through SUT control, and steps 9–11 after the table (the same idTag stops the transaction, Finishing, unplug → Available) so that the charge point is left as found.',
  deviations: [{
    what: 'After the table: presenting the same idTag stops the transaction (StopTransaction for it, reason Local or none, with that idTag), Finishing, unplug → Available and no Authorize for that idTag (MUST, not OCTT-checked)',
    why: 'The table ends charging; the session is ended the regular way so that the next case finds the charger idle',
    source: 'OCPP 1.6 §4.10, §6.49 (idTag, reason), §4.9 (C6, F1); §3.4, §4.1: a Charge Point MUST NOT send an Authorize.req before stopping a transaction with the idTag that started it',
  }],
  actions: ['plugIn', 'presentIdTag', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await csms.booted();

  await step(1, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing (steps 1–2)`, async () => {
    const from = cp.mark('plugging in');
    await sut.do('plugIn', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from,
      match: { status: 'Preparing' },
      requirement: 'OCTT Table 3 step 1; OCPP 1.6 §4.9 (A2): usage initiated by inserting the plug makes the connector Preparing',
    });
  });

  const presented = await step(3, 'Present the valid idTag; the charge point sends Authorize for it (the harness accepts it: step 4)', async () => {
    const from = cp.mark('presenting idTag');
    await sut.do('presentIdTag', { connectorId, idTag });
    await cp.expectCall('Authorize', {
      after: from,
      match: { idTag },
      requirement: 'OCTT Table 3 step 3; OCPP 1.6 §4.1: an idTag that is not in a local list or cache SHALL be authorised with Authorize.req before charging',
    });
    return from;
  });

  // Steps 5 and 7 may come in either order (Table 3, §1.2): both are looked for from the idTag on.
  const transactionId = await step(5, 'The charge point sends StartTransaction with the same idTag and connector (the harness accepts it: step 6)', async () => {
    const start = await cp.expectCall('StartTransaction', {
      after: presented,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §4.8: the charge point SHALL send StartTransaction.req for the transaction it started, with the authorised idTag',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(7, 'The charge point reports Charging (steps 7–8)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: presented,
      match: { status: 'Charging' },
      requirement: 'OCTT Table 3 step 7; OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await stopByIdTagThenUnplug(cp, sut, step, { first: 9, connectorId, idTag, transactionId });
});
