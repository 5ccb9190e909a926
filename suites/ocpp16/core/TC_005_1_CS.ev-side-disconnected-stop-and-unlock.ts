import { defineCase } from '../../../harness/dsl/define-case.js';
import { isTrue, readKey, restoreKeys, setKey } from './cs-steps.js';

export default defineCase({
  id: 'TC_005_1_CS',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = true (unlock true)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'With StopTransactionOnEVSideDisconnect and UnlockConnectorOnEVSideDisconnect true, disconnecting the cable at the EV during a transaction stops it with reason EVDisconnected, and the connector goes Finishing, then Available.',
  refs: [
    'OCPP 1.6 §4.10 StopTransaction (StopTransactionOnEVSideDisconnect, UnlockConnectorOnEVSideDisconnect)',
    'OCPP 1.6 §9.1.23 StopTransactionOnEVSideDisconnect',
    'OCPP 1.6 §9.1.33 UnlockConnectorOnEVSideDisconnect (errata 3.84, 3.85)',
    'OCPP 1.6 §9.1.20 MinimumStatusDuration (optional)',
    'OCPP 1.6 §7.36 Reason (EVDisconnected)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT steps 1–16 as publicly summarised (Heartbeat/booted → MinimumStatusDuration 0, StopTransactionOnEVSideDisconnect true, UnlockConnectorOnEVSideDisconnect true, each set only when it differs → GetConfiguration AuthorizeRemoteTxRequests → RemoteStartTransaction Accepted → Authorize when AuthorizeRemoteTxRequests is true → Preparing → StartTransaction with the same idTag → Charging → StopTransaction reason EVDisconnected → Finishing → Available). Ours: step 1 uses the reusable state Booted; the cable is plugged in after Preparing (step 12) and disconnected at the EV side (step 14) through SUT control; the summary wants the idTag of the start in the StopTransaction, but §6.49 makes idTag optional and names the idTag that requested the stop, which a disconnected EV does not present, so it is only checked when present; step 17 restores the keys. A fixed-cable charge point reports UnlockConnectorOnEVSideDisconnect false and may not change it (errata 3.85), so this variant needs a detachable cable.',
  actions: ['plugIn', 'unplug'],
  declarations: { fixedCable: false },
}, async ({ csms, sut, cfg, step }) => {
  const connectorId = cfg.connectorIds[0]!;
  const idTag = cfg.idTags.accepted;
  const cp = await step(1, 'The charge point is connected, its boot accepted and its connectors reported', () => csms.booted());

  const changes = [
    await step(2, 'MinimumStatusDuration = 0 when the charge point has it (GetConfiguration; ChangeConfiguration when it differs) (steps 2–3)', () =>
      setKey(cp, 'MinimumStatusDuration', '0', { optional: true })),
    await step(4, 'StopTransactionOnEVSideDisconnect = true (steps 4–5)', () =>
      setKey(cp, 'StopTransactionOnEVSideDisconnect', 'true')),
    await step(6, 'UnlockConnectorOnEVSideDisconnect = true (steps 6–7)', () =>
      setKey(cp, 'UnlockConnectorOnEVSideDisconnect', 'true')),
  ];
  const authorizeRemote = await step(8, 'GetConfiguration AuthorizeRemoteTxRequests', async () =>
    isTrue(await readKey(cp, 'AuthorizeRemoteTxRequests')));

  const requested = await step(9, `Send RemoteStartTransaction for connector ${connectorId} and the valid idTag; the charge point accepts it`, async () => {
    const res = await cp.call('RemoteStartTransaction', { connectorId, idTag }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.11: a free connector and a valid idTag: RemoteStartTransaction Accepted',
    });
    return res.call.seq;
  });

  if (authorizeRemote) {
    await step(10, 'AuthorizeRemoteTxRequests is true: the charge point sends Authorize for the idTag (the harness accepts it)', () =>
      cp.expectCall('Authorize', {
        after: requested,
        match: { idTag },
        requirement: 'OCPP 1.6 §5.11, §9.1.3 AuthorizeRemoteTxRequests: with true, the charge point authorises the idTag of a remote start (Authorize.req) before starting',
      }));
  }

  await step(11, 'The charge point reports Preparing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: requested,
      match: { status: 'Preparing' },
      requirement: 'OCPP 1.6 §4.9 (A2): a remote start waiting for the cable makes the connector Preparing',
    }));

  const plugged = cp.mark('plugging in');
  const transactionId = await step(12, 'Plug in the cable; the charge point sends StartTransaction with the idTag of the request', async () => {
    await sut.do('plugIn', { connectorId });
    const start = await cp.expectCall('StartTransaction', {
      after: requested,
      match: { idTag, connectorId },
      requirement: 'OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
    });
    return (await cp.answerOf(start)).transactionId as number;
  });

  await step(13, 'The charge point reports Charging', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: plugged,
      match: { status: 'Charging' },
      requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
    }));

  const disconnected = await step(14, 'Disconnect the cable at the EV; the charge point stops the transaction with reason EVDisconnected', async () => {
    const from = cp.mark('disconnecting the cable at the EV');
    await sut.do('unplug', { connectorId });
    await cp.expectCall('StopTransaction', {
      after: from,
      match: { transactionId, reason: 'EVDisconnected', idTag: { oneOf: [idTag], optional: true } },
      requirement: 'OCPP 1.6 §4.10, §9.1.23: with StopTransactionOnEVSideDisconnect true the transaction SHALL be stopped when the cable is disconnected from the EV; §7.36: reason EVDisconnected',
    });
    return from;
  });

  await step(15, 'The charge point reports Finishing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: disconnected,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped: Finishing',
    }));

  await step(16, 'The charge point reports Available', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: disconnected,
      match: { status: 'Available' },
      requirement: 'OCPP 1.6 §4.10, §9.1.33: with UnlockConnectorOnEVSideDisconnect true the connector is unlocked and the cable gone; §4.9 (F1): Available',
    }));

  await step(17, 'Restore the configuration keys changed in steps 2–7', () => restoreKeys(cp, changes));
});
