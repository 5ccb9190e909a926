import { defineCase } from '../../../harness/dsl/define-case.js';
import { INVALID_SHALL_ERROR, MAY_DROP } from './robustness-steps.js';

export default defineCase({
  id: 'X201_RPC_08_CSMS',
  title: 'Request with null for an optional field is refused',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'An AuthorizeRequest with certificate: null (an optional string) is answered by the CSMS with CALLERROR TypeConstraintViolation, not with a CALLRESULT.',
  refs: ['OCPP-J 2.0.1 §4.1.5 JSON Payload (an empty optional field is left out: null is not allowed)', 'OCPP-J 2.0.1 §4.1.7 Message Validity', 'OCPP-J 2.0.1 §4.3 Table 8 (TypeConstraintViolation)'],
  provenance: 'ours (not a Part 6 case), the 2.0.1 twin of {"transactionId": null} accepted by a real peer: §4.1.5 allows only leaving an optional field out (null is not allowed), and null is not a string, so §4.1.7 asks for a CALLERROR (a CALLRESULT FAILs); TypeConstraintViolation is exact; another Table 8 code is NON_STRICT, a code outside Table 8 FAILs; §4.2.3 lets the receiver drop it, so no answer is NON_STRICT. Authorize changes no state in the CSMS.',
}, async ({ cp, cfg, step }) => {
  const link = await step(1, 'The station is connected and its boot accepted', () => cp.booted());
  await step(2, 'Send AuthorizeRequest for the valid idToken with certificate: null; the CSMS answers CALLERROR TypeConstraintViolation', () =>
    link.callExpectingError('Authorize', {
      payload: { idToken: { idToken: cfg.idTags.accepted, type: 'ISO14443' }, certificate: null },
      exact: ['TypeConstraintViolation'],
      requirement: `OCPP-J 2.0.1 §4.1.5: null is not allowed for an empty field; ${INVALID_SHALL_ERROR}`,
      mayDrop: MAY_DROP,
    }));
});
