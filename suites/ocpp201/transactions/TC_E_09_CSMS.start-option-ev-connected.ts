import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, reportConnector, sendTransactionEvent, teardownDeviation } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_09_CSMS',
  title: 'Start transaction options - EVConnected',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E01 Start Transaction options', requirements: ['E01.FR.02'] },
  purpose: 'The CSMS handles a station whose transaction starts when the EV is connected: connector Occupied, then a Started TransactionEvent (CablePluggedIn, EVConnected) without an idToken.',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.02', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_09_CSMS; ours: the teardown that ends the transaction.',
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await t.step(1, 'Connector Occupied: StatusNotification and NotifyEvent; the CSMS answers (steps 1-2)', () =>
      reportConnector(t.link, tx, 'Occupied', { requirement: 'Part 6 TC_E_09_CSMS step 2' }));
    await t.step(3, 'TransactionEvent Started (CablePluggedIn, EVConnected) with evse; the CSMS answers (steps 3-4)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Started', triggerReason: 'CablePluggedIn', chargingState: 'EVConnected', evse: true }, {
        requirement: 'Part 6 TC_E_09_CSMS step 4; OCPP 2.0.1 J02.FR.19: the CSMS responds with a TransactionEventResponse',
      }));
    tx.evConnected = true;
  }, { teardownStep: 5 });
});
