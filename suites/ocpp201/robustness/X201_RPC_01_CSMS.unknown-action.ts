import { defineCase } from '../../../harness/dsl/define-case.js';
import { INVALID_SHALL_ERROR, MAY_DROP } from './robustness-steps.js';

export default defineCase({
  id: 'X201_RPC_01_CSMS',
  title: 'Unknown action is refused with NotImplemented',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'A CALL whose action OCPP 2.0.1 does not have is answered by the CSMS with CALLERROR NotImplemented, not with a CALLRESULT.',
  refs: ['OCPP-J 2.0.1 §4.1.7 Message Validity', 'OCPP-J 2.0.1 §4.2.3 CALLERROR', 'OCPP-J 2.0.1 §4.3 Table 8 (NotImplemented)'],
  provenance: 'ours (not a Part 6 case): OCPP-J 2.0.1 §4.1.7 — a message is valid only when its action is known, and an invalid one SHALL get a CALLERROR (a CALLRESULT FAILs); Table 8 names NotImplemented for an action the receiver does not know; any other Table 8 code is NON_STRICT by the 2.0.1 rule, a code outside Table 8 FAILs; §4.2.3 lets the receiver drop invalid OCPP, so no answer is NON_STRICT.',
}, async ({ cp, step }) => {
  const link = await step(1, 'The station is connected and its boot accepted', () => cp.booted());
  await step(2, 'Send a CALL with the action "FrobnicateWidget" (no OCPP 2.0.1 action) and an empty payload; the CSMS answers CALLERROR NotImplemented', () =>
    link.callExpectingError('FrobnicateWidget', {
      payload: {},
      exact: ['NotImplemented'],
      requirement: `${INVALID_SHALL_ERROR}; Table 8: NotImplemented for an action the receiver does not know`,
      mayDrop: MAY_DROP,
    }));
});
