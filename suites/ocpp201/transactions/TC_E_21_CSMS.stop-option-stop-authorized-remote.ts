import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, sendTransactionEvent, stateEnergyTransferStarted, teardownDeviation } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_21_CSMS',
  title: 'Stop transaction options - StopAuthorized - Remote',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E06 Stop Transaction options; F03 Remote Stop Transaction', requirements: ['E06.FR.03', 'F03.FR.01', 'F03.FR.09', 'F03.FR.10'] },
  purpose: 'The CSMS stops a running transaction remotely: RequestStopTransaction names the transaction the station started, and the CSMS answers the Ended TransactionEvent (RemoteStop, Remote) that follows.',
  refs: ['OCPP 2.0.1 Part 2 F03.FR.01', 'OCPP 2.0.1 Part 2 E06.FR.03', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_21_CSMS (Before: reusable state EnergyTransferStarted as step 0; the manual action through SUT control RequestStopTransaction with the transactionId); ours: the teardown that frees the connector.',
  actions: ['RequestStopTransaction'],
  deviations: [teardownDeviation('the harness station reports its connector Available again and the CSMS must answer')],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEnergyTransferStarted(t, tx, 0);
    t.link.handle('RequestStopTransaction', () => ({ status: 'Accepted' }));
    const request = await t.step(1, 'The CSMS sends RequestStopTransaction for the running transaction (step 1)', async () => {
      await ctx.sut.do('RequestStopTransaction', { transactionId: tx.transactionId });
      return t.link.expectCall('RequestStopTransaction', {
        match: { transactionId: tx.transactionId },
        requirement: 'Part 6 TC_E_21_CSMS step 1 (tool validation); OCPP 2.0.1 F03.FR.01: the CSMS SHALL send RequestStopTransactionRequest with the transactionId of the transaction',
      });
    });
    await t.step(2, 'The station answers RequestStopTransaction Accepted (step 2)', () => request.replied);
    await t.step(3, 'TransactionEvent Ended (RemoteStop, Remote); the CSMS answers (steps 3-4)', () =>
      sendTransactionEvent(t.link, tx, { eventType: 'Ended', triggerReason: 'RemoteStop', stoppedReason: 'Remote' }, {
        requirement: 'Part 6 TC_E_21_CSMS step 4; OCPP 2.0.1 J02.FR.19: the CSMS responds with a TransactionEventResponse',
      }));
  }, { teardownStep: 5 });
});
