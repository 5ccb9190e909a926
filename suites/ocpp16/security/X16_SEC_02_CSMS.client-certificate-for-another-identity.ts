import { defineCase } from '../../../harness/dsl/define-case.js';
import { pkiCertificateWithKey } from './security-csms-steps.js';

const REQUIREMENT = 'Security Whitepaper ed. 3 A00.FR.405, A00.FR.407: the Central System SHALL verify that the certificate belongs to this charge point (CN = its serial number) and SHALL terminate the connection otherwise';

export default defineCase({
  id: 'X16_SEC_02_CSMS',
  title: 'TLS - client certificate for another charge point is refused',
  ocpp: '1.6',
  profile: 'Security',
  securityProfiles: [3],
  sut: 'Csms',
  purpose: 'At security profile 3 the CSMS refuses a charge point that presents a certificate from the CPO root for another identity: the TLS handshake fails, or the upgrade is answered 401/403.',
  refs: ['Security Whitepaper ed. 3 §2.5 (A00.FR.405, A00.FR.407)'],
  provenance: 'ours (not an OCTT case): a negative case our users asked for; the certificate is the run PKI\'s bad-client-other-identity (trusted issuer, CN = another identity).',
  deviations: [{ what: 'The whole case: a dial with another charge point\'s certificate must be refused (security.refusal, MUST)', why: 'no OCTT table tests the CSMS with a certificate of another charge point', source: REQUIREMENT }],
}, async (t) => {
  const certificate = await pkiCertificateWithKey(t.cfg, 'bad-client-other-identity');
  if (!certificate) t.notApplicable('needs a PKI directory (security.pkiDir) for the certificate of another identity');
  await t.step(1, 'The charge point dials with a trusted certificate for another identity; the CSMS refuses it', async () => {
    // Judged from the trace (security.refusal); the case has nothing more to do either way.
    await t.cp.security.dialOnce({ clientCertificate: certificate!, verdict: { expect: 'refused', why: 'the client certificate names another charge point', requirement: REQUIREMENT, level: 'MUST' } });
  });
});
