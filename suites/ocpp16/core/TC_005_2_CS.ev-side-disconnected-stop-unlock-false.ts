import { defineCase } from '../../../harness/dsl/define-case.js';
import { restoreKeys } from './cs-steps.js';
import { evSideDisconnectSetUp, evSideDisconnectStops } from './cs-variants.js';

export default defineCase({
  id: 'TC_005_2_CS',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = false',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 9, follows: '2024-04' },
  purpose: 'With StopTransactionOnEVSideDisconnect true and UnlockConnectorOnEVSideDisconnect false, disconnecting the cable at the EV during a transaction stops it with reason EVDisconnected, the connector goes Finishing, then Available, and an UnlockConnector afterwards is answered Unlocked (or NotSupported).',
  refs: [
    'OCPP 1.6 §4.10 StopTransaction (StopTransactionOnEVSideDisconnect, UnlockConnectorOnEVSideDisconnect)',
    'OCPP 1.6 §9.1.23 StopTransactionOnEVSideDisconnect',
    'OCPP 1.6 §9.1.33 UnlockConnectorOnEVSideDisconnect (errata 3.84, 3.85)',
    'OCPP 1.6 §9.1.20 MinimumStatusDuration (optional)',
    'OCPP 1.6 §7.36 Reason (EVDisconnected)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
    'OCPP 1.6 §5.18 UnlockConnector, §7.46 UnlockStatus (errata 3.87)',
  ],
  provenance: 'OCTT steps 1–17 as publicly summarised (Heartbeat/booted → MinimumStatusDuration 0, StopTransactionOnEVSideDisconnect true, UnlockConnectorOnEVSideDisconnect false, each set only when it differs → GetConfiguration AuthorizeRemoteTxRequests → RemoteStartTransaction Accepted → Authorize when AuthorizeRemoteTxRequests is true → Preparing → StartTransaction with the same idTag → Charging → StopTransaction reason EVDisconnected → Finishing → Available → UnlockConnector answered Unlocked or NotSupported). Ours: step 1 uses the reusable state Booted; the cable is plugged in after Preparing (step 12) and disconnected at the EV side (step 14) through SUT control; the summary wants the idTag of the start in the StopTransaction, but §6.49 makes idTag optional and names the idTag that requested the stop, which a disconnected EV does not present, so it is only checked when present; step 18 restores the keys.',
  actions: ['plugIn', 'unplug'],
}, async (t) => {
  const { step } = t;
  const tx = await evSideDisconnectSetUp(t, 'true', 'false');
  const { cp, connectorId, changes } = tx;

  await evSideDisconnectStops(t, tx,
    'OCPP 1.6 §4.9 (F1): the cable removed after the transaction: Available');

  await step(17, `Send UnlockConnector for connector ${connectorId}; the charge point answers Unlocked or NotSupported`, () =>
    cp.call('UnlockConnector', { connectorId }, {
      expect: { status: { oneOf: ['Unlocked', 'NotSupported'] } },
      requirement: 'OCPP 1.6 §5.18: the charge point SHALL answer whether it could unlock the connector; §7.46 (errata 3.87): Unlocked, or NotSupported when it has no connector lock — not UnlockFailed',
    }));

  await step(18, 'Restore the configuration keys changed in steps 2–7', () => restoreKeys(cp, changes));
});
