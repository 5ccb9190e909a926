import { defineCase } from '../../../harness/dsl/define-case.js';
import { TE_ANSWERED, bootedScope, inTransaction, nextReading, sendTransactionEvent, stateEnergyTransferStarted, teardownDeviation } from '../transactions/csms-transaction-states.js';
import { csmsTriggers } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_14_CSMS',
  title: 'Trigger message - TransactionEvent - All EVSE',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'F06', requirements: ['F06.FR.01'] },
  purpose: 'During a charging transaction, asked to trigger TransactionEvent for the whole station, the CSMS sends TriggerMessage TransactionEvent, and answers the TransactionEvent (Trigger) that follows.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.01', 'OCPP 2.0.1 Part 2 F06.FR.07', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_14_CSMS; ours: the operator\'s request is made through SUT control TriggerMessage, and the teardown that ends the transaction.',
  pics: { all: ['C-29.2'], text: 'C-29.2' },
  deviations: [teardownDeviation()],
  actions: ['TriggerMessage'],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEnergyTransferStarted(t, tx, 0);
    await csmsTriggers(ctx, t.link, { table: 'TC_F_14_CSMS', requestedMessage: 'TransactionEvent', match: { requestedMessage: 'TransactionEvent' }, answer: 'Accepted' });
    await t.step(3, 'TransactionEvent Updated, Trigger, Charging, without evse, with a reading in context Trigger; the CSMS answers (steps 3–4)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Updated', triggerReason: 'Trigger', chargingState: 'Charging', evse: false, meterValue: [nextReading(tx, 'Trigger')] }, {
        requirement: `Part 6 TC_F_14_CSMS step 4; ${TE_ANSWERED}`,
      }));
  }, { teardownStep: 5 });
});
