import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, stateEnergyTransferStarted, teardownDeviation, transactionStatusRequested } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_30_CSMS',
  title: 'Check Transaction status - Transaction with id ongoing - without message in queue',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E14 Check transaction status', requirements: ['E14.FR.02', 'E14.FR.05'] },
  purpose: 'The CSMS asks for the status of the ongoing transaction by its transactionId; the station answers it is ongoing with no messages queued.',
  refs: ['OCPP 2.0.1 Part 2 E14.FR.02', 'OCPP 2.0.1 Part 2 E14.FR.05'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_30_CSMS (Before: reusable state EnergyTransferStarted as step 0; the CSMS is asked through SUT control to send GetTransactionStatus with the transactionId); ours: the teardown that ends the transaction.',
  pics: { all: ['C-16'], text: 'C-16 Support for checking the TransactionStatus' },
  actions: ['GetTransactionStatus'],
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEnergyTransferStarted(t, tx, 0);
    await transactionStatusRequested(t, ctx.sut, 1, { table: 'TC_E_30_CSMS', transactionId: tx.transactionId, answer: { ongoingIndicator: true, messagesInQueue: false } });
  }, { teardownStep: 3 });
});
