import { defineCase } from '../../../harness/dsl/define-case.js';

const REQUIREMENT = 'Security Whitepaper ed. 3 A00.FR.001/002: one security profile at a time; a charge point that connects with another profile than the Central System uses SHALL be rejected';

export default defineCase({
  id: 'X16_SEC_03_CSMS',
  title: 'Downgrade - plain ws:// at a TLS security profile is refused',
  ocpp: '1.6',
  profile: 'Security',
  securityProfiles: [2, 3],
  sut: 'Csms',
  purpose: 'At security profile 2 or 3 the CSMS does not upgrade a plain ws:// connection to its endpoint (same host and port): the attempt fails or is answered with an HTTP error.',
  refs: ['Security Whitepaper ed. 3 §2.2 (A00.FR.001, A00.FR.002)'],
  provenance: 'ours (not an OCTT case): a negative case our users asked for; the harness dials the same URL with ws:// instead of wss:// and the Basic credentials of the run, if any.',
  deviations: [{ what: 'The whole case: a plain ws:// dial must be refused (security.refusal, MUST)', why: 'no OCTT table tests a downgrade with the CSMS under test', source: REQUIREMENT }],
}, async (t) => {
  await t.step(1, 'The charge point dials the CSMS endpoint with plain ws://; the CSMS refuses it', async () => {
    // Judged from the trace (security.refusal); the case has nothing more to do either way.
    await t.cp.security.dialOnce({ url: t.cp.security.plainUrl, verdict: { expect: 'refused', why: 'plain ws:// to a CSMS at a TLS security profile', requirement: REQUIREMENT, level: 'MUST' } });
  });
});
