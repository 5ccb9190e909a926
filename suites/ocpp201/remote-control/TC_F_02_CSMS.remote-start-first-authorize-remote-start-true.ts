import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, stateEnergyTransferStarted, teardownDeviation } from '../transactions/csms-transaction-states.js';
import { csmsRequestsStart, sendRemoteStartEvent } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_02_CSMS',
  title: 'Remote start transaction - Remote start first -authorizeRemoteStart is true',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'F02', requirements: ['F02.FR.01', 'F01.FR.01'] },
  purpose: 'The CSMS starts a transaction remotely before the EV is connected, at a station that authorizes remote starts: RequestStartTransaction carries the valid idToken, the Authorize that follows is Accepted, and the RemoteStart TransactionEvent and the charging are answered.',
  refs: ['OCPP 2.0.1 Part 2 F02', 'OCPP 2.0.1 Part 2 F01.FR.01', 'OCPP 2.0.1 Part 2 C01', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_02_CSMS (the manual action through SUT control RequestStartTransaction with the idToken and the EVSE); ours: the Started event also carries the idToken (F01.FR.04), and the teardown that ends the transaction.',
  actions: ['RequestStartTransaction'],
  deviations: [teardownDeviation()],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    const remoteStartId = await csmsRequestsStart(t, ctx.sut, tx, 'TC_F_02_CSMS');
    await t.step(3, 'Authorize with the valid idToken; the CSMS answers Accepted (steps 3–4)', () =>
      t.link.call('Authorize', { idToken: tx.idToken }, {
        expect: { 'idTokenInfo.status': 'Accepted' },
        requirement: 'Part 6 TC_F_02_CSMS step 4 (tool validation); OCPP 2.0.1 C01: a valid idToken is Accepted',
      }));
    await t.step(5, 'TransactionEvent Started, RemoteStart, with the remoteStartId the CSMS gave; the CSMS answers (steps 5–6)', () =>
      sendRemoteStartEvent(t, tx, remoteStartId, 'Part 6 TC_F_02_CSMS step 6'));
    await stateEnergyTransferStarted(t, tx, 7);
  }, { teardownStep: 9 });
});
