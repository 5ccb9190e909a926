import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X16_RPC_08_CS',
  title: 'Request with a null where an integer belongs is refused',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'A RemoteStopTransaction.req with `transactionId: null` is answered with CALLERROR TypeConstraintViolation, not with a CALLRESULT.',
  refs: [
    'OCPP 1.6 §6.37 RemoteStopTransaction.req (transactionId: integer, required)',
    'OCPP-J 1.6 §4.2.3 CallError, Table 7 (TypeConstraintViolation); errata §3.3 (a failure to process the message SHALL be a CallError)',
  ],
  provenance: 'ours (not an OCTT case), seen on real peers: `{"transactionId": null}` was accepted. JSON null is not an integer, so the CALL is improper and refused with a CallError (OCPP-J 1.6 §4.2.3, errata §3.3 SHALL); TypeConstraintViolation ("violates data type constraints") is the exact code, and a peer that reads null as absent (OccurenceConstraintViolation) is judged by the one 1.6 tolerance rule. No transaction runs, so even a charge point that wrongly accepts it stops nothing.',
}, async ({ csms, step }) => {
  const link = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  await step(2, 'Send RemoteStopTransaction.req with `transactionId: null`; the charge point answers CALLERROR TypeConstraintViolation', () =>
    link.callExpectingError('RemoteStopTransaction', {
      payload: { transactionId: null },
      exact: ['TypeConstraintViolation'],
      requirement: 'OCPP-J 1.6 §4.2.3, errata §3.3: a CALL with null where the schema wants an integer is refused with CALLERROR TypeConstraintViolation',
    }));
});
