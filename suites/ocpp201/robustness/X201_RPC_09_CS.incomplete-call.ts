import { defineCase } from '../../../harness/dsl/define-case.js';
import { MAY_DROP } from './robustness-steps.js';

export default defineCase({
  id: 'X201_RPC_09_CS',
  title: 'Incomplete CALL is answered with a CALLERROR carrying its id',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'A CALL that has only its message type and message id (`[2,"<id>"]`, no action, no payload) is answered with a CALLERROR (RpcFrameworkError or FormatViolation) whose message id is that id, not "-1"; the connection stays open.',
  refs: [
    'OCPP-J 2.0.1 §4.2.1 CALL (4 elements)',
    'OCPP-J 2.0.1 §4.2.3 CALLERROR ("-1" only when the message id cannot be read)',
    'OCPP-J 2.0.1 §4.3 Table 8 (RpcFrameworkError, FormatViolation)',
    'OCPP-J 2.0.1 §4.1.4 (a CALLERROR carries the id of the CALL it answers)',
  ],
  provenance: 'ours (not a Part 6 case), mirrors X16_RPC_09_CS: the frame is a CALL (type 2) with a readable id whose content is not a valid RPC request; Table 8 names RpcFrameworkError for that (and FormatViolation for a syntactically incorrect payload), §4.1.4 (MUST) the CALL\'s id in the answer, and §4.2.3 keeps "-1" for an id that cannot be read (a placeholder id is rpc.messageId.callError). Any other code is judged by the one 2.0.1 rule (harness/versions/ocpp201/error-codes.ts): another Table 8 code or a 1.6 spelling is NON_STRICT, a code outside Table 8 FAILs. OCPP-J 2.0.1 §4.2.3 lets the receiver drop a CALL that is not valid OCPP or not conform the schema: no answer is a SHOULD finding (rpc.noResponse), never a FAIL.',
}, async ({ csms, step }) => {
  const link = await step(1, 'The charging station is connected and its boot accepted', () => csms.booted());

  await step(2, 'Send `[2,"<id>"]`, a CALL without action and payload; the charging station answers CALLERROR RpcFrameworkError (or FormatViolation) with that id', () =>
    link.callExpectingError('(no action)', {
      raw: (id) => JSON.stringify([2, id]),
      exact: ['RpcFrameworkError', 'FormatViolation'], mayDrop: MAY_DROP,
      requirement: 'OCPP-J 2.0.1 §4.2.3, §4.1.4, Table 8: an incomplete CALL whose id is readable is refused with a CALLERROR (RpcFrameworkError) carrying that id',
    }));
});
