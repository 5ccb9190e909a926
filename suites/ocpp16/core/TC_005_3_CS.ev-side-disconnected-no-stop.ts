import { defineCase } from '../../../harness/dsl/define-case.js';
import { restoreKeys } from './cs-steps.js';
import { evSideCleanUp, evSideDisconnectSetUp } from './cs-variants.js';

export default defineCase({
  id: 'TC_005_3_CS',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = false - UnlockConnectorOnEVSideDisconnect = false',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 10, follows: '2024-04' },
  purpose: 'With StopTransactionOnEVSideDisconnect and UnlockConnectorOnEVSideDisconnect false, unplugging the cable at the EV does not stop the transaction: the connector reports SuspendedEV or SuspendedEVSE with info "EV side disconnected"; a RemoteStopTransaction then stops it with reason Remote and the connector goes Finishing (or Available).',
  refs: [
    'OCPP 1.6 §4.10 StopTransaction (StopTransactionOnEVSideDisconnect false has priority over UnlockConnectorOnEVSideDisconnect)',
    'OCPP 1.6 §9.1.23 StopTransactionOnEVSideDisconnect',
    'OCPP 1.6 §9.1.33 UnlockConnectorOnEVSideDisconnect (errata 3.84, 3.85)',
    'OCPP 1.6 §9.1.20 MinimumStatusDuration (optional)',
    'OCPP 1.6 §4.9 StatusNotification (A2, B3, C4, D6, F1)',
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §5.12 RemoteStopTransaction, §7.36 Reason (Remote)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 10; ours: the Before state and the reusable state Charging reached with a remote start (steps 11–23), the EV-side unplug through SUT control (unplugEvSide), no StopTransaction before the suspended status (§4.10), and the clean-up (cable out of the charge point → Available, keys restored: steps 24–25).',
  deviations: [{
    what: 'No StopTransaction between the EV-side unplug and the suspended status (MUST, not a tool validation of the table)',
    why: 'The table only validates the status; the spec forbids the stop',
    source: 'OCPP 1.6 §4.10, §9.1.23: with StopTransactionOnEVSideDisconnect false the transaction SHALL NOT be stopped when the cable is disconnected from the EV',
  }],
  actions: ['plugIn', 'unplugEvSide', 'unplug'],
}, async (t) => {
  const { sut, step } = t;
  const { cp, connectorId, transactionId, changes } = await evSideDisconnectSetUp(t, 'false', 'false');

  await step(1, 'Unplug the cable at the EV side; the transaction goes on: SuspendedEV or SuspendedEVSE, info "EV side disconnected" (step 2)', async () => {
    const from = cp.mark('unplugging the cable at the EV side');
    await sut.do('unplugEvSide', { connectorId });
    await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: from,
      match: { status: { oneOf: ['SuspendedEV', 'SuspendedEVSE'] }, info: 'EV side disconnected' },
      forbid: { actions: ['StopTransaction'], why: 'with StopTransactionOnEVSideDisconnect false the transaction SHALL NOT be stopped when the cable is disconnected from the EV (§4.10)' },
      requirement: 'OCPP 1.6 §4.10, §9.1.23: with StopTransactionOnEVSideDisconnect false the transaction SHALL not be stopped when the cable is disconnected from the EV; §4.9 (C4/C5): suspended; Table 10 step 1: info "EV side disconnected"',
    });
  });

  const stopping = await step(3, 'Send RemoteStopTransaction for the transaction; the charge point accepts it (step 4)', async () => {
    const res = await cp.call('RemoteStopTransaction', { transactionId }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.12: the transaction is still ongoing, so RemoteStopTransaction for it is Accepted',
    });
    return res.call.seq;
  });

  // §1.2 / Table 10: steps 5 and 7 may be reversed.
  const status = await step(5, 'The charge point reports Finishing, or Available with a fixed cable (step 6)', async () => {
    const sn = await cp.expectCall('StatusNotification', {
      where: { connectorId }, after: stopping,
      match: { status: { oneOf: ['Finishing', 'Available'] } },
      requirement: 'OCPP 1.6 §4.9: the transaction stopped: Finishing (D6/E6), or Available with a fixed cable (Table 10 step 5)',
    });
    return String(sn.frame.payload.status);
  });

  await step(7, 'The charge point sends StopTransaction for the transaction with reason Remote (step 8)', () =>
    cp.expectCall('StopTransaction', {
      after: stopping,
      match: { transactionId, reason: 'Remote' },
      requirement: 'OCPP 1.6 §5.12: the transaction SHALL be stopped and StopTransaction.req sent; §6.49, §7.36: a remote stop has reason Remote',
    }));

  await evSideCleanUp(t, cp, connectorId, status, 24);
  await step(25, 'Restore the configuration keys (ours)', () => restoreKeys(cp, changes));
});
