import { defineCase } from '../../../harness/dsl/define-case.js';
import { cleanUpUnplug, reusableCharging } from './cs-table-states.js';

export default defineCase({
  id: 'TC_012_CS',
  title: 'Remote Stop Charging Session',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 16, follows: '2024-04' },
  purpose: 'A RemoteStopTransaction for the ongoing transaction is accepted, and the charge point stops it with a StopTransaction for that transaction whose reason is Remote, then reports Finishing.',
  refs: [
    'OCPP 1.6 §5.12 RemoteStopTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §6.49 StopTransaction.req (reason)',
    'OCPP 1.6 §7.36 Reason (Remote)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 16; ours: the reusable state Charging (Table 105) with the plug-in through SUT control, and step 7 (unplug → Available; not OCTT-checked). The StopTransaction need not carry an idTag (§6.49: optional; a remote stop has none that requested it).',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await csms.booted();

  const { transactionId } = await step(0, `Before: reusable state Charging on connector ${connectorId}`, () => reusableCharging(cp, sut, connectorId, idTag));

  const stopping = await step(1, 'Send RemoteStopTransaction for the transaction; the charge point accepts it (step 2)', async () => {
    const res = await cp.call('RemoteStopTransaction', { transactionId }, {
      expect: { status: 'Accepted' },
      requirement: 'OCTT Table 16 step 2; OCPP 1.6 §5.12: the charge point SHALL answer RemoteStopTransaction; a transaction with that id is ongoing and will be stopped: Accepted',
    });
    return res.call.seq;
  });

  // Steps 3 and 5 may come in either order (Table 16, §1.2): both are looked for from the request on.
  await step(3, 'The charge point sends StopTransaction for the transaction with reason Remote (steps 3–4)', () =>
    cp.expectCall('StopTransaction', {
      after: stopping,
      match: { transactionId, reason: 'Remote' },
      requirement: 'OCTT Table 16 step 3; OCPP 1.6 §5.12: the transaction SHALL be stopped and StopTransaction.req sent; §6.49, §7.36: reason may be omitted only when it is Local — a remote stop is Remote',
    }));

  await step(5, 'The charge point reports Finishing (steps 5–6)', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: 'Finishing' },
      requirement: 'OCTT Table 16 step 5; OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    }));

  await step(7, 'Unplug the cable; the charge point reports Available (ours)', () => cleanUpUnplug(cp, sut, connectorId));
});
