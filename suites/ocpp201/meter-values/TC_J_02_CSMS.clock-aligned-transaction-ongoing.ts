import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, meterValue, sendTransactionEvent, stateEnergyTransferStarted, teardownDeviation } from '../transactions/csms-transaction-states.js';
import { clockAlignedRound, idleEvses, untilNextAligned } from './csms-meter-value-steps.js';

export default defineCase({
  id: 'TC_J_02_CSMS',
  title: 'Clock-aligned Meter Values - Transaction ongoing',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'J01 Sending Meter Values not related to a transaction', requirements: ['J01.FR.18'] },
  purpose: 'During a transaction the CSMS answers the clock-aligned readings of the idle EVSEs and evseId 0 (MeterValues, NotifyEvent FiscalMetering) and those of the transaction (TransactionEvent Updated, MeterValueClock, Sample.Clock), every interval.',
  refs: ['OCPP 2.0.1 Part 2 J01.FR.18', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_J_02_CSMS (Before: reusable state EnergyTransferStarted as step 0; the table\'s "Sample.Circle" read as Sample.Clock); ours: three intervals of cfg.intervals.meterSampleS as the transaction duration; the teardown that ends the transaction.',
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEnergyTransferStarted(t, tx, 0);
    for (let round = 1; round <= 3; round++) {
      const at = await untilNextAligned(t);
      await t.step(1, `Clock-aligned readings of evseId 0 and the idle EVSEs, round ${round}: MeterValues, NotifyEvent; the CSMS answers (steps 1-2)`, () =>
        clockAlignedRound(t, at, idleEvses(t, tx.evseId), 'TC_J_02_CSMS', 2));
      await t.step(3, `Clock-aligned reading of the transaction, round ${round}: TransactionEvent Updated (MeterValueClock); the CSMS answers (steps 3-4)`, () => {
        tx.meterWh += 100;
        return sendTransactionEvent(t.link, tx, { eventType: 'Updated', triggerReason: 'MeterValueClock', meterValue: [meterValue('Sample.Clock', { wh: tx.meterWh, timestamp: new Date(at).toISOString() })] }, {
          requirement: 'Part 6 TC_J_02_CSMS step 4; OCPP 2.0.1 J02.FR.19: the CSMS responds with a TransactionEventResponse',
        });
      });
    }
  }, { teardownStep: 5 });
});
