import { defineCase } from '../../../harness/dsl/define-case.js';
import { certificateInstalled, getInstalledCertificates, manufacturerRoot, removeInstalled } from './certificates-steps.js';

const TABLE = 'Part 6 TC_M_02_CS (Table 313)';

export default defineCase({
  id: 'TC_M_02_CS',
  title: 'Install CA certificate - ManufacturerRootCertificate',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'M05 Install CA certificate in a Charging Station', requirements: ['M05.FR.01', 'M05.FR.02'] },
  purpose: 'The station installs a ManufacturerRootCertificate and then lists it in GetInstalledCertificateIds.',
  refs: ['OCPP 2.0.1 Part 2 M05.FR.01, FR.02', 'OCPP 2.0.1 Part 2 M03.FR.03, FR.04', 'OCPP 2.0.1 Part 6 Tables 438, 442'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_02_CS; ours: the certificate is the manufacturer root of the run\'s PKI (or one made for the case without a PKI), the hash data are computed by the harness, and a root the station did not have before is deleted again afterwards.',
  deviations: [
    { what: 'A manufacturer root the station did not have before is deleted again after the case (SHOULD)', why: 'Restores the station\'s store', source: 'OCPP 2.0.1 Part 2 M04.FR.02' },
  ],
}, async (t) => {
  const cp = await t.csms.booted();
  const root = await manufacturerRoot(t);
  const installed = await certificateInstalled(t, cp, { step: 1, type: 'ManufacturerRootCertificate', cert: root, table: TABLE });
  await getInstalledCertificates(t, cp, { step: 2, type: 'ManufacturerRootCertificate', expected: [root], table: TABLE });
  await removeInstalled(t, cp, [installed], { step: 3, table: TABLE });
});
