import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, stateAuthorized, stateEnergyTransferStarted, teardownDeviation } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_04_CSMS',
  title: 'Local start transaction - Authorization first - Success',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E03 Start Transaction - IdToken First', requirements: ['E03.FR.02'] },
  purpose: 'The CSMS handles a transaction that starts when the driver is authorized, before the cable is plugged in: it accepts the valid idToken in Authorize and in the TransactionEvent, and answers every event up to charging.',
  refs: ['OCPP 2.0.1 Part 2 E03.FR.02', 'OCPP 2.0.1 Part 2 E01.FR.11, E01.FR.12', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_04_CSMS (reusable states Authorized, EnergyTransferStarted); ours: the teardown that ends the transaction.',
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateAuthorized(t, tx, 1);
    await stateEnergyTransferStarted(t, tx, 2);
  }, { teardownStep: 3 });
});
