import { defineCase } from '../../../harness/dsl/define-case.js';
import { certificateInstalled, configuredCertificate } from './csms-certificates-steps.js';

export default defineCase({
  id: 'TC_M_02_CSMS',
  title: 'Install CA certificate - ManufacturerRootCertificate',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'M05 Install CA certificate in a Charging Station', requirements: ['M05.FR.01'] },
  purpose: 'Asked to install the configured ManufacturerRootCertificate, the CSMS sends InstallCertificateRequest with that type and certificate.',
  refs: ['OCPP 2.0.1 Part 2 M05', 'OCPP 2.0.1 Part 6 Table 709'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_02_CSMS; ours: the operator\'s request is made through SUT control; the configured certificate is the manufacturer root of the run\'s PKI (or a root made for the run); the certificate is compared as PEM whatever its line endings; the harness station keeps it and answers Accepted.',
  actions: ['InstallCertificate'],
}, async (t) => {
  const link = await t.cp.booted();
  const certificate = await configuredCertificate(t, 'ManufacturerRootCertificate');
  await certificateInstalled(t, link, { step: 1, use: 'ManufacturerRootCertificate', certificate, table: 'Part 6 TC_M_02_CSMS' });
});
