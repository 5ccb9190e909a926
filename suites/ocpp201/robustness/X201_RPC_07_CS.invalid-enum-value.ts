import { defineCase } from '../../../harness/dsl/define-case.js';
import { MAY_DROP } from './robustness-steps.js';

const HEARTBEAT_INTERVAL = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } };

export default defineCase({
  id: 'X201_RPC_07_CS',
  title: 'Request with a value outside its enumeration is refused, not executed',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  purpose: 'A ResetRequest with `type: "Medium"` (ResetEnumType is Immediate or OnIdle) is answered with CALLERROR PropertyConstraintViolation and the charging station does not reset: it stays connected and answers the next request.',
  refs: [
    'OCPP 2.0.1 Part 2 ResetRequest, ResetEnumType (Immediate, OnIdle)',
    'OCPP-J 2.0.1 §4.1.2 (the right to reject messages not conform the JSON schemas)',
    'OCPP-J 2.0.1 §4.3 Table 8 (PropertyConstraintViolation)',
  ],
  provenance: 'ours (not a Part 6 case), mirrors X16_RPC_07_CS: a value outside the enumeration makes the CALL not conform its schema, so the station refuses it (§4.1.2) with a CALLERROR; PropertyConstraintViolation ("a field contains an invalid value") is the exact code. Any other code is judged by the one 2.0.1 rule (harness/versions/ocpp201/error-codes.ts): another Table 8 code or a 1.6 spelling is NON_STRICT, a code outside Table 8 FAILs. OCPP-J 2.0.1 §4.2.3 lets the receiver drop such a CALL: no answer is a SHOULD finding (rpc.noResponse), never a FAIL. A refused or dropped Reset is not carried out: a station that reconnects afterwards is reported by connection.closed.',
}, async ({ csms, cfg, step, sleep }) => {
  const link = await step(1, 'The charging station is connected and its boot accepted', () => csms.booted());

  await step(2, 'Send Reset with `type: "Medium"`; the charging station answers CALLERROR PropertyConstraintViolation', () =>
    link.callExpectingError('Reset', {
      payload: { type: 'Medium' },
      exact: ['PropertyConstraintViolation'], mayDrop: MAY_DROP,
      requirement: 'OCPP-J 2.0.1 §4.1.2, §4.3 Table 8: a Reset with a type other than Immediate or OnIdle is refused with CALLERROR PropertyConstraintViolation',
    }));

  await step(3, 'Wait the response timeout; the charging station has not reset: still connected, it answers GetVariables', async () => {
    await sleep(cfg.timeouts.responseMs);
    return link.call('GetVariables', { getVariableData: [HEARTBEAT_INTERVAL] }, {
      expect: { 'getVariableResult.0.component.name': 'OCPPCommCtrlr' },
      requirement: 'OCPP-J 2.0.1 §4.1.2: a refused Reset is not carried out; the session goes on and a valid CALL is answered (OCPP 2.0.1 B06)',
    });
  });
});
