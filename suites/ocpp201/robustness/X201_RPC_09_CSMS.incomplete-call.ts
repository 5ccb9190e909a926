import { defineCase } from '../../../harness/dsl/define-case.js';
import { MAY_DROP } from './robustness-steps.js';

export default defineCase({
  id: 'X201_RPC_09_CSMS',
  title: 'Incomplete CALL is answered with a CALLERROR carrying its id',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'A CALL with only its message type and id ([2,"<id>"]: no action, no payload) is answered with CALLERROR RpcFrameworkError (or FormatViolation) whose message id is that id, not "-1"; the connection stays open.',
  refs: ['OCPP-J 2.0.1 §4.2.1 CALL (4 elements)', 'OCPP-J 2.0.1 §4.2.3 CALLERROR ("-1" only when the message id cannot be read)', 'OCPP-J 2.0.1 §4.1.4 (a CALLERROR carries the id of the CALL it answers)', 'OCPP-J 2.0.1 §4.3 Table 8 (RpcFrameworkError, FormatViolation)'],
  provenance: 'ours (not a Part 6 case): a CALL missing its action is not a valid RPC request; Table 8 names RpcFrameworkError for that, and FormatViolation ("syntactically incorrect") describes it too: both exact, another Table 8 code NON_STRICT, a code outside Table 8 FAILs. Its id is readable, so §4.1.4 (MUST) wants it in the CALLERROR and §4.2.3 keeps "-1" for an unreadable id (a placeholder id is rpc.messageId.callError). §4.2.3 lets the receiver drop invalid OCPP, so no answer is NON_STRICT.',
}, async ({ cp, step }) => {
  const link = await step(1, 'The station is connected and its boot accepted', () => cp.booted());
  await step(2, 'Send [2,"<id>"], a CALL without action and payload; the CSMS answers CALLERROR RpcFrameworkError (or FormatViolation) with that id', () =>
    link.callExpectingError('(no action)', {
      raw: (id) => JSON.stringify([2, id]),
      exact: ['RpcFrameworkError', 'FormatViolation'],
      requirement: 'OCPP-J 2.0.1 §4.2.3, §4.1.4, Table 8: an incomplete CALL whose id is readable is refused with a CALLERROR (RpcFrameworkError) carrying that id',
      mayDrop: MAY_DROP,
    }));
});
