import { defineCase } from '../../../harness/dsl/define-case.js';
import { restoreKeys } from './cs-steps.js';
import { evSideDisconnectSetUp } from './cs-variants.js';

export default defineCase({
  id: 'TC_005_3_CS',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = false - UnlockConnectorOnEVSideDisconnect = false',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 10, follows: '2024-04' },
  purpose: 'With StopTransactionOnEVSideDisconnect false, disconnecting the cable at the EV during a transaction does not stop it: the connector goes SuspendedEV (or SuspendedEVSE); a RemoteStopTransaction then stops it with reason Remote, and the connector goes Finishing, then Available.',
  refs: [
    'OCPP 1.6 §4.10 StopTransaction (StopTransactionOnEVSideDisconnect false has priority over UnlockConnectorOnEVSideDisconnect)',
    'OCPP 1.6 §9.1.23 StopTransactionOnEVSideDisconnect',
    'OCPP 1.6 §9.1.33 UnlockConnectorOnEVSideDisconnect (errata 3.84, 3.85)',
    'OCPP 1.6 §9.1.20 MinimumStatusDuration (optional)',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C4, D6, F1)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §5.12 RemoteStopTransaction, §7.36 Reason (Remote)',
  ],
  provenance: 'OCTT steps 1–18 as publicly summarised (Heartbeat/booted → MinimumStatusDuration 0, StopTransactionOnEVSideDisconnect false, UnlockConnectorOnEVSideDisconnect false, each set only when it differs → GetConfiguration AuthorizeRemoteTxRequests → RemoteStartTransaction Accepted → Authorize when AuthorizeRemoteTxRequests is true → Preparing → StartTransaction with the same idTag → Charging → SuspendedEVSE or SuspendedEV → RemoteStopTransaction Accepted → StopTransaction reason Remote and Finishing, in either order → Available). Ours: step 1 uses the reusable state Booted; the cable is plugged in after Preparing (step 12) and disconnected at the EV side (step 14) through SUT control, and no StopTransaction may come before the suspended status; the summary wants the idTag of the start in the StopTransaction, but §6.49 makes idTag optional and names the idTag that requested the stop, which a remote stop does not have, so it is not required; step 19 restores the keys.',
  actions: ['plugIn', 'unplug'],
}, async (t) => {
  const { sut, step } = t;
  const { cp, connectorId, transactionId, changes } = await evSideDisconnectSetUp(t, 'false', 'false');

  await step(14, 'Disconnect the cable at the EV; the transaction goes on: the charge point reports SuspendedEV or SuspendedEVSE', async () => {
    const from = cp.mark('disconnecting the cable at the EV');
    await sut.do('unplug', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from,
      match: { status: { oneOf: ['SuspendedEV', 'SuspendedEVSE'] } },
      forbid: { actions: ['StopTransaction'], why: 'with StopTransactionOnEVSideDisconnect false the transaction SHALL NOT be stopped when the cable is disconnected from the EV (§4.10)' },
      requirement: 'OCPP 1.6 §4.10, §9.1.23: with StopTransactionOnEVSideDisconnect false the transaction SHALL not be stopped when the cable is disconnected from the EV; §4.9 (C4/C5): no energy flows, the connector is suspended',
    });
  });

  const stopping = await step(15, 'Send RemoteStopTransaction for the transaction; the charge point accepts it', async () => {
    const res = await cp.call('RemoteStopTransaction', { transactionId }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.12: the transaction is still ongoing, so RemoteStopTransaction for it is Accepted',
    });
    return res.call.seq;
  });

  await step(16, 'The charge point sends StopTransaction for the transaction with reason Remote', () =>
    cp.expectCall('StopTransaction', {
      after: stopping,
      match: { transactionId, reason: 'Remote' },
      requirement: 'OCPP 1.6 §5.12: the transaction SHALL be stopped and StopTransaction.req sent; §6.49, §7.36: a remote stop has reason Remote',
    }));

  await step(17, 'The charge point reports Finishing', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: 'Finishing' },
      requirement: 'OCPP 1.6 §4.9 (D6/E6): the transaction stopped: Finishing',
    }));

  await step(18, 'The charge point reports Available', () =>
    cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: 'Available' },
      requirement: 'OCPP 1.6 §4.9 (F1): the cable is no longer connected to the EV and the transaction is over: Available',
    }));

  await step(19, 'Restore the configuration keys changed in steps 2–7', () => restoreKeys(cp, changes));
});
