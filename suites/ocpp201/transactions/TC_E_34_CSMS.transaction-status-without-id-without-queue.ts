import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, transactionStatusRequested } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_34_CSMS',
  title: 'Check Transaction status - Without transactionId - without message in queue',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E14 Check transaction status', requirements: ['E14.FR.06', 'E14.FR.08'] },
  purpose: 'The CSMS asks whether any transaction messages are queued, without naming a transaction; the station answers there are none.',
  refs: ['OCPP 2.0.1 Part 2 E14.FR.06', 'OCPP 2.0.1 Part 2 E14.FR.08'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_34_CSMS (the CSMS is asked through SUT control to send GetTransactionStatus without a transactionId); ours: nothing beyond the table.',
  pics: { all: ['C-16'], text: 'C-16 Support for checking the TransactionStatus' },
  actions: ['GetTransactionStatus'],
  deviations: [],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await transactionStatusRequested(t, ctx.sut, 1, { table: 'TC_E_34_CSMS', answer: { messagesInQueue: false } });
});
