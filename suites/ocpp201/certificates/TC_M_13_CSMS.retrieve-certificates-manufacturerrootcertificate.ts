import { defineCase } from '../../../harness/dsl/define-case.js';
import { certificateTypeMatcher, configuredCertificate, installedAnswer, installedIdsRequested } from './csms-certificates-steps.js';

const TABLE = 'Part 6 TC_M_13_CSMS (Table 634)';

export default defineCase({
  id: 'TC_M_13_CSMS',
  title: 'Retrieve certificates from Charging Station - ManufacturerRootCertificate',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'M03 Retrieve list of available certificates from a Charging Station', requirements: ['M03.FR.01'] },
  purpose: 'Asked for the station\'s ManufacturerRootCertificates, the CSMS sends GetInstalledCertificateIdsRequest with certificateType ManufacturerRootCertificate.',
  refs: ['OCPP 2.0.1 Part 2 M03', 'OCPP 2.0.1 Part 6 Table 708'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_13_CSMS; ours: the operator\'s request is made through SUT control; "must be <Specified certificateType>" is read as the list [ManufacturerRootCertificate]; the station answers with the SHA256 hash data of the configured manufacturer root.',
  actions: ['GetInstalledCertificateIds'],
}, async (t) => {
  const link = await t.cp.booted();
  const pem = await configuredCertificate(t, 'ManufacturerRootCertificate');
  link.handle('GetInstalledCertificateIds', () => installedAnswer([{ use: 'ManufacturerRootCertificate', pem }]));
  await installedIdsRequested(t, link, {
    step: 1, title: 'The CSMS is asked for the ManufacturerRootCertificates and sends GetInstalledCertificateIdsRequest; the station lists the configured one (step 2)',
    types: ['ManufacturerRootCertificate'],
    check: (p) => certificateTypeMatcher(p, 'ManufacturerRootCertificate', { exactly: true }),
    requirement: `${TABLE} step 1 (Table 708): certificateType must be ManufacturerRootCertificate`,
  });
});
