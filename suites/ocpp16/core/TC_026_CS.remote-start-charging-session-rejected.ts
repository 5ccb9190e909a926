import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeKey, cleanUpUnplug, restoreBefore, reusableCharging } from './cs-table-states.js';

export default defineCase({
  id: 'TC_026_CS',
  title: 'Remote Start Charging Session - Rejected',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 31, follows: '2024-04' },
  purpose: 'A RemoteStartTransaction for a connector that already has a transaction is Rejected and starts nothing.',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §7.39 RemoteStartStopStatus',
    'OCPP 1.6 §9.1.13 LocalPreAuthorize',
    'OCPP 1.6 §5.12 RemoteStopTransaction',
    'OCPP 1.6 §4.9 StatusNotification (C6, F1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 31; ours: steps 3–5 (RemoteStopTransaction with no second StartTransaction meanwhile, Finishing, unplug → Available, LocalPreAuthorize restored) leave the charge point as found.',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step, notApplicable }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await csms.booted();

  const change = await step(0, 'Before: LocalPreAuthorize = false', () => beforeKey({ notApplicable }, cp, 'LocalPreAuthorize', 'false'));

  const { transactionId } = await step(0, 'Before: reusable state Charging', () => reusableCharging(cp, sut, connectorId, idTag));

  const again = await step(1, 'A second RemoteStartTransaction for the same connector while the transaction runs: Rejected (steps 1–2)', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Rejected' },
      requirement: 'OCTT Table 31 step 2; OCPP 1.6 §5.11 (errata 3.32): the status says whether the charge point will attempt to start a transaction; the connector is occupied by a transaction, so it cannot: Rejected',
    });
    return res.call.seq;
  });

  await step(3, 'Clean-up: RemoteStopTransaction; StopTransaction for the transaction (no second StartTransaction meanwhile); Finishing', async () => {
    const res = await cp.call('RemoteStopTransaction', { transactionId }, {
      expect: { status: 'Accepted' }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.12: a RemoteStopTransaction for the ongoing transaction is Accepted',
    });
    await cp.expectCall('StopTransaction', {
      after: again, match: { transactionId }, octt: 'not-checked',
      forbid: { actions: ['StartTransaction'], why: 'the second RemoteStartTransaction was Rejected: it starts nothing (§5.11)' },
      requirement: 'OCPP 1.6 §5.12, §4.10: the transaction is stopped and StopTransaction.req sent for it',
    });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: res.call.seq, match: { status: 'Finishing' }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    });
  });

  await step(4, 'Unplug the cable; the charge point reports Available', () => cleanUpUnplug(cp, sut, connectorId));

  await step(5, 'Restore LocalPreAuthorize', () => restoreBefore(cp, [change]));
});
