import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X16_RPC_01_CS',
  title: 'Unknown action is refused with NotImplemented',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'A CALL whose action does not exist in OCPP 1.6 is answered with a CALLERROR NotImplemented, not with a CALLRESULT.',
  refs: ['OCPP-J 1.6 §4.2.1 Call (Action)', 'OCPP-J 1.6 §4.2.3 CallError, Table 7 (NotImplemented, NotSupported)'],
  provenance: 'ours (not an OCTT case): derived from OCPP-J 1.6 §4.2.3 — a received CALL that cannot be handled is answered with CALLERROR, and Table 7 names NotImplemented for an action the receiver does not know. Any other 1.6 code is judged by the one 1.6 tolerance rule (harness/schema/error-codes.ts): NotSupported ("recognized but not supported", and the errata\'s own CallError example, §3.9) is NON_STRICT, a code that is no 1.6 code FAILs.',
}, async ({ csms, step }) => {
  const link = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  await step(2, 'Send a CALL with the action "FrobnicateWidget" (not an OCPP 1.6 action) and an empty payload; the charge point answers CALLERROR NotImplemented', () =>
    link.callExpectingError('FrobnicateWidget', {
      payload: {},
      exact: ['NotImplemented'],
      requirement: 'OCPP-J 1.6 §4.2.3, Table 7: a CALL for an action the receiver does not know is answered with CALLERROR NotImplemented',
    }));
});
