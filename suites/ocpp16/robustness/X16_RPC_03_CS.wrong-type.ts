import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X16_RPC_03_CS',
  title: 'Request with a field of the wrong type is refused',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'A ChangeConfiguration.req whose `value` is a JSON number instead of a string is answered with CALLERROR TypeConstraintViolation, not acted upon.',
  refs: [
    'OCPP-J 1.6 §4.2.3 CallError, Table 7 (TypeConstraintViolation)',
    'OCPP 1.6 §6.9 ChangeConfiguration.req (value: CiString500Type)',
  ],
  provenance: 'ours (not an OCTT case): derived from OCPP-J 1.6 §4.2.3 — Table 7 names TypeConstraintViolation for a field that violates data type constraints, with the very example of a number where a string belongs. Any other code follows the one 1.6 tolerance rule: another 1.6 code (FormationViolation, PropertyConstraintViolation, …) or a later spelling is NON_STRICT, a code that is no 1.6 code FAILs. The key is the configured read-only key, so even a charge point that wrongly acts on the request changes nothing.',
}, async ({ csms, cfg, step }) => {
  const link = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  await step(2, 'Send ChangeConfiguration.req with `value: 12` (a number, the schema wants a string); the charge point answers CALLERROR TypeConstraintViolation', () =>
    link.callExpectingError('ChangeConfiguration', {
      payload: { key: cfg.configurationKeys.readOnly.key, value: 12 },
      exact: ['TypeConstraintViolation'],
      requirement: 'OCPP-J 1.6 §4.2.3, Table 7: a CALL with a field of the wrong data type is answered with CALLERROR TypeConstraintViolation',
    }));
});
