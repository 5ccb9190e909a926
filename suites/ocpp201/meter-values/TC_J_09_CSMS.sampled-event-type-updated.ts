import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, nextReading, sendTransactionEvent, stateEnergyTransferStarted, teardownDeviation } from '../transactions/csms-transaction-states.js';
import { intervalMs } from './csms-meter-value-steps.js';

export default defineCase({
  id: 'TC_J_09_CSMS',
  title: 'Sampled Meter Values - EventType Updated',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'J02 Sending transaction related Meter Values', requirements: ['J02.FR.19'] },
  purpose: 'The CSMS answers the sampled readings of a transaction: TransactionEvent Updated (MeterValuePeriodic, Sample.Periodic) every sample interval, three times.',
  refs: ['OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_09_CSMS (Before: reusable state EnergyTransferStarted as step 0); ours: the sampled interval is cfg.intervals.meterSampleS; the teardown that ends the transaction.',
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEnergyTransferStarted(t, tx, 0);
    for (let n = 1; n <= 3; n++) {
      await t.sleep(intervalMs(t));
      await t.step(1, `Sampled reading ${n} of 3: TransactionEvent Updated (MeterValuePeriodic, Sample.Periodic); the CSMS answers (steps 1-2)`, () =>
        sendTransactionEvent(t.link, tx, { eventType: 'Updated', triggerReason: 'MeterValuePeriodic', meterValue: [nextReading(tx, 'Sample.Periodic')] }, {
          requirement: 'Part 6 TC_J_09_CSMS step 2; OCPP 2.0.1 J02.FR.19: the CSMS responds with a TransactionEventResponse',
        }));
    }
  }, { teardownStep: 3 });
});
