import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, dropAndReconnect, inTransaction, nextReading, sendTransactionEvent, stateEnergyTransferStarted, teardownDeviation, transactionStatusRequested } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_33_CSMS',
  title: 'Check Transaction status - Without transactionId - with message in queue',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E14 Check transaction status', requirements: ['E14.FR.06', 'E14.FR.07'] },
  purpose: 'After the station was offline, the CSMS asks whether any transaction messages are queued, without naming a transaction; told there are, it answers the queued offline TransactionEvent.',
  refs: ['OCPP 2.0.1 Part 2 E14.FR.06', 'OCPP 2.0.1 Part 2 E14.FR.07', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_33_CSMS (Before: reusable state EnergyTransferStarted as step 0; the CSMS is asked through SUT control to send GetTransactionStatus without a transactionId); ours: the teardown that ends the transaction.',
  pics: { all: ['C-16'], text: 'C-16 Support for checking the TransactionStatus' },
  actions: ['GetTransactionStatus'],
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEnergyTransferStarted(t, tx, 0);
    await dropAndReconnect(t, ctx.cp);
    await transactionStatusRequested(t, ctx.sut, 3, { table: 'TC_E_33_CSMS', answer: { messagesInQueue: true } });
    await t.step(5, 'The queued TransactionEvent Updated (offline, with a meter value); the CSMS answers (steps 5-6)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Updated', triggerReason: 'MeterValuePeriodic', offline: true, meterValue: [nextReading(tx, 'Sample.Periodic')] }, {
        requirement: 'Part 6 TC_E_33_CSMS step 6; OCPP 2.0.1 J02.FR.19: the CSMS responds with a TransactionEventResponse',
      }));
  }, { teardownStep: 7 });
});
