import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, sendTransactionEvent, stateEnergyTransferStarted, teardownDeviation } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_15_CSMS',
  title: 'Stop transaction options - StopAuthorized - Local',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E06 Stop Transaction options', requirements: ['E06.FR.03'] },
  purpose: 'The CSMS handles a transaction that ends when the driver stops it locally: TransactionEvent Ended with triggerReason StopAuthorized and stoppedReason Local.',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.03', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_15_CSMS (Before: reusable state EnergyTransferStarted as step 0); ours: the Ended event carries the idToken that stops it (E07); the teardown that frees the connector.',
  deviations: [teardownDeviation('the harness station reports its connector Available again and the CSMS must answer')],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEnergyTransferStarted(t, tx, 0);
    await t.step(1, 'TransactionEvent Ended (StopAuthorized, Local); the CSMS answers (steps 1-2)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Ended', triggerReason: 'StopAuthorized', stoppedReason: 'Local', idToken: true }, {
        requirement: 'Part 6 TC_E_15_CSMS step 2; OCPP 2.0.1 J02.FR.19: the CSMS responds with a TransactionEventResponse',
      }));
  }, { teardownStep: 3 });
});
