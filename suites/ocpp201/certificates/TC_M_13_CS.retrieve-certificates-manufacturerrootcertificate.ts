import { defineCase } from '../../../harness/dsl/define-case.js';
import { certificateInstalled, getInstalledCertificates, manufacturerRoot, removeInstalled } from './certificates-steps.js';

const TABLE = 'Part 6 TC_M_13_CS (Table 321)';

export default defineCase({
  id: 'TC_M_13_CS',
  title: 'Retrieve certificates from Charging Station - ManufacturerRootCertificate',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'M03 Retrieve list of available certificates from a Charging Station', requirements: ['M03.FR.01', 'M03.FR.03', 'M03.FR.04'] },
  purpose: 'With a ManufacturerRootCertificate installed, GetInstalledCertificateIds for ManufacturerRootCertificate is Accepted and lists its hash data.',
  refs: ['OCPP 2.0.1 Part 2 M03.FR.01, FR.03, FR.04', 'OCPP 2.0.1 Part 2 M05.FR.02', 'OCPP 2.0.1 Part 6 Tables 438, 442'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_13_CS; ours: the memory state installs the manufacturer root of the run\'s PKI (or one made for the case without a PKI), the hash data are computed by the harness, and a root the station did not have before is deleted again afterwards.',
  deviations: [
    { what: 'A manufacturer root the station did not have before is deleted again after the case (SHOULD)', why: 'Restores the station\'s store', source: 'OCPP 2.0.1 Part 2 M04.FR.02' },
  ],
}, async (t) => {
  const cp = await t.csms.booted();
  const root = await manufacturerRoot(t);
  const installed = await certificateInstalled(t, cp, { step: 0, type: 'ManufacturerRootCertificate', cert: root, table: TABLE });
  await getInstalledCertificates(t, cp, { step: 1, type: 'ManufacturerRootCertificate', expected: [root], table: TABLE });
  await removeInstalled(t, cp, [installed], { step: 2, table: TABLE });
});
