import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X16_RPC_03_CSMS',
  title: 'Request with a field of the wrong type is refused',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'A StatusNotification.req whose `connectorId` is a string ("one") instead of an integer is answered by the CSMS with CALLERROR TypeConstraintViolation.',
  refs: [
    'OCPP-J 1.6 §4.2.3 CallError, Table 7 (TypeConstraintViolation)',
    'OCPP 1.6 §6.47 StatusNotification.req (connectorId: integer)',
  ],
  provenance: 'ours (not an OCTT case): derived from OCPP-J 1.6 §4.2.3 — Table 7 names TypeConstraintViolation for a field that violates data type constraints. Any other code follows the one 1.6 tolerance rule: another 1.6 code (FormationViolation, PropertyConstraintViolation, …) or a later spelling is NON_STRICT, a code that is no 1.6 code FAILs. The status sent is Available, the state the connectors are already in, so a CSMS that wrongly accepts it records nothing new.',
}, async ({ cp, step }) => {
  const link = await step(1, 'The charge point is connected and its boot accepted', () => cp.booted());

  await step(2, 'Send StatusNotification.req with `connectorId: "one"` (a string, the schema wants an integer); the CSMS answers CALLERROR TypeConstraintViolation', () =>
    link.callExpectingError('StatusNotification', {
      payload: { connectorId: 'one', errorCode: 'NoError', status: 'Available', timestamp: new Date().toISOString() },
      exact: ['TypeConstraintViolation'],
      requirement: 'OCPP-J 1.6 §4.2.3, Table 7: a CALL with a field of the wrong data type is answered with CALLERROR TypeConstraintViolation',
    }));
});
