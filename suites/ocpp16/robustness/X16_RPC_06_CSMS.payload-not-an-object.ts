import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X16_RPC_06_CSMS',
  title: 'Request whose payload is not an object is refused',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'A Heartbeat CALL whose payload is the array `[]` instead of a JSON object is answered with CALLERROR FormationViolation carrying the CALL\'s message id, not with a CALLRESULT.',
  refs: [
    'OCPP-J 1.6 §4.2.1 Call, Table 4 (the payload is a JSON object)',
    'OCPP-J 1.6 §4.2.3 CallError, Table 7 (FormationViolation); errata §3.3 (a failure to process the message SHALL be a CallError)',
    'OCPP-J 1.6 §4.1.4 (the CALLERROR carries the CALL\'s message id)',
  ],
  provenance: 'ours (not an OCTT case), seen on real peers: a payload `[]` was answered as if it were `{}`. OCPP-J 1.6 §4.2.1 makes the payload a JSON object; a CALL that does not meet the requirements for a proper message is refused with a CallError (§4.2.3, errata §3.3 SHALL). FormationViolation ("not conform the PDU structure") is the exact code; any other 1.6 code is judged by the one 1.6 tolerance rule. Heartbeat is used because it changes nothing in the CSMS.',
}, async ({ cp, step }) => {
  const link = await step(1, 'The charge point is connected and its boot accepted', () => cp.booted());

  await step(2, 'Send a Heartbeat CALL whose payload is `[]`; the CSMS answers CALLERROR FormationViolation with the CALL\'s id', () =>
    link.callExpectingError('Heartbeat', {
      raw: (id) => JSON.stringify([2, id, 'Heartbeat', []]),
      exact: ['FormationViolation'],
      requirement: 'OCPP-J 1.6 §4.2.1, §4.2.3, errata §3.3: a CALL whose payload is not a JSON object is refused with a CALLERROR (FormationViolation)',
    }));
});
