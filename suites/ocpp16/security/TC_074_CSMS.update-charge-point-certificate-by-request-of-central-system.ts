import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet, Inconclusive } from '../../../harness/dsl/errors.js';
import { triggeredCsr } from './security-csms-steps.js';

export default defineCase({
  id: 'TC_074_CSMS',
  title: 'Update Charge Point Certificate by request of Central System',
  ocpp: '1.6',
  profile: 'Security',
  securityProfiles: [3],
  sut: 'Csms',
  octt: { table: 180, follows: '2024-04' },
  purpose: 'The CSMS has the charge point renew its certificate: ExtendedTriggerMessage SignChargePointCertificate, SignCertificate Accepted, CertificateSigned with the signed certificate, and it admits the charge point presenting the new certificate.',
  refs: ['Security Whitepaper ed. 3 §3.1 A02 Update Charge Point Certificate by request of Central System', '§5.5 ExtendedTriggerMessage', '§5.14 SignCertificate', '§5.1 CertificateSigned', '§2.5 (A00.FR.401–407)'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 180; ours: the harness checks the returned certificate (its key is the CSR\'s, issued by a CentralSystemRootCertificate it trusts) before it accepts it, the reconnection with the new certificate is judged as security.refusal (must be accepted), and later cases present the configured certificate again.',
  deviations: [{
    what: 'Step 8 (ours): the charge point reconnects with its configured certificate again',
    why: 'the document\'s §1.3: a case restores what it changed; the CSMS must still admit the certificate it was configured with',
    source: 'OCTT 1.6 TCD 2024-04 §1.3',
  }],
  actions: ['ExtendedTriggerMessage'],
}, async (t) => {
  const { cp, step } = t;
  const link = await cp.booted();
  await triggeredCsr(t, link, 180);

  await step(5, 'The CSMS signs the certificate and sends CertificateSigned; the charge point verifies and accepts it (steps 5–6)', async () => {
    const call = await link.expectCall('CertificateSigned', {
      requirement: 'Security Whitepaper ed. 3 A02.FR.06: after an accepted SignCertificate.req the Central System sends CertificateSigned.req with the signed certificate',
    });
    const answer = await link.answerOf(call);
    if (answer.status !== 'Accepted') throw new Inconclusive(`the harness could not accept the certificate the CSMS signed: ${cp.security.memory.lastRejection ?? 'rejected'} (security.ca must be the CA that signs charge point certificates)`);
  });

  await step(7, 'The charge point disconnects and reconnects with the new certificate; the CSMS admits it', async () => {
    const signed = cp.security.memory.signed!;
    await link.close(1000, 'reconnecting with the new certificate');
    const renewed = { cert: signed.certificate, key: signed.keyPem };
    const dialled = await cp.security.dialOnce({ clientCertificate: renewed, verdict: {
      expect: 'accepted', why: 'the client certificate is the one the CSMS itself had signed',
      requirement: 'OCTT Table 180 step 7; Security Whitepaper ed. 3 A02.FR.08, A00.FR.401–406: the charge point connects with its new certificate', level: 'MUST',
    } });
    if (!dialled.accepted) throw new ExpectationUnmet(`the CSMS refused the certificate it signed: ${dialled.detail}`);
    cp.security.useClientCertificate(renewed);
    await cp.reconnect();
  });

  await step(8, 'Ours: the charge point reconnects with its configured certificate', async () => {
    cp.security.useClientCertificate();
    await cp.reconnect();
  });
});
