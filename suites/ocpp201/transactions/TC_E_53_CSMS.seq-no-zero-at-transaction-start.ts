import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, stateEnergyTransferStarted, stateEvDisconnected } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_53_CSMS',
  title: 'Reset Sequence Number - CSMS accepting seqNo = 0 at start of transaction',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E01 Start Transaction options', requirements: ['E01.FR.07'] },
  purpose: 'The CSMS accepts seqNo 0 at the start of every transaction: two transactions in a row, each starting its seqNo at 0, each Started event answered with a TransactionEventResponse.',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.07', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_53_CSMS (reusable states EnergyTransferStarted and EVDisconnected, twice); ours: nothing beyond the table.',
  deviations: [],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  for (const first of [1, 3]) {
    // The Started event of EnergyTransferStarted (via Authorized) goes out with seqNo 0 for each new transaction.
    await inTransaction(t, async (tx) => {
      await stateEnergyTransferStarted(t, tx, first);
      await stateEvDisconnected(t, tx, first + 1);
    });
  }
});
