import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_30_CS',
  title: 'Check Transaction status - Transaction with id ongoing - without message in queue',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E14 Check transaction status', requirements: ['E14.FR.02', 'E14.FR.05'] },
  purpose: 'GetTransactionStatus for the running transaction, with nothing queued, is answered ongoingIndicator true, messagesInQueue false.',
  refs: ['OCPP 2.0.1 Part 2 E14.FR.02', 'OCPP 2.0.1 Part 2 E14.FR.05'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_30_CS; ours: half a second between the last answer and the request, authorization at the station (the OCTT default), and the session ended after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 3 }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    await t.step(1, 'GetTransactionStatus for the transaction: ongoingIndicator true, messagesInQueue false (steps 1–2)', async () => {
      // A moment for the station to take in our last answer (an OCTT operator is never this quick).
      await t.sleep(500);
      return s.cp.call('GetTransactionStatus', { transactionId: s.transactionId ?? '' }, {
        expect: { ongoingIndicator: true, messagesInQueue: false },
        requirement: 'OCPP 2.0.1 Part 6 TC_E_30_CS step 2; E14.FR.02 (ongoing), E14.FR.05 (nothing queued for it)',
      });
    });
  });
});
