import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, stateEvConnectedPreSession, teardownDeviation } from '../transactions/csms-transaction-states.js';

export default defineCase({
  id: 'TC_J_07_CSMS',
  title: 'Sampled Meter Values - EventType Started - EVSE known',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'J02 Sending transaction related Meter Values', requirements: ['J02.FR.19'] },
  purpose: 'The CSMS answers a Started TransactionEvent (cable plugged in, EVSE known) that carries a Transaction.Begin meter value.',
  refs: ['OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_07_CSMS (reusable state EVConnectedPreSession, its TransactionEvent with a Transaction.Begin reading); ours: the teardown that ends the transaction.',
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, (tx) => stateEvConnectedPreSession(t, tx, 1, { beginMeterValue: true }), { teardownStep: 2 });
});
