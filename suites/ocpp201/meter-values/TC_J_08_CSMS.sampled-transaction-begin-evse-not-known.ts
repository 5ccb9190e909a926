import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, stateAuthorized, stateEnergyTransferStarted, stateEvConnectedPreSession, teardownDeviation } from '../transactions/csms-transaction-states.js';

export default defineCase({
  id: 'TC_J_08_CSMS',
  title: 'Sampled Meter Values - Context Transaction.Begin - EVSE not known',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'J02 Sending transaction related Meter Values', requirements: ['J02.FR.19'] },
  purpose: 'The CSMS answers a transaction that started on authorization without an EVSE and learns the EVSE from the later plug-in event, which carries the Transaction.Begin meter value.',
  refs: ['OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_08_CSMS (reusable states Authorized, EVConnectedPreSession with a Transaction.Begin reading, EnergyTransferStarted); ours: the teardown that ends the transaction.',
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateAuthorized(t, tx, 1);
    await stateEvConnectedPreSession(t, tx, 2, { beginMeterValue: true });
    await stateEnergyTransferStarted(t, tx, 3);
  }, { teardownStep: 4 });
});
