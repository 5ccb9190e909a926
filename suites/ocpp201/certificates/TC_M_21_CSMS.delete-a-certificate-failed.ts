import { defineCase } from '../../../harness/dsl/define-case.js';
import { hashDataIn } from '../../../harness/security/certificate-hash.js';
import { certificateInstalled, certificateTypeMatcher, configuredCertificate, installedIdsRequested } from './csms-certificates-steps.js';

const TABLE = 'Part 6 TC_M_21_CSMS (Table 642)';

export default defineCase({
  id: 'TC_M_21_CSMS',
  title: 'Delete a certificate from a Charging Station - Failed',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'M04 Delete a specific certificate from a Charging Station', requirements: ['M04.FR.01', 'M04.FR.07'] },
  purpose: 'The CSMS lists the station\'s CSMS roots and sends DeleteCertificate for the installed one with the reported hash data; the station answers Failed.',
  refs: ['OCPP 2.0.1 Part 2 M04.FR.03, FR.07', 'OCPP 2.0.1 Part 2 M03, M05', 'OCPP 2.0.1 Part 6 Table 709'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_21_CSMS; ours: the reusable state CertificateInstalled installs the configured CSMS root (the run\'s PKI, security.ca, or a root made for the run); the operator\'s requests are made through SUT control — GetInstalledCertificateIds for CSMSRootCertificate, then DeleteCertificate of that root; the station reports SHA256 hash data and answers the deletion Failed.',
  actions: ['InstallCertificate', 'GetInstalledCertificateIds', 'DeleteCertificate'],
}, async (t) => {
  const link = await t.cp.booted();
  const certificate = await configuredCertificate(t, 'CSMSRootCertificate');
  await certificateInstalled(t, link, { step: 0, use: 'CSMSRootCertificate', certificate, table: `${TABLE} reusable state` });
  link.handle('DeleteCertificate', () => ({ status: 'Failed' }));
  await installedIdsRequested(t, link, {
    step: 1, title: 'The CSMS is asked to delete the certificate and sends GetInstalledCertificateIdsRequest; the station lists its CSMS roots in SHA256 (step 2)',
    types: ['CSMSRootCertificate'],
    check: (p) => certificateTypeMatcher(p, 'CSMSRootCertificate', { orOmitted: true }),
    requirement: `${TABLE} step 1: certificateType contains CSMSRootCertificate or is omitted`,
  });
  const reported = hashDataIn(certificate, 'SHA256');
  await t.step(3, 'The CSMS sends DeleteCertificateRequest with the reported hash data; the station answers Failed (step 4)', async () => {
    await t.sut.do('DeleteCertificate', { certificateHashData: reported });
    const call = await link.expectCall('DeleteCertificate', {
      match: {
        'certificateHashData.hashAlgorithm': reported.hashAlgorithm,
        'certificateHashData.issuerNameHash': reported.issuerNameHash,
        'certificateHashData.issuerKeyHash': reported.issuerKeyHash,
        'certificateHashData.serialNumber': reported.serialNumber,
      },
      requirement: `${TABLE} step 3; Part 2 M04.FR.07: certificateData is the one returned at step 2`,
    });
    await call.replied;
  });
});
