import { defineCase } from '../../../harness/dsl/define-case.js';
import { configuredRoot, securityEvent } from './security-csms-steps.js';

export default defineCase({
  id: 'TC_078_CSMS',
  title: 'Invalid CentralSystemCertificate Security Event',
  ocpp: '1.6',
  profile: 'Security',
  securityProfiles: [2, 3],
  sut: 'Csms',
  octt: { table: 185, follows: '2024-04' },
  purpose: 'The CSMS installs a CentralSystemRootCertificate; the charge point rejects it and reports InvalidCentralSystemCertificate, which the CSMS answers.',
  refs: ['Security Whitepaper ed. 3 §3.3 Install CA certificate in a Charge Point', '§5.8 InstallCertificate', '§5.16 SecurityEventNotification', '§8 Security events (InvalidCentralSystemCertificate)'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 185; ours: the configured certificate is the run PKI\'s CPO root (asked of the CSMS through SUT control); the harness rejects it whatever it is, as the table\'s note says the OCTT does.',
  actions: ['InstallCertificate'],
}, async (t) => {
  const { cp, sut, step } = t;
  const link = await cp.booted();
  const certificate = await configuredRoot(t, 'CentralSystemRootCertificate');
  link.handle('InstallCertificate', () => ({ status: 'Rejected' }));

  await step(1, 'The CSMS sends InstallCertificate with a CentralSystemRootCertificate; the charge point rejects it (steps 1–2)', async () => {
    await sut.do('InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate });
    const call = await link.expectCall('InstallCertificate', {
      match: { certificateType: 'CentralSystemRootCertificate', certificate },
      requirement: 'OCTT Table 185 step 1: certificateType is CentralSystemRootCertificate, certificate is the configured certificate (whitepaper §5.8)',
    });
    await call.replied;
  });

  await step(3, 'The charge point sends SecurityEventNotification InvalidCentralSystemCertificate; the CSMS answers (steps 3–4)', () =>
    securityEvent(link, 'InvalidCentralSystemCertificate', 'the certificate of InstallCertificate.req was rejected'));
});
