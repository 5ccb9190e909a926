import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, sendTransactionEvent, stateEnergyTransferStarted, teardownDeviation } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_22_CSMS',
  title: 'Stop transaction options - EnergyTransfer stopped - SuspendedEV',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E06 Stop Transaction options', requirements: ['E06.FR.07'] },
  purpose: 'The CSMS handles a transaction whose stop point is EnergyTransfer and that ends because the EV stops taking energy: TransactionEvent Ended (ChargingStateChanged, SuspendedEV, StoppedByEV).',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.07', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_22_CSMS (Before: reusable state EnergyTransferStarted as step 0); ours: the teardown that frees the connector.',
  deviations: [teardownDeviation('the harness station reports its connector Available again and the CSMS must answer')],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEnergyTransferStarted(t, tx, 0);
    await t.step(1, 'TransactionEvent Ended (ChargingStateChanged, SuspendedEV, StoppedByEV); the CSMS answers (steps 1-2)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Ended', triggerReason: 'ChargingStateChanged', chargingState: 'SuspendedEV', stoppedReason: 'StoppedByEV' }, {
        requirement: 'Part 6 TC_E_22_CSMS step 2; OCPP 2.0.1 J02.FR.19: the CSMS responds with a TransactionEventResponse',
      }));
  }, { teardownStep: 3 });
});
