import { defineCase } from '../../../harness/dsl/define-case.js';
import { MAY_DROP } from './robustness-steps.js';

export default defineCase({
  id: 'X201_RPC_08_CS',
  title: 'Request with a null where a string belongs is refused',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'A RequestStopTransactionRequest with `transactionId: null` is answered with CALLERROR TypeConstraintViolation, not with a CALLRESULT.',
  refs: [
    'OCPP 2.0.1 Part 2 RequestStopTransactionRequest (transactionId: identifierString, required)',
    'OCPP-J 2.0.1 §4.1.5 (null is not allowed for a field)',
    'OCPP-J 2.0.1 §4.3 Table 8 (TypeConstraintViolation)',
  ],
  provenance: 'ours (not a Part 6 case), mirrors X16_RPC_08_CS: JSON null is not a string, and OCPP-J 2.0.1 §4.1.5 does not allow null for a field, so the CALL is refused with a CALLERROR; TypeConstraintViolation is the exact code, and a receiver that reads null as absent (OccurrenceConstraintViolation) is judged by the one 2.0.1 rule. Any other code is judged by the one 2.0.1 rule (harness/versions/ocpp201/error-codes.ts): another Table 8 code or a 1.6 spelling is NON_STRICT, a code outside Table 8 FAILs. OCPP-J 2.0.1 §4.2.3 lets the receiver drop a CALL that is not valid OCPP or not conform the schema: no answer is a SHOULD finding (rpc.noResponse), never a FAIL. No transaction runs, so even a station that wrongly accepts it stops nothing.',
}, async ({ csms, step }) => {
  const link = await step(1, 'The charging station is connected and its boot accepted', () => csms.booted());

  await step(2, 'Send RequestStopTransaction with `transactionId: null`; the charging station answers CALLERROR TypeConstraintViolation', () =>
    link.callExpectingError('RequestStopTransaction', {
      payload: { transactionId: null },
      exact: ['TypeConstraintViolation'], mayDrop: MAY_DROP,
      requirement: 'OCPP-J 2.0.1 §4.1.5, §4.1.7, §4.3 Table 8: a CALL with null where the schema wants a string is refused with CALLERROR TypeConstraintViolation',
    }));
});
