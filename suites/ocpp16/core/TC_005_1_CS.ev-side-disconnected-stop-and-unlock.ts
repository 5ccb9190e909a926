import { defineCase } from '../../../harness/dsl/define-case.js';
import { restoreKeys } from './cs-steps.js';
import { evSideDisconnectSetUp, evSideDisconnectStops } from './cs-variants.js';

export default defineCase({
  id: 'TC_005_1_CS',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = true',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 8, follows: '2024-04' },
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
}, async (t) => {
  const { step } = t;
  const tx = await evSideDisconnectSetUp(t, 'true', 'true');
  const { cp, changes } = tx;

  await evSideDisconnectStops(t, tx,
    'OCPP 1.6 §4.10, §9.1.33: with UnlockConnectorOnEVSideDisconnect true the connector is unlocked and the cable gone; §4.9 (F1): Available');

  await step(17, 'Restore the configuration keys changed in steps 2–7', () => restoreKeys(cp, changes));
});
