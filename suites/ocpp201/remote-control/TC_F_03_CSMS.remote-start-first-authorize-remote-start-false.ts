import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, stateEnergyTransferStarted, teardownDeviation } from '../transactions/csms-transaction-states.js';
import { csmsRequestsStart, sendRemoteStartEvent } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_03_CSMS',
  title: 'Remote start transaction - Remote start first -authorizeRemoteStart is false',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'F02', requirements: ['F02.FR.01', 'F01.FR.02'] },
  purpose: 'The CSMS starts a transaction remotely before the EV is connected, at a station that does not authorize remote starts: RequestStartTransaction carries the valid idToken, and the RemoteStart TransactionEvent and the charging that follow are answered.',
  refs: ['OCPP 2.0.1 Part 2 F02', 'OCPP 2.0.1 Part 2 F01.FR.02', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_03_CSMS (the manual action through SUT control RequestStartTransaction with the idToken and the EVSE); ours: the Started event also carries the idToken (F01.FR.04), and the teardown that ends the transaction.',
  actions: ['RequestStartTransaction'],
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    const remoteStartId = await csmsRequestsStart(t, ctx.sut, tx, 'TC_F_03_CSMS');
    await t.step(3, 'TransactionEvent Started, RemoteStart, with the remoteStartId the CSMS gave; the CSMS answers (steps 3–4)', () =>
      sendRemoteStartEvent(t, tx, remoteStartId, 'Part 6 TC_F_03_CSMS step 4'));
    await stateEnergyTransferStarted(t, tx, 5);
  }, { teardownStep: 7 });
});
