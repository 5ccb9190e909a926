import { defineCase } from '../../../harness/dsl/define-case.js';
import { MAY_DROP } from './robustness-steps.js';

export default defineCase({
  id: 'X201_RPC_04_CS',
  title: 'Request with an unknown extra property is refused',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'A GetVariablesRequest that is valid except for a property the message does not define (`unexpectedProperty`) is answered with a CALLERROR (ProtocolError or FormatViolation), not with a CALLRESULT.',
  refs: [
    'OCPP-J 2.0.1 §4.1.2 (the right to reject messages not conform the JSON schemas)',
    'OCPP-J 2.0.1 §4.3 Table 8 (ProtocolError, FormatViolation)',
    'OCPP-J 2.0.1 §9 CustomData Extension (extensions go in customData)',
  ],
  provenance: 'ours (not a Part 6 case), mirrors X16_RPC_04_CS: the 2.0.1 schemas forbid additional properties (extensions belong in customData, Part 4 §9), so the receiver refuses the CALL (§4.1.2). Table 8 names no code for an undefined property: ProtocolError (not conform the PDU structure) and FormatViolation (syntactically incorrect) are both taken as exact. Any other code is judged by the one 2.0.1 rule (harness/versions/ocpp201/error-codes.ts): another Table 8 code or a 1.6 spelling is NON_STRICT, a code outside Table 8 FAILs. OCPP-J 2.0.1 §4.2.3 lets the receiver drop a CALL that is not valid OCPP or not conform the schema: no answer is a SHOULD finding (rpc.noResponse), never a FAIL. GetVariables changes nothing even if wrongly accepted.',
}, async ({ csms, step }) => {
  const link = await step(1, 'The charging station is connected and its boot accepted', () => csms.booted());

  await step(2, 'Send GetVariables for OCPPCommCtrlr.HeartbeatInterval with the extra property `unexpectedProperty: true`; the charging station answers CALLERROR ProtocolError or FormatViolation', () =>
    link.callExpectingError('GetVariables', {
      payload: { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } }], unexpectedProperty: true },
      exact: ['ProtocolError', 'FormatViolation'], mayDrop: MAY_DROP,
      requirement: 'OCPP-J 2.0.1 §4.1.2, §4.3 Table 8, §9: a CALL whose payload has a property the message does not define is refused with CALLERROR ProtocolError or FormatViolation',
    }));
});
