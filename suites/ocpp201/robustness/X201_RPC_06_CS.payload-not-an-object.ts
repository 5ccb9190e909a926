import { defineCase } from '../../../harness/dsl/define-case.js';
import { MAY_DROP } from './robustness-steps.js';

export default defineCase({
  id: 'X201_RPC_06_CS',
  title: 'Request whose payload is not an object is refused',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'A GetVariables CALL whose payload is the array `[]` instead of a JSON object is answered with CALLERROR FormatViolation (or ProtocolError) carrying the CALL\'s message id, not with a CALLRESULT.',
  refs: [
    'OCPP-J 2.0.1 §4.1.5 JSON Payload (a JSON object)',
    'OCPP-J 2.0.1 §4.3 Table 8 (FormatViolation, ProtocolError)',
    'OCPP-J 2.0.1 §4.1.4 (the CALLERROR carries the CALL\'s message id)',
  ],
  provenance: 'ours (not a Part 6 case), mirrors X16_RPC_06_CS: OCPP-J 2.0.1 §4.1.5 makes the payload a JSON object; a CALL that does not meet it is refused with a CALLERROR whose id is the CALL\'s (§4.1.4 MUST). FormatViolation (syntactically incorrect) and ProtocolError (not conform the PDU structure) are both exact. Any other code is judged by the one 2.0.1 rule (harness/versions/ocpp201/error-codes.ts): another Table 8 code or a 1.6 spelling is NON_STRICT, a code outside Table 8 FAILs. OCPP-J 2.0.1 §4.2.3 lets the receiver drop a CALL that is not valid OCPP or not conform the schema: no answer is a SHOULD finding (rpc.noResponse), never a FAIL.',
}, async ({ csms, step }) => {
  const link = await step(1, 'The charging station is connected and its boot accepted', () => csms.booted());

  await step(2, 'Send a GetVariables CALL whose payload is `[]`; the charging station answers CALLERROR FormatViolation (or ProtocolError) with the CALL\'s id', () =>
    link.callExpectingError('GetVariables', {
      raw: (id) => JSON.stringify([2, id, 'GetVariables', []]),
      exact: ['FormatViolation', 'ProtocolError'], mayDrop: MAY_DROP,
      requirement: 'OCPP-J 2.0.1 §4.1.5, §4.3 Table 8: a CALL whose payload is not a JSON object is refused with a CALLERROR (FormatViolation or ProtocolError)',
    }));
});
