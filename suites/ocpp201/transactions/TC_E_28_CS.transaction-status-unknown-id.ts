import { randomUUID } from 'node:crypto';
import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_E_28_CS',
  title: 'Check Transaction status - TransactionId unknown',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E14 Check transaction status', requirements: ['E14.FR.01'] },
  purpose: 'GetTransactionStatus for a transactionId the station never used is answered ongoingIndicator false, messagesInQueue false.',
  refs: ['OCPP 2.0.1 Part 2 E14.FR.01'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_28_CS; ours: the random transactionId is a UUID.',
}, async ({ csms, step }) => {
  const cp = await csms.booted();
  await step(1, 'GetTransactionStatus for a random transactionId: ongoingIndicator false, messagesInQueue false (steps 1–2)', () =>
    cp.call('GetTransactionStatus', { transactionId: randomUUID() }, {
      expect: { ongoingIndicator: false, messagesInQueue: false },
      requirement: 'OCPP 2.0.1 Part 6 TC_E_28_CS step 2; E14.FR.01 (an unknown transaction: not ongoing, nothing queued)',
    }));
});
