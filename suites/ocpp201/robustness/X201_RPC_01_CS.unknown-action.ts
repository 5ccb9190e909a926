import { defineCase } from '../../../harness/dsl/define-case.js';
import { MAY_DROP } from './robustness-steps.js';

export default defineCase({
  id: 'X201_RPC_01_CS',
  title: 'Unknown action is refused with NotImplemented',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'A CALL whose action does not exist in OCPP 2.0.1 is answered with a CALLERROR NotImplemented, not with a CALLRESULT.',
  refs: [
    'OCPP-J 2.0.1 §4.1.7 Message Validity (Action is a known Action)',
    'OCPP-J 2.0.1 §4.3 Table 8 (NotImplemented)',
  ],
  provenance: 'ours (not a Part 6 case), mirrors X16_RPC_01_CS: derived from OCPP-J 2.0.1 §4.1.7 (a message whose action is unknown is not valid and is answered with a CALLERROR) and Table 8, which names NotImplemented for an action the receiver does not know. Any other code is judged by the one 2.0.1 rule (harness/versions/ocpp201/error-codes.ts): another Table 8 code or a 1.6 spelling is NON_STRICT, a code outside Table 8 FAILs. OCPP-J 2.0.1 §4.2.3 lets the receiver drop a CALL that is not valid OCPP or not conform the schema: no answer is a SHOULD finding (rpc.noResponse), never a FAIL.',
}, async ({ csms, step }) => {
  const link = await step(1, 'The charging station is connected and its boot accepted', () => csms.booted());

  await step(2, 'Send a CALL with the action "FrobnicateWidget" (not an OCPP 2.0.1 action) and an empty payload; the charging station answers CALLERROR NotImplemented', () =>
    link.callExpectingError('FrobnicateWidget', {
      payload: {},
      exact: ['NotImplemented'], mayDrop: MAY_DROP,
      requirement: 'OCPP-J 2.0.1 §4.1.7, §4.3 Table 8: a CALL for an action the receiver does not know is answered with CALLERROR NotImplemented',
    }));
});
