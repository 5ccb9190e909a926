import { defineCase } from '../../../harness/dsl/define-case.js';
import { securityEvent, triggeredCsr } from './security-csms-steps.js';

export default defineCase({
  id: 'TC_077_CSMS',
  title: 'Invalid ChargePointCertificate Security Event',
  ocpp: '1.6',
  profile: 'Security',
  securityProfiles: [3],
  sut: 'Csms',
  octt: { table: 184, follows: '2024-04' },
  purpose: 'The CSMS renews the charge point certificate (ExtendedTriggerMessage, SignCertificate Accepted, CertificateSigned); the charge point rejects the certificate and reports InvalidChargePointCertificate, which the CSMS answers.',
  refs: ['Security Whitepaper ed. 3 §3.1 A02 (A02.FR.07/08)', '§5.16 SecurityEventNotification', '§8 Security events (InvalidChargePointCertificate)'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 184; ours: "the signed ChargePointCertificate" of step 5 is judged as a certificateChain being present (its validity does not matter: the tool rejects it whatever it is).',
  actions: ['ExtendedTriggerMessage'],
}, async (t) => {
  const { cp, step } = t;
  const link = await cp.booted();
  // Table 184: the charge point (the tool) rejects the certificate, whatever it is.
  link.handle('CertificateSigned', () => ({ status: 'Rejected' }));
  await triggeredCsr(t, link, 184);

  await step(5, 'The CSMS sends CertificateSigned with the signed certificate; the charge point rejects it (steps 5–6)', async () => {
    const call = await link.expectCall('CertificateSigned', {
      match: { certificateChain: { present: true } },
      requirement: 'OCTT Table 184 step 5: CertificateSigned.req carries the signed ChargePointCertificate (whitepaper A02.FR.06)',
    });
    await call.replied;
    cp.security.memory.pendingCsr = undefined;
  });

  await step(7, 'The charge point sends SecurityEventNotification InvalidChargePointCertificate; the CSMS answers (steps 7–8)', () =>
    securityEvent(link, 'InvalidChargePointCertificate', 'the certificate of CertificateSigned.req was rejected'));
});
