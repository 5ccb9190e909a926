import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_E_34_CS',
  title: 'Check Transaction status - Without transactionId - without message in queue',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E14 Check transaction status', requirements: ['E14.FR.06', 'E14.FR.08'] },
  purpose: 'GetTransactionStatus without a transactionId, with nothing queued, is answered without ongoingIndicator and with messagesInQueue false.',
  refs: ['OCPP 2.0.1 Part 2 E14.FR.06', 'OCPP 2.0.1 Part 2 E14.FR.08'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_34_CS.',
}, async ({ csms, step }) => {
  const cp = await csms.booted();
  await step(1, 'GetTransactionStatus without transactionId: ongoingIndicator omitted, messagesInQueue false (steps 1–2)', () =>
    cp.call('GetTransactionStatus', {}, {
      expect: { ongoingIndicator: { present: false }, messagesInQueue: false },
      requirement: 'OCPP 2.0.1 Part 6 TC_E_34_CS step 2; E14.FR.06 (no ongoingIndicator without a transactionId), E14.FR.08 (nothing queued)',
    }));
});
