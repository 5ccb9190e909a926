import { defineCase } from '../../../harness/dsl/define-case.js';
import { MAY_DROP } from './robustness-steps.js';

export default defineCase({
  id: 'X201_RPC_02_CS',
  title: 'Request missing a required field is refused',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'A GetVariablesRequest without its required field `getVariableData` is answered with CALLERROR OccurrenceConstraintViolation, not with a CALLRESULT.',
  refs: [
    'OCPP-J 2.0.1 §4.1.7 (all required fields present)',
    'OCPP-J 2.0.1 §4.3 Table 8 (OccurrenceConstraintViolation)',
    'OCPP 2.0.1 Part 2 GetVariablesRequest (getVariableData 1..*)',
  ],
  provenance: 'ours (not a Part 6 case), mirrors X16_RPC_02_CS: derived from OCPP-J 2.0.1 §4.1.7 (a message without all its required fields is not valid and is answered with a CALLERROR) and Table 8, which names OccurrenceConstraintViolation for a field that violates occurrence constraints. Any other code is judged by the one 2.0.1 rule (harness/versions/ocpp201/error-codes.ts): another Table 8 code or a 1.6 spelling is NON_STRICT, a code outside Table 8 FAILs. OCPP-J 2.0.1 §4.2.3 lets the receiver drop a CALL that is not valid OCPP or not conform the schema: no answer is a SHOULD finding (rpc.noResponse), never a FAIL. GetVariables changes nothing even if wrongly accepted.',
}, async ({ csms, step }) => {
  const link = await step(1, 'The charging station is connected and its boot accepted', () => csms.booted());

  await step(2, 'Send GetVariables with an empty payload (no getVariableData); the charging station answers CALLERROR OccurrenceConstraintViolation', () =>
    link.callExpectingError('GetVariables', {
      payload: {},
      exact: ['OccurrenceConstraintViolation'], mayDrop: MAY_DROP,
      requirement: 'OCPP-J 2.0.1 §4.1.7, §4.3 Table 8: a CALL missing a required field is answered with CALLERROR OccurrenceConstraintViolation',
    }));
});
