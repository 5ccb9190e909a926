import { defineCase } from '../../../harness/dsl/define-case.js';
import { hashDataIn, type HashAlgorithm } from '../../../harness/security/certificate-hash.js';
import { certificateInstalled, certificateTypeMatcher, configuredCertificate, installedIdsRequested, storeOf } from './csms-certificates-steps.js';

const TABLE = 'Part 6 TC_M_20_CSMS (Table 641)';
const ALGORITHMS: HashAlgorithm[] = ['SHA256', 'SHA384', 'SHA512'];

export default defineCase({
  id: 'TC_M_20_CSMS',
  title: 'Delete a certificate from a Charging Station - Success',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'M04 Delete a specific certificate from a Charging Station', requirements: ['M04.FR.01', 'M04.FR.07'] },
  purpose: 'For each hash algorithm the station may report in (SHA256, SHA384, SHA512), the CSMS installs the configured CSMS root, lists the CSMS roots and deletes that one with the hash data exactly as the station reported it.',
  refs: ['OCPP 2.0.1 Part 2 M04.FR.07', 'OCPP 2.0.1 Part 2 M03, M05', 'OCPP 2.0.1 Part 6 Table 709'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_20_CSMS; ours: the operator\'s requests are made through SUT control — GetInstalledCertificateIds for CSMSRootCertificate, then DeleteCertificate of the configured root (as the 1.6 TC_076_CSMS does); the configured root is the run PKI\'s CSMS root (or security.ca, or a root made for the run); the harness station reports its store in the round\'s algorithm.',
  actions: ['InstallCertificate', 'GetInstalledCertificateIds', 'DeleteCertificate'],
}, async (t) => {
  const link = await t.cp.booted();
  const store = storeOf(t);
  const certificate = await configuredCertificate(t, 'CSMSRootCertificate');
  try {
    for (const alg of ALGORITHMS) {
      t.note(`round with hash algorithm ${alg} (steps 1–5 repeated)`);
      await certificateInstalled(t, link, { step: 1, use: 'CSMSRootCertificate', certificate, table: `${TABLE} step 1 (${alg} round)` });
      store.hashAlgorithm = alg;
      await installedIdsRequested(t, link, {
        step: 2, title: `The CSMS is asked to delete the certificate and sends GetInstalledCertificateIdsRequest; the station lists its CSMS roots in ${alg} (step 3)`,
        types: ['CSMSRootCertificate'],
        check: (p) => certificateTypeMatcher(p, 'CSMSRootCertificate', { orOmitted: true }),
        requirement: `${TABLE} step 2 (${alg} round): certificateType contains CSMSRootCertificate or is omitted`,
      });
      const reported = hashDataIn(certificate, alg);
      await t.step(4, `The CSMS sends DeleteCertificateRequest with the hash data the station reported in ${alg}; the station deletes it (step 5)`, async () => {
        await t.sut.do('DeleteCertificate', { certificateHashData: reported });
        const call = await link.expectCall('DeleteCertificate', {
          match: {
            'certificateHashData.hashAlgorithm': reported.hashAlgorithm,
            'certificateHashData.issuerNameHash': reported.issuerNameHash,
            'certificateHashData.issuerKeyHash': reported.issuerKeyHash,
            'certificateHashData.serialNumber': reported.serialNumber,
          },
          requirement: `${TABLE} step 4 (${alg} round); Part 2 M04.FR.07: certificateHashData is the one returned at step 3, in the algorithm the station used`,
        });
        await call.replied;
      });
    }
  } finally {
    store.hashAlgorithm = 'SHA256';
  }
});
