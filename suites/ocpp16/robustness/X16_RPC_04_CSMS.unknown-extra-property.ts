import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'X16_RPC_04_CSMS',
  title: 'Request with an unknown extra property is refused',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'A Heartbeat.req that carries a property the PDU does not define (`unexpectedProperty`) is answered by the CSMS with a CALLERROR (FormationViolation), not with a CALLRESULT. OCPP-J 1.6 names no error code for an undefined property; FormationViolation is the exact reading because Table 7 defines it as a payload "not conform the PDU structure", and a property the PDU does not have is exactly that, whereas the other codes speak of a defined field with a bad value, occurrence or type.',
  refs: [
    'OCPP-J 1.6 §4.2.3 CallError, Table 7 (FormationViolation)',
    'OCPP-J 1.6 errata §3.2 (extra fields are not allowed in OCPP messages)',
    'OCPP-J 1.6 errata §5.2 (FormationViolation stays the 1.6 name)',
    'OCPP 1.6 §6.29 Heartbeat.req',
  ],
  provenance: 'ours (not an OCTT case): derived from OCPP-J 1.6 §4.2.3 and errata §3.2 — adding fields to an OCPP message is not allowed and the schemas forbid additional properties, so the receiver refuses the CALL. OCPP-J 1.6 names no code for an undefined property: FormationViolation ("not conform the PDU structure") is taken as the exact code; any other 1.6 code (PropertyConstraintViolation, TypeConstraintViolation, …) or the later spelling FormatViolation is NON_STRICT under the one 1.6 tolerance rule, a code that is no 1.6 code FAILs. Heartbeat is used because it changes nothing in the CSMS.',
}, async ({ cp, step }) => {
  const link = await step(1, 'The charge point is connected and its boot accepted', () => cp.booted());

  await step(2, 'Send Heartbeat.req with the extra property `unexpectedProperty: true`; the CSMS answers CALLERROR FormationViolation', () =>
    link.callExpectingError('Heartbeat', {
      payload: { unexpectedProperty: true },
      exact: ['FormationViolation'],
      requirement: 'OCPP-J 1.6 §4.2.3 Table 7, errata §3.2: a CALL whose payload has a property the PDU does not define does not conform the PDU structure and is answered with CALLERROR FormationViolation',
    }));
});
