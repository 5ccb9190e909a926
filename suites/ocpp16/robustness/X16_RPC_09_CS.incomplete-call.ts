import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X16_RPC_09_CS',
  title: 'Incomplete CALL is answered with a CALLERROR carrying its id',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'A CALL that has only its message type and message id (`[2,"<id>"]`, no action, no payload) is answered with a CALLERROR (FormationViolation or ProtocolError) whose message id is that id; the connection stays open.',
  refs: [
    'OCPP-J 1.6 §4.2.1 Call (4 elements)',
    'OCPP-J 1.6 §4.2.3 CallError (a call whose content does not meet the requirements), Table 7; errata §3.3 (SHALL use a CallError)',
    'OCPP-J 1.6 §4.1.4 (a CALLERROR carries the id of the CALL it answers)',
  ],
  provenance: 'ours (not an OCTT case), seen on real peers: `[2,"id"]` went unanswered, and elsewhere a refusal came with an empty message id although the id was readable. The frame is a CALL (type 2) with a readable id whose content does not meet the requirements, so OCPP-J 1.6 §4.2.3 with errata §3.3 (SHALL) asks for a CallError, and §4.1.4 (MUST) for the CALL\'s id in it. FormationViolation (not conform the PDU structure) and ProtocolError (incomplete) both describe it exactly; any other 1.6 code is judged by the one 1.6 tolerance rule. No answer is rpc.noResponse, a placeholder id rpc.messageId.callError.',
}, async ({ csms, step }) => {
  const link = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  await step(2, 'Send `[2,"<id>"]`, a CALL without action and payload; the charge point answers CALLERROR FormationViolation (or ProtocolError) with that id', () =>
    link.callExpectingError('(no action)', {
      raw: (id) => JSON.stringify([2, id]),
      exact: ['FormationViolation', 'ProtocolError'],
      requirement: 'OCPP-J 1.6 §4.2.3, errata §3.3, §4.1.4: an incomplete CALL whose id is readable is refused with a CALLERROR carrying that id',
    }));
});
