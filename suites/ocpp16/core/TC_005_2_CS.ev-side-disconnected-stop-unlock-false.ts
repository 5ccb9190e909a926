import { defineCase } from '../../../harness/dsl/define-case.js';
import { restoreKeys } from './cs-steps.js';
import { evSideCleanUp, evSideDisconnectSetUp, evSideDisconnectStops } from './cs-variants.js';

export default defineCase({
  id: 'TC_005_2_CS',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = false',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 9, follows: '2024-04' },
  purpose: 'With StopTransactionOnEVSideDisconnect true and UnlockConnectorOnEVSideDisconnect false, unplugging the cable at the EV during a transaction stops it with reason EVDisconnected; the connector goes Finishing or Available, and UnlockConnector is answered Unlocked or NotSupported.',
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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 9; ours: the Before state and the reusable state Charging reached with a remote start (steps 11–23), the EV-side unplug through SUT control (unplugEvSide), and the clean-up (cable out of the charge point → Available, keys restored: steps 24–25).',
  actions: ['plugIn', 'unplugEvSide', 'unplug'],
}, async (t) => {
  const { step } = t;
  const tx = await evSideDisconnectSetUp(t, 'true', 'false');
  const { cp, connectorId, changes } = tx;
  // Table 9 step 3: Finishing OR Available.
  const status = await evSideDisconnectStops(t, tx, ['Finishing', 'Available'],
    'OCPP 1.6 §4.9: the transaction stopped: Finishing (C6), or Available when the charge point sees no cable in use (Table 9 step 3)');

  await step(5, `Send UnlockConnector for connector ${connectorId}; the charge point answers Unlocked or NotSupported (step 6)`, () =>
    cp.call('UnlockConnector', { connectorId }, {
      expect: { status: { oneOf: ['Unlocked', 'NotSupported'] } },
      requirement: 'OCPP 1.6 §5.18: the charge point SHALL answer whether it could unlock the connector; §7.46 (errata 3.87): Unlocked, or NotSupported when it has no connector lock',
    }));

  await evSideCleanUp(t, cp, connectorId, status, 24);
  await step(25, 'Restore the configuration keys (ours)', () => restoreKeys(cp, changes));
});
