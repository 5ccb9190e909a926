import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, dropAndReconnect, inTransaction, sendTransactionEvent, stateEnergyTransferStarted, transactionStatusRequested } from './csms-transaction-states.js';

const TE = 'OCPP 2.0.1 J02.FR.19: the CSMS responds with a TransactionEventResponse';

export default defineCase({
  id: 'TC_E_31_CSMS',
  title: 'Check Transaction status - Transaction with id ended - with message in queue',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E14 Check transaction status', requirements: ['E14.FR.03', 'E14.FR.04'] },
  purpose: 'After the station was offline and delivered the Ended event of a transaction out of order (two seqNos skipped), the CSMS asks for that transaction\'s status by its transactionId and answers the two queued events that follow.',
  refs: ['OCPP 2.0.1 Part 2 E14.FR.03', 'OCPP 2.0.1 Part 2 E14.FR.04', 'OCPP 2.0.1 Part 2 E01.FR.07', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_31_CSMS (Before: reusable state EnergyTransferStarted as step 0; the CSMS is asked through SUT control to send GetTransactionStatus with the transactionId); the table puts its tool validation at "Step 5", which is the GetTransactionStatusRequest of step 7, judged there; ours: the Ended event carries stoppedReason EVDisconnected (the schema allows it omitted only for Local).',
  pics: { all: ['C-16'], text: 'C-16 Support for checking the TransactionStatus' },
  actions: ['GetTransactionStatus'],
  deviations: [],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEnergyTransferStarted(t, tx, 0);
    await dropAndReconnect(t, ctx.cp);
    await t.step(3, 'StatusNotification Available; the CSMS answers (steps 3-4)', () =>
      t.link.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: tx.evseId, connectorId: tx.connectorId }, {
        requirement: 'Part 6 TC_E_31_CSMS step 4: the CSMS responds with a StatusNotificationResponse',
      }));
    tx.occupied = false;
    const [first, second] = tx.skipSeqNos(2);
    await t.step(5, 'TransactionEvent Ended (offline, EVCommunicationLost, Idle), two seqNos skipped; the CSMS answers (steps 5-6)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Ended', triggerReason: 'EVCommunicationLost', chargingState: 'Idle', stoppedReason: 'EVDisconnected', offline: true }, {
        requirement: `Part 6 TC_E_31_CSMS step 6; ${TE}`,
      }));
    await transactionStatusRequested(t, ctx.sut, 7, { table: 'TC_E_31_CSMS', transactionId: tx.transactionId, answer: { ongoingIndicator: false, messagesInQueue: true } });
    await t.step(9, 'The first skipped seqNo: TransactionEvent Updated (offline, StopAuthorized); the CSMS answers (steps 9-10)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Updated', triggerReason: 'StopAuthorized', offline: true, seqNo: first }, { requirement: `Part 6 TC_E_31_CSMS step 10; ${TE}` }));
    await t.step(11, 'The second skipped seqNo: TransactionEvent Updated (offline, ChargingStateChanged, EVConnected); the CSMS answers (steps 11-12)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Updated', triggerReason: 'ChargingStateChanged', chargingState: 'EVConnected', offline: true, seqNo: second }, { requirement: `Part 6 TC_E_31_CSMS step 12; ${TE}` }));
  });
});
