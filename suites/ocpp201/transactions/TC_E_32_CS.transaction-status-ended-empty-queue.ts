import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEvDisconnected, parkingBayUnoccupied, withTxSession } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_32_CS',
  title: 'Check Transaction status - Transaction with id ended - without message in queue',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E14 Check transaction status', requirements: ['E14.FR.03', 'E14.FR.05'] },
  purpose: 'GetTransactionStatus for a transaction that ended, with nothing queued, is answered ongoingIndicator false, messagesInQueue false.',
  refs: ['OCPP 2.0.1 Part 2 E14.FR.03', 'OCPP 2.0.1 Part 2 E14.FR.05'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_32_CS; ours: authorization at the station (the OCTT default).',
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 3 }, async (s) => {
    await beforeEvDisconnected(s, 'local');
    await t.step(0, 'Before: reusable state ParkingBayUnoccupied', () => parkingBayUnoccupied(s));
    await t.step(1, 'GetTransactionStatus for the ended transaction: ongoingIndicator false, messagesInQueue false (steps 1–2)', () =>
      s.cp.call('GetTransactionStatus', { transactionId: s.transactionId ?? '' }, {
        expect: { ongoingIndicator: false, messagesInQueue: false },
        requirement: 'OCPP 2.0.1 Part 6 TC_E_32_CS step 2; E14.FR.03 (ended), E14.FR.05 (nothing queued for it)',
      }));
  });
});
