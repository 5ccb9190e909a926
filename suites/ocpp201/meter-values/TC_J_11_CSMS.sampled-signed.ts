import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, stateEnergyTransferStarted, stateEvDisconnected } from '../transactions/csms-transaction-states.js';
import { endedMeterValues } from './csms-meter-value-steps.js';

export default defineCase({
  id: 'TC_J_11_CSMS',
  title: 'Sampled Meter Values - Signed',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'J02 Sending transaction related Meter Values', requirements: ['J02.FR.21'] },
  purpose: 'The CSMS accepts signed meter values: it answers the Ended TransactionEvent whose sampled readings each carry a signedMeterValue (it need not read them).',
  refs: ['OCPP 2.0.1 Part 2 J02.FR.21', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_11_CSMS (Before: reusable state EnergyTransferStarted as step 0; reusable state EVDisconnected runs the states it needs first); ours: the readings are stamped on a grid of cfg.intervals.meterSampleS; the signed readings are ECDSA P-256 signatures made by the harness.',
  deviations: [],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEnergyTransferStarted(t, tx, 0);
    // The Ended event carries the Sample.Periodic readings of the transaction, the last one Transaction.End.
    await stateEvDisconnected(t, tx, 1, { meterValue: endedMeterValues(t, tx, 'Sample.Periodic', { signed: true }) });
  });
});
