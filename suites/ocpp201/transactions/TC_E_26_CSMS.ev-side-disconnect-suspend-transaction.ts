import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, reportConnector, sendTransactionEvent, stateEnergyTransferSuspended, teardownDeviation } from './csms-transaction-states.js';

const TE = 'OCPP 2.0.1 J02.FR.19: the CSMS responds with a TransactionEventResponse';

export default defineCase({
  id: 'TC_E_26_CSMS',
  title: 'Disconnect cable on EV-side - Suspend transaction',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E10 When cable disconnected on EV-side: Suspend Transaction', requirements: ['E10.FR.01'] },
  purpose: 'The CSMS handles a transaction that is suspended, not ended, when the cable is pulled at the EV side: Idle, connector Available, the cable plugged in again and charging resumed, all within the same transaction.',
  refs: ['OCPP 2.0.1 Part 2 E10.FR.01', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_26_CSMS (Before: reusable state EnergyTransferSuspended as step 0); ours: the teardown that ends the transaction.',
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEnergyTransferSuspended(t, tx, 0);
    await t.step(1, 'TransactionEvent Updated (EVCommunicationLost, Idle); the CSMS answers (steps 1-2)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Updated', triggerReason: 'EVCommunicationLost', chargingState: 'Idle' }, { requirement: `Part 6 TC_E_26_CSMS step 2; ${TE}` }));
    await t.step(3, 'Connector Available: StatusNotification and NotifyEvent; the CSMS answers (steps 3-4)', () =>
      reportConnector(t.link, tx, 'Available', { requirement: 'Part 6 TC_E_26_CSMS step 4' }));
    await t.step(5, 'TransactionEvent Updated (CablePluggedIn, EVConnected); the CSMS answers (steps 5-6)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Updated', triggerReason: 'CablePluggedIn', chargingState: 'EVConnected' }, { requirement: `Part 6 TC_E_26_CSMS step 6; ${TE}` }));
    await t.step(7, 'TransactionEvent Updated (ChargingStateChanged, Charging); the CSMS answers (steps 7-8)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Updated', triggerReason: 'ChargingStateChanged', chargingState: 'Charging' }, { requirement: `Part 6 TC_E_26_CSMS step 8; ${TE}` }));
  }, { teardownStep: 9 });
});
