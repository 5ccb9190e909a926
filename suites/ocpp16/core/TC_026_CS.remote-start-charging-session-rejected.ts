import { defineCase } from '../../../harness/dsl/define-case.js';
import { plugIn, unplug } from './cs-steps.js';
import { remoteStartCharging } from './cs-offline-steps.js';

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
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §5.12 RemoteStopTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT steps 1–8 as publicly summarised (booted → AuthorizeRemoteTxRequests read → RemoteStartTransaction Accepted → Authorize when AuthorizeRemoteTxRequests is true → Preparing → StartTransaction with the same idTag → Charging → a second RemoteStartTransaction while the transaction runs: Rejected). Ours: step 1 uses the reusable state Booted; the cable is plugged in first, which gives the Preparing of the summary; an Authorize.req is answered but not required, as the summary makes it depend on AuthorizeRemoteTxRequests (so the key is not read); steps 5–6 (RemoteStopTransaction, with no second StartTransaction meanwhile, Finishing, unplug → Available) leave the charge point as found.',
  actions: ['plugIn', 'unplug'],
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  await step(2, `Plug in the cable on connector ${connectorId}; the charge point reports Preparing`, () => plugIn(cp, sut, connectorId));

  const { transactionId } = await step(3, 'RemoteStartTransaction: Accepted; StartTransaction with its idTag; Charging', () =>
    remoteStartCharging(cp, connectorId, idTag));

  const again = await step(4, 'A second RemoteStartTransaction for the same connector while the transaction runs: Rejected', async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Rejected' },
      requirement: 'OCPP 1.6 §5.11 (errata 3.32): the status says whether the charge point will attempt to start a transaction; the connector is occupied by a transaction, so it cannot: Rejected',
    });
    return res.call.seq;
  });

  const stopping = await step(5, 'Clean-up: RemoteStopTransaction; StopTransaction for the transaction (no second StartTransaction meanwhile); Finishing', async () => {
    const res = await cp.call('RemoteStopTransaction', { transactionId }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.12: a RemoteStopTransaction for the ongoing transaction is Accepted',
    });
    await cp.expectCall('StopTransaction', {
      after: again,
      match: { transactionId },
      forbid: { actions: ['StartTransaction'], why: 'the second RemoteStartTransaction was Rejected: it starts nothing (§5.11)' },
      requirement: 'OCPP 1.6 §5.12, §4.10: the transaction is stopped and StopTransaction.req sent for it',
    });
    return res.call.seq;
  });

  await step(6, 'The charge point reports Finishing; unplug the cable, it reports Available', async () => {
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
    });
    await unplug(cp, sut, connectorId);
  });
});
