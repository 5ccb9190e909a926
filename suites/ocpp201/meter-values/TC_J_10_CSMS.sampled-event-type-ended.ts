import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, stateEnergyTransferStarted, stateEvDisconnected } from '../transactions/csms-transaction-states.js';
import { endedMeterValues } from './csms-meter-value-steps.js';

export default defineCase({
  id: 'TC_J_10_CSMS',
  title: 'Sampled Meter Values - EventType Ended',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'J02 Sending transaction related Meter Values', requirements: ['J02.FR.19'] },
  purpose: 'The CSMS answers the Ended TransactionEvent that carries the sampled readings of the transaction (Sample.Periodic, the last one Transaction.End).',
  refs: ['OCPP 2.0.1 Part 2 J02.FR.19', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_10_CSMS (Before: reusable state EnergyTransferStarted as step 0; reusable state EVDisconnected runs the states it needs first); ours: the readings are stamped on a grid of cfg.intervals.meterSampleS.',
  deviations: [],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEnergyTransferStarted(t, tx, 0);
    // The Ended event carries the Sample.Periodic readings of the transaction, the last one Transaction.End.
    await stateEvDisconnected(t, tx, 1, { meterValue: endedMeterValues(t, tx, 'Sample.Periodic') });
  });
});
