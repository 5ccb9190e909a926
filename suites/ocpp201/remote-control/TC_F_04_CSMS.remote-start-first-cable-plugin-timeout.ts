import { defineCase } from '../../../harness/dsl/define-case.js';
import { TE_ANSWERED, bootedScope, inTransaction, sendTransactionEvent, teardownDeviation, transactionDurationMs } from '../transactions/csms-transaction-states.js';
import { csmsRequestsStart, sendRemoteStartEvent } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_04_CSMS',
  title: 'Remote start transaction - Remote start first - Cable plugin timeout',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'F02, E03', requirements: ['E03.FR.04', 'E03.FR.05'] },
  purpose: 'The CSMS starts a transaction remotely; no EV is connected in time and the station reports EVConnectTimeout; the CSMS answers every message.',
  refs: ['OCPP 2.0.1 Part 2 F02', 'OCPP 2.0.1 Part 2 E03.FR.05', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_04_CSMS (the manual action through SUT control RequestStartTransaction with the idToken and the EVSE); ours: the Started event also carries the idToken (F01.FR.04), and the teardown that ends the deauthorized transaction (Ended, Timeout).',
  actions: ['RequestStartTransaction'],
  deviations: [teardownDeviation('the harness station ends the deauthorized transaction (TransactionEvent Ended, EVConnectTimeout, Timeout) and the CSMS must answer')],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    const remoteStartId = await csmsRequestsStart(t, ctx.sut, tx, 'TC_F_04_CSMS');
    await t.step(3, 'TransactionEvent Started, RemoteStart, with the remoteStartId the CSMS gave; the CSMS answers (steps 3–4)', () =>
      sendRemoteStartEvent(t, tx, remoteStartId, 'Part 6 TC_F_04_CSMS step 4'));
    await t.step(5, 'After the transaction duration: TransactionEvent Updated, EVConnectTimeout; the CSMS answers (steps 5–6)', async () => {
      await t.sleep(transactionDurationMs(t.cfg));
      await sendTransactionEvent(t.link, tx, { eventType: 'Updated', triggerReason: 'EVConnectTimeout' }, { requirement: `Part 6 TC_F_04_CSMS step 6; ${TE_ANSWERED}` });
      tx.authorized = false;
    });
  }, { teardownStep: 7 });
});
