import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, stateEnergyTransferStarted, stateEvConnectedPreSession, teardownDeviation } from '../transactions/csms-transaction-states.js';
import { csmsRequestsStart, sendRemoteStartEvent } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_01_CSMS',
  title: 'Remote start transaction - Cable plugin first',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'F01', requirements: [] },
  purpose: 'With the EV already connected (transaction started), the CSMS starts the charging remotely: RequestStartTransaction carries the valid idToken, and the RemoteStart TransactionEvent and the charging that follow are answered.',
  refs: ['OCPP 2.0.1 Part 2 F01', 'OCPP 2.0.1 Part 2 F01.FR.04', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_01_CSMS (the manual action through SUT control RequestStartTransaction with the idToken and the EVSE); ours: the RemoteStart event also carries the idToken (F01.FR.04), and the teardown that ends the transaction.',
  actions: ['RequestStartTransaction'],
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateEvConnectedPreSession(t, tx, 0, { label: 'Before: reusable state EVConnectedPreSession' });
    const remoteStartId = await csmsRequestsStart(t, ctx.sut, tx, 'TC_F_01_CSMS');
    await t.step(3, 'TransactionEvent Updated, RemoteStart, with the remoteStartId the CSMS gave; the CSMS answers (steps 3–4)', () =>
      sendRemoteStartEvent(t, tx, remoteStartId, 'Part 6 TC_F_01_CSMS step 4'));
    await stateEnergyTransferStarted(t, tx, 5);
  }, { teardownStep: 7 });
});
