import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, sendTransactionEvent, teardownDeviation } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_12_CSMS',
  title: 'Start transaction options - ParkingBayOccupied',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E01 Start Transaction options', requirements: ['E01.FR.01'] },
  purpose: 'The CSMS handles a station whose transaction starts when its parking bay detector sees an EV: a Started TransactionEvent with triggerReason EVDetected.',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.01', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_12_CSMS; ours: the Started event names the configured evse; the teardown that ends the transaction.',
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await t.step(1, 'TransactionEvent Started (EVDetected); the CSMS answers (steps 1-2)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Started', triggerReason: 'EVDetected', evse: true }, {
        requirement: 'Part 6 TC_E_12_CSMS step 2; OCPP 2.0.1 J02.FR.19: the CSMS responds with a TransactionEventResponse',
      }));
  }, { teardownStep: 3 });
});
