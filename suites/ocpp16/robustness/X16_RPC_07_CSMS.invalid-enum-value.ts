import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X16_RPC_07_CSMS',
  title: 'Request with a value outside its enumeration is refused',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'A StatusNotification.req with `status: "Resting"` (not a ChargePointStatus) is answered by the CSMS with CALLERROR PropertyConstraintViolation, not with a CALLRESULT.',
  refs: [
    'OCPP 1.6 §6.47 StatusNotification.req, §7.7 ChargePointStatus',
    'OCPP-J 1.6 §4.2.3 CallError, Table 7 (PropertyConstraintViolation); errata §3.3 (a failure to process the message SHALL be a CallError)',
  ],
  provenance: 'ours (not an OCTT case): the CSMS-side twin of a charger that accepted `Reset {"type":"Medium"}` (seen on real peers). A value outside the enumeration makes the CALL improper, so the CSMS refuses it with a CallError (OCPP-J 1.6 §4.2.3, errata §3.3 SHALL); PropertyConstraintViolation ("a field contains an invalid value") is the exact code, any other 1.6 code is judged by the one 1.6 tolerance rule. Connector 0 is used, so a CSMS that wrongly records it changes no connector a later case uses.',
}, async ({ cp, step }) => {
  const link = await step(1, 'The charge point is connected and its boot accepted', () => cp.booted());

  await step(2, 'Send StatusNotification.req for connector 0 with `status: "Resting"`; the CSMS answers CALLERROR PropertyConstraintViolation', () =>
    link.callExpectingError('StatusNotification', {
      payload: { connectorId: 0, errorCode: 'NoError', status: 'Resting', timestamp: new Date().toISOString() },
      exact: ['PropertyConstraintViolation'],
      requirement: 'OCPP-J 1.6 §4.2.3, errata §3.3, OCPP 1.6 §7.7: a StatusNotification with a status outside ChargePointStatus is refused with CALLERROR PropertyConstraintViolation',
    }));
});
