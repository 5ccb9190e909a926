import { defineCase } from '../../../harness/dsl/define-case.js';
import { INVALID_SHALL_ERROR, MAY_DROP } from './robustness-steps.js';

export default defineCase({
  id: 'X201_RPC_06_CSMS',
  title: 'Request whose payload is not an object is refused',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'A Heartbeat CALL whose payload is the array [] instead of a JSON object is answered with CALLERROR ProtocolError (or FormatViolation) carrying the CALL\'s message id, not with a CALLRESULT.',
  refs: ['OCPP-J 2.0.1 §4.1.5 JSON Payload (a JSON object)', 'OCPP-J 2.0.1 §4.1.7 Message Validity', 'OCPP-J 2.0.1 §4.3 Table 8 (ProtocolError, FormatViolation)', 'OCPP-J 2.0.1 §4.1.4 (the CALLERROR carries the CALL\'s message id)'],
  provenance: 'ours (not a Part 6 case), seen on real peers: a payload [] answered as if it were {}. §4.1.5 makes the payload a JSON object, so an array is data of the wrong type and §4.1.7 asks for a CALLERROR (a CALLRESULT FAILs). ProtocolError ("not conform the PDU structure") and FormatViolation are exact; another Table 8 code is NON_STRICT, a code outside Table 8 FAILs; §4.2.3 lets the receiver drop it, so no answer is NON_STRICT.',
}, async ({ cp, step }) => {
  const link = await step(1, 'The station is connected and its boot accepted', () => cp.booted());
  await step(2, 'Send a Heartbeat CALL whose payload is []; the CSMS answers CALLERROR ProtocolError with the CALL\'s id', () =>
    link.callExpectingError('Heartbeat', {
      raw: (id) => JSON.stringify([2, id, 'Heartbeat', []]),
      exact: ['ProtocolError', 'FormatViolation'],
      requirement: `OCPP-J 2.0.1 §4.1.5: the payload is a JSON object; ${INVALID_SHALL_ERROR}`,
      mayDrop: MAY_DROP,
    }));
});
