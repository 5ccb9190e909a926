import { defineCase } from '../../../harness/dsl/define-case.js';
import { restoreKeys } from './cs-steps.js';
import { evSideCleanUp, evSideDisconnectSetUp, evSideDisconnectStops } from './cs-variants.js';

export default defineCase({
  id: 'TC_005_1_CS',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = true',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 8, follows: '2024-04' },
  purpose: 'With StopTransactionOnEVSideDisconnect and UnlockConnectorOnEVSideDisconnect true, unplugging the cable at the EV during a transaction stops it with reason EVDisconnected, and the connector goes Finishing.',
  refs: [
    'OCPP 1.6 §4.10 StopTransaction (StopTransactionOnEVSideDisconnect, UnlockConnectorOnEVSideDisconnect)',
    'OCPP 1.6 §9.1.23 StopTransactionOnEVSideDisconnect',
    'OCPP 1.6 §9.1.33 UnlockConnectorOnEVSideDisconnect (errata 3.84, 3.85)',
    'OCPP 1.6 §9.1.20 MinimumStatusDuration (optional)',
    'OCPP 1.6 §7.36 Reason (EVDisconnected)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C6, F1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 8; ours: the Before state and the reusable state Charging reached with a remote start (steps 11–23), the EV-side unplug through SUT control (unplugEvSide), and the clean-up (cable out of the charge point → Available, keys restored: steps 24–25).',
  actions: ['plugIn', 'unplugEvSide', 'unplug'],
  declarations: { fixedCable: false },
}, async (t) => {
  const { step } = t;
  const tx = await evSideDisconnectSetUp(t, 'true', 'true');
  const { cp, connectorId, changes } = tx;
  const status = await evSideDisconnectStops(t, tx, ['Finishing'],
    'OCPP 1.6 §4.9 (C6): the transaction stopped: Finishing (Table 8 step 3)');
  await evSideCleanUp(t, cp, connectorId, status, 24);
  await step(25, 'Restore the configuration keys (ours)', () => restoreKeys(cp, changes));
});
