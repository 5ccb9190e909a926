import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, sendTransactionEvent, stateAuthorized, stateEvConnectedPreSession, teardownDeviation } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_38_CSMS',
  title: 'Local start transaction - EV not ready',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E03 Start Transaction - IdToken First', requirements: [] },
  purpose: 'The CSMS handles a transaction whose EV is not ready to take energy: after authorization and plug-in the station reports chargingState SuspendedEV, and the CSMS answers every event.',
  refs: ['OCPP 2.0.1 Part 2 E03', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_38_CSMS (Before: reusable state Authorized as step 0); ours: the teardown that ends the transaction.',
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateAuthorized(t, tx, 0, 'Before: reusable state Authorized');
    await stateEvConnectedPreSession(t, tx, 1);
    await t.step(2, 'TransactionEvent (Updated, ChargingStateChanged, SuspendedEV); the CSMS answers (steps 2-3)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Updated', triggerReason: 'ChargingStateChanged', chargingState: 'SuspendedEV' }, {
        requirement: 'Part 6 TC_E_38_CSMS step 3; OCPP 2.0.1 J02.FR.19: the CSMS responds with a TransactionEventResponse',
      }));
  }, { teardownStep: 4 });
});
