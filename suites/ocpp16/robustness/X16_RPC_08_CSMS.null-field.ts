import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X16_RPC_08_CSMS',
  title: 'Request with a null where an integer belongs is refused',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'A MeterValues.req with `transactionId: null` is answered by the CSMS with CALLERROR TypeConstraintViolation, not with a CALLRESULT.',
  refs: [
    'OCPP 1.6 §6.31 MeterValues.req (transactionId: integer, optional)',
    'OCPP-J 1.6 §4.2.3 CallError, Table 7 (TypeConstraintViolation); errata §3.3 (a failure to process the message SHALL be a CallError)',
  ],
  provenance: 'ours (not an OCTT case), the CSMS-side twin of `{"transactionId": null}` accepted by a real peer. JSON null is not an integer (an optional field is left out, not set to null), so the CALL is improper and refused with a CallError (OCPP-J 1.6 §4.2.3, errata §3.3 SHALL); TypeConstraintViolation is the exact code, any other 1.6 code is judged by the one 1.6 tolerance rule. MeterValues is used because it changes no transaction.',
}, async ({ cp, step }) => {
  const link = await step(1, 'The charge point is connected and its boot accepted', () => cp.booted());

  await step(2, 'Send MeterValues.req for connector 1 with `transactionId: null`; the CSMS answers CALLERROR TypeConstraintViolation', () =>
    link.callExpectingError('MeterValues', {
      payload: {
        connectorId: 1, transactionId: null,
        meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '0' }] }],
      },
      exact: ['TypeConstraintViolation'],
      requirement: 'OCPP-J 1.6 §4.2.3, errata §3.3: a CALL with null where the schema wants an integer is refused with CALLERROR TypeConstraintViolation',
    }));
});
