import { defineCase } from '../../../harness/dsl/define-case.js';
import { MAY_DROP } from './robustness-steps.js';

export default defineCase({
  id: 'X201_RPC_03_CS',
  title: 'Request with a field of the wrong type is refused',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'A GetVariablesRequest whose component.name is a JSON number instead of a string is answered with CALLERROR TypeConstraintViolation, not with a CALLRESULT.',
  refs: [
    'OCPP-J 2.0.1 §4.1.7 (all data of the correct data type)',
    'OCPP-J 2.0.1 §4.3 Table 8 (TypeConstraintViolation)',
  ],
  provenance: 'ours (not a Part 6 case), mirrors X16_RPC_03_CS: derived from OCPP-J 2.0.1 §4.1.7 (a message with data of the wrong type is not valid and is answered with a CALLERROR) and Table 8, which names TypeConstraintViolation with the very example of a number where a string belongs. Any other code is judged by the one 2.0.1 rule (harness/versions/ocpp201/error-codes.ts): another Table 8 code or a 1.6 spelling is NON_STRICT, a code outside Table 8 FAILs. OCPP-J 2.0.1 §4.2.3 lets the receiver drop a CALL that is not valid OCPP or not conform the schema: no answer is a SHOULD finding (rpc.noResponse), never a FAIL. GetVariables changes nothing even if wrongly accepted.',
}, async ({ csms, step }) => {
  const link = await step(1, 'The charging station is connected and its boot accepted', () => csms.booted());

  await step(2, 'Send GetVariables with `component.name: 12` (a number, the schema wants a string); the charging station answers CALLERROR TypeConstraintViolation', () =>
    link.callExpectingError('GetVariables', {
      payload: { getVariableData: [{ component: { name: 12 }, variable: { name: 'HeartbeatInterval' } }] },
      exact: ['TypeConstraintViolation'], mayDrop: MAY_DROP,
      requirement: 'OCPP-J 2.0.1 §4.1.7, §4.3 Table 8: a CALL with a field of the wrong data type is answered with CALLERROR TypeConstraintViolation',
    }));
});
