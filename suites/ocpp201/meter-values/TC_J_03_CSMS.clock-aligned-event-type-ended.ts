import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, stateEnergyTransferStarted, stateEvDisconnected } from '../transactions/csms-transaction-states.js';
import { endedMeterValues } from './csms-meter-value-steps.js';

export default defineCase({
  id: 'TC_J_03_CSMS',
  title: 'Clock-aligned Meter Values - EventType Ended',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'J01 Sending Meter Values not related to a transaction', requirements: ['J01.FR.18'] },
  purpose: 'The CSMS answers the Ended TransactionEvent that carries the clock-aligned readings of the transaction (Sample.Clock, the last one Transaction.End).',
  refs: ['OCPP 2.0.1 Part 2 J01.FR.18', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_03_CSMS (Before: reusable state EnergyTransferStarted as step 0; reusable state EVDisconnected runs the states it needs first); ours: the readings are stamped on a grid of cfg.intervals.meterSampleS.',
  deviations: [],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEnergyTransferStarted(t, tx, 0);
    // The Ended event carries the Sample.Clock readings of the transaction, the last one Transaction.End.
    await stateEvDisconnected(t, tx, 1, { meterValue: endedMeterValues(t, tx, 'Sample.Clock') });
  });
});
