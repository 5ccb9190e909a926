import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X16_RPC_02_CSMS',
  title: 'Request missing a required field is refused',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'An Authorize.req without its required field `idTag` is answered by the CSMS with CALLERROR OccurenceConstraintViolation (the 1.6 spelling), not with an authorization result.',
  refs: [
    'OCPP-J 1.6 §4.2.3 CallError, Table 7 (OccurenceConstraintViolation)',
    'OCPP-J 1.6 errata §5.1 (the single-r spelling stays)',
    'OCPP 1.6 §6.1 Authorize.req (idTag required)',
  ],
  provenance: 'ours (not an OCTT case): derived from OCPP-J 1.6 §4.2.3 — "missing mandatory fields" is one of the two situations for a CALLERROR, and Table 7 names OccurenceConstraintViolation for a field that violates occurrence constraints; the errata (§5.1, §5.2) keep the 1.6 spellings. Any other code follows the one 1.6 tolerance rule: another 1.6 code (FormationViolation, ProtocolError, TypeConstraintViolation, …) or the double-r spelling of later versions is NON_STRICT, a code that is no 1.6 code FAILs. Authorize is used because it changes no state in the CSMS.',
}, async ({ cp, step }) => {
  const link = await step(1, 'The charge point is connected and its boot accepted', () => cp.booted());

  await step(2, 'Send Authorize.req without the required `idTag`; the CSMS answers CALLERROR OccurenceConstraintViolation', () =>
    link.callExpectingError('Authorize', {
      payload: {},
      exact: ['OccurenceConstraintViolation'],
      requirement: 'OCPP-J 1.6 §4.2.3, Table 7: a CALL missing a mandatory field is answered with CALLERROR OccurenceConstraintViolation',
    }));
});
