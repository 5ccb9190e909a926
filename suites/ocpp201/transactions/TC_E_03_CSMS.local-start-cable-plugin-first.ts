import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, stateAuthorized, stateEnergyTransferStarted, stateEvConnectedPreSession, teardownDeviation } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_03_CSMS',
  title: 'Local start transaction - Cable plugin first - Success',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E02 Start Transaction - Cable Plugin First', requirements: ['E02.FR.02'] },
  purpose: 'The CSMS handles a transaction that starts when the cable is plugged in, before the driver is authorized: it answers the events, accepts the valid idToken in Authorize and in the TransactionEvent, up to charging.',
  refs: ['OCPP 2.0.1 Part 2 E02.FR.02', 'OCPP 2.0.1 Part 2 E01.FR.11, E01.FR.12', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_03_CSMS (Before: reusable state EVConnectedPreSession as step 0; reusable states Authorized, EnergyTransferStarted); ours: the teardown that ends the transaction.',
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEvConnectedPreSession(t, tx, 0, { label: 'Before: reusable state EVConnectedPreSession' });
    await stateAuthorized(t, tx, 1);
    await stateEnergyTransferStarted(t, tx, 2);
  }, { teardownStep: 3 });
});
