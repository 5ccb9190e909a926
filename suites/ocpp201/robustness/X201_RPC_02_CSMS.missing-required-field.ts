import { defineCase } from '../../../harness/dsl/define-case.js';
import { INVALID_SHALL_ERROR, MAY_DROP } from './robustness-steps.js';

export default defineCase({
  id: 'X201_RPC_02_CSMS',
  title: 'Request missing a required field is refused',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'An AuthorizeRequest without its required idToken is answered by the CSMS with CALLERROR OccurrenceConstraintViolation, not with an authorization result.',
  refs: ['OCPP-J 2.0.1 §4.1.7 Message Validity', 'OCPP-J 2.0.1 §4.3 Table 8 (OccurrenceConstraintViolation)', 'OCPP 2.0.1 Part 2 AuthorizeRequest (idToken required)'],
  provenance: 'ours (not a Part 6 case): OCPP-J 2.0.1 §4.1.7 — a message missing a required field is invalid and SHALL get a CALLERROR (a CALLRESULT FAILs); Table 8 names OccurrenceConstraintViolation; another Table 8 code or the 1.6 spelling OccurenceConstraintViolation is NON_STRICT by the 2.0.1 rule, a code outside Table 8 FAILs; §4.2.3 lets the receiver drop a message not conform the schema, so no answer is NON_STRICT. Authorize changes no state in the CSMS.',
}, async ({ cp, step }) => {
  const link = await step(1, 'The station is connected and its boot accepted', () => cp.booted());
  await step(2, 'Send AuthorizeRequest without the required idToken; the CSMS answers CALLERROR OccurrenceConstraintViolation', () =>
    link.callExpectingError('Authorize', {
      payload: {},
      exact: ['OccurrenceConstraintViolation'],
      requirement: `${INVALID_SHALL_ERROR}; Table 8: OccurrenceConstraintViolation for a field that violates occurrence constraints`,
      mayDrop: MAY_DROP,
    }));
});
