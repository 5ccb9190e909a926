import { defineCase } from '../../../harness/dsl/define-case.js';
import { MAY_DROP } from './robustness-steps.js';

export default defineCase({
  id: 'X201_RPC_04_CSMS',
  title: 'Request with an unknown extra property is refused',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'A HeartbeatRequest carrying a property the PDU does not define is answered with CALLERROR ProtocolError (or FormatViolation). Accepting it is only a SHOULD finding: Part 4 gives the receiver the right to reject such a message, not the duty.',
  refs: ['OCPP-J 2.0.1 §4.1.2 (the right to reject messages not conform the JSON schemas)', 'OCPP-J 2.0.1 §4.3 Table 8 (ProtocolError, FormatViolation)', 'OCPP 2.0.1 Part 3 schemas (additionalProperties false)'],
  provenance: 'ours (not a Part 6 case): the 2.0.1 schemas forbid undefined properties, and §4.1.2 gives the receiver the right to reject a message not conform them — a right, so a CALLRESULT is NON_STRICT; §4.1.7 does not name undefined properties. Table 8 describes the case as ProtocolError ("not conform the PDU structure") or FormatViolation ("syntactically incorrect"): both are exact; another Table 8 code is NON_STRICT, a code outside Table 8 FAILs; §4.2.3 lets the receiver drop it, so no answer is NON_STRICT. Heartbeat changes nothing in the CSMS.',
}, async ({ cp, step }) => {
  const link = await step(1, 'The station is connected and its boot accepted', () => cp.booted());
  await step(2, 'Send HeartbeatRequest with the extra property unexpectedProperty: true; the CSMS answers CALLERROR ProtocolError (or FormatViolation)', () =>
    link.callExpectingError('Heartbeat', {
      payload: { unexpectedProperty: true },
      exact: ['ProtocolError', 'FormatViolation'],
      level: 'SHOULD',
      requirement: 'OCPP-J 2.0.1 §4.1.2: the receiver has the right to reject a message not conform the JSON schema (an undefined property); Table 8: ProtocolError, not conform the PDU structure',
      mayDrop: MAY_DROP,
    }));
});
