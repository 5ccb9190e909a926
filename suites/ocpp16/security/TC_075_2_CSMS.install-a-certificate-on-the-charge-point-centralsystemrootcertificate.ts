import { defineCase } from '../../../harness/dsl/define-case.js';
import { installAndList } from './security-csms-steps.js';

export default defineCase({
  id: 'TC_075_2_CSMS',
  title: 'Install a certificate on the Charge Point - CentralSystemRootCertificate',
  ocpp: '1.6',
  profile: 'Security',
  securityProfiles: [2, 3],
  sut: 'Csms',
  octt: { table: 182, follows: '2024-04' },
  purpose: 'The CSMS installs a new CentralSystemRootCertificate on the charge point with InstallCertificate and lists the installed ones of that type with GetInstalledCertificateIds.',
  refs: ['Security Whitepaper ed. 3 §3.3 Install CA certificate in a Charge Point', '§5.8 InstallCertificate', '§5.7 GetInstalledCertificateIds'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 182; ours: the configured root certificate is the run PKI\'s CPO root (asked of the CSMS through SUT control), and the harness charge point keeps what it installs and answers GetInstalledCertificateIds with its SHA-256 hash data.',
  actions: ['InstallCertificate', 'GetInstalledCertificateIds'],
}, async (t) => {
  await installAndList(t, 182, 'CentralSystemRootCertificate');
});
