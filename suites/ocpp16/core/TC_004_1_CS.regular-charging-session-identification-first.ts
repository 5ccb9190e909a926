import { defineCase } from '../../../harness/dsl/define-case.js';
import { reusableAuthorized, stopByIdTagThenUnplug } from './cs-steps.js';
import { beforeKey, restoreBefore } from './cs-table-states.js';

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
    'OCPP 1.6 §9.1.6 ConnectionTimeOut, §9.1.19 MeterValueSampleInterval',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 4; ours: the idTag and plug-in through SUT control, MeterValueSampleInterval set to config intervals.meterSampleS (the table\'s <Configured Meter Value interval>), and steps 7–10 after the table (the same idTag stops the transaction, Finishing, unplug → Available, the key restored) so that the charge point is left as found.',
  deviations: [{
    what: 'After the table: presenting the same idTag stops the transaction (StopTransaction for it, reason Local or none, with that idTag), Finishing, unplug → Available and no Authorize for that idTag (MUST, not OCTT-checked)',
    why: 'The table ends charging; the session is ended the regular way so that the next case finds the charger idle',
    source: 'OCPP 1.6 §4.10, §6.49 (idTag, reason), §4.9 (C6, F1); §3.4, §4.1: a Charge Point MUST NOT send an Authorize.req before stopping a transaction with the idTag that started it',
  }],
  actions: ['presentIdTag', 'plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await csms.booted();

  const change = await step(0, `Before: MeterValueSampleInterval = ${cfg.intervals.meterSampleS} s`, () =>
    beforeKey({ notApplicable }, cp, 'MeterValueSampleInterval', String(cfg.intervals.meterSampleS)));

  const { presented } = await step(1, `Reusable state Authorized: present the valid idTag at connector ${connectorId}; Authorize for it (the harness accepts it) and Preparing, in either order`, () =>
    reusableAuthorized(cp, sut, connectorId, idTag));

  const plugged = cp.mark('plugging in');
  // Steps 3 and 5 may come in either order (Table 4 note, §1.2): both are looked for from the plug-in on.
  const transactionId = await step(2, 'Plug in the cable; the charge point sends StartTransaction with the authorised idTag and the connector (step 3; the harness accepts it: step 4)', async () => {
    await sut.do('plugIn', { connectorId });
    const start = await cp.expectCall('StartTransaction', {
      after: presented,
      match: { idTag, connectorId },
      requirement: 'OCTT Table 4 step 3; OCPP 1.6 §4.8: the charge point SHALL send StartTransaction.req for the transaction it started, with the authorised idTag',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(5, 'The charge point reports Charging (steps 5–6)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: plugged,
      match: { status: 'Charging' },
      requirement: 'OCTT Table 4 step 5; OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  await stopByIdTagThenUnplug(cp, sut, step, { first: 7, connectorId, idTag, transactionId });

  await step(10, 'Restore MeterValueSampleInterval (ours)', () => restoreBefore(cp, [change]));
});
