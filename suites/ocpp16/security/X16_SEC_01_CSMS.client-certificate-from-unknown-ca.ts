import { defineCase } from '../../../harness/dsl/define-case.js';
import { pkiCertificateWithKey } from './security-csms-steps.js';

const REQUIREMENT = 'Security Whitepaper ed. 3 A00.FR.403, A00.FR.407: the Central System SHALL verify the certification path of the charge point certificate and SHALL terminate the connection when it is invalid';

export default defineCase({
  id: 'X16_SEC_01_CSMS',
  title: 'TLS - client certificate from an unknown CA is refused',
  ocpp: '1.6',
  profile: 'Security',
  securityProfiles: [3],
  sut: 'Csms',
  purpose: 'At security profile 3 the CSMS refuses a charge point that presents a certificate for its identity issued by a CA the CSMS does not trust: the TLS handshake fails, or the upgrade is answered 401/403.',
  refs: ['Security Whitepaper ed. 3 §2.5 (A00.FR.403, A00.FR.407)'],
  provenance: 'ours (not an OCTT case): a negative case our users asked for; the certificate is the run PKI\'s bad-client-unknown-ca (CN = the identity, issued by a root nobody trusts).',
  deviations: [{ what: 'The whole case: a dial with an untrusted client certificate must be refused (security.refusal, MUST)', why: 'no OCTT table tests the CSMS with a bad client certificate', source: REQUIREMENT }],
}, async (t) => {
  const certificate = await pkiCertificateWithKey(t.cfg, 'bad-client-unknown-ca');
  if (!certificate) t.notApplicable('needs a PKI directory (security.pkiDir) for the certificate from an unknown CA');
  await t.step(1, 'The charge point dials with a certificate for its identity from an unknown CA; the CSMS refuses it', async () => {
    // Judged from the trace (security.refusal); the case has nothing more to do either way.
    await t.cp.security.dialOnce({ clientCertificate: certificate!, verdict: { expect: 'refused', why: 'the client certificate is issued by a CA the CSMS does not trust', requirement: REQUIREMENT, level: 'MUST' } });
  });
});
