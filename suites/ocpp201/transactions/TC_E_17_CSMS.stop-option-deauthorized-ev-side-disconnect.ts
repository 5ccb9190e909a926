import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, sendTransactionEvent, stateEnergyTransferSuspended, teardownDeviation } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_17_CSMS',
  title: 'Stop transaction options - Deauthorized - EV side disconnect',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E06 Stop Transaction options', requirements: ['E06.FR.04'] },
  purpose: 'The CSMS handles a suspended transaction that ends because the EV side was disconnected: TransactionEvent Ended (EVCommunicationLost, Idle, EVDisconnected).',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.04', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_17_CSMS (Before: reusable state EnergyTransferSuspended as step 0); ours: the teardown that frees the connector.',
  deviations: [teardownDeviation('the harness station reports its connector Available again and the CSMS must answer')],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEnergyTransferSuspended(t, tx, 0);
    await t.step(1, 'TransactionEvent Ended (EVCommunicationLost, Idle, EVDisconnected); the CSMS answers (steps 1-2)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Ended', triggerReason: 'EVCommunicationLost', chargingState: 'Idle', stoppedReason: 'EVDisconnected' }, {
        requirement: 'Part 6 TC_E_17_CSMS step 2; OCPP 2.0.1 J02.FR.19: the CSMS responds with a TransactionEventResponse',
      }));
  }, { teardownStep: 3 });
});
