import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, sendTransactionEvent, stateEvDisconnected } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_19_CSMS',
  title: 'Stop transaction options - ParkingBayUnoccupied',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E06 Stop Transaction options', requirements: ['E06.FR.01'] },
  purpose: 'The CSMS handles a transaction whose stop point is ParkingBayOccupancy: after the EV is unplugged the transaction goes on until the bay is empty, then TransactionEvent Ended (EVDeparted, Local).',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.01', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_19_CSMS (Before: reusable state EVDisconnected as step 0, with the states it needs); ours: in that Before state the EVCommunicationLost event is Updated, not Ended (see deviations).',
  deviations: [{
    what: 'Before: in reusable state EVDisconnected the TransactionEvent (EVCommunicationLost, Idle) is sent with eventType Updated and no stoppedReason, so that step 1 ends the transaction once',
    why: 'With TxStopPoint ParkingBayOccupancy a disconnected cable does not end the transaction (E06.FR.01); two Ended events for one transaction would be no station\'s behaviour',
    source: 'OCPP 2.0.1 Part 2 E06.FR.01, E06.FR.02',
  }],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEvDisconnected(t, tx, 0, { eventType: 'Updated', label: 'Before: reusable state EVDisconnected (transaction kept: bay still occupied)' });
    await t.step(1, 'TransactionEvent Ended (EVDeparted, Local); the CSMS answers (steps 1-2)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Ended', triggerReason: 'EVDeparted', stoppedReason: 'Local' }, {
        requirement: 'Part 6 TC_E_19_CSMS step 2; OCPP 2.0.1 J02.FR.19: the CSMS responds with a TransactionEventResponse',
      }));
  });
});
