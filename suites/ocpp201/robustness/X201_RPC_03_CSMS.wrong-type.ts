import { defineCase } from '../../../harness/dsl/define-case.js';
import { INVALID_SHALL_ERROR, MAY_DROP } from './robustness-steps.js';

export default defineCase({
  id: 'X201_RPC_03_CSMS',
  title: 'Request with a field of the wrong type is refused',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'A StatusNotificationRequest whose evseId is the string "one" instead of an integer is answered by the CSMS with CALLERROR TypeConstraintViolation.',
  refs: ['OCPP-J 2.0.1 §4.1.7 Message Validity', 'OCPP-J 2.0.1 §4.3 Table 8 (TypeConstraintViolation)', 'OCPP 2.0.1 Part 2 StatusNotificationRequest (evseId: integer)'],
  provenance: 'ours (not a Part 6 case): OCPP-J 2.0.1 §4.1.7 — data of the wrong type makes the message invalid and SHALL get a CALLERROR (a CALLRESULT FAILs); Table 8 names TypeConstraintViolation; another Table 8 code is NON_STRICT, a code outside Table 8 FAILs; §4.2.3 lets the receiver drop it, so no answer is NON_STRICT. The status sent is Available, the state the connectors are already in.',
}, async ({ cp, step }) => {
  const link = await step(1, 'The station is connected and its boot accepted', () => cp.booted());
  await step(2, 'Send StatusNotificationRequest with evseId "one" (a string; the schema wants an integer); the CSMS answers CALLERROR TypeConstraintViolation', () =>
    link.callExpectingError('StatusNotification', {
      payload: { timestamp: new Date().toISOString(), connectorStatus: 'Available', evseId: 'one', connectorId: 1 },
      exact: ['TypeConstraintViolation'],
      requirement: `${INVALID_SHALL_ERROR}; Table 8: TypeConstraintViolation for a field that violates data type constraints`,
      mayDrop: MAY_DROP,
    }));
});
