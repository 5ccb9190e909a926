import { defineCase } from '../../../harness/dsl/define-case.js';
import { certificateTypeMatcher, installedIdsRequested } from './csms-certificates-steps.js';

const TABLE = 'Part 6 TC_M_19_CSMS (Table 640)';

export default defineCase({
  id: 'TC_M_19_CSMS',
  title: 'Retrieve certificates from Charging Station - No matching certificate found',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'M03 Retrieve list of available certificates from a Charging Station', requirements: ['M03.FR.01', 'M03.FR.02'] },
  purpose: 'Asked for the station\'s ManufacturerRootCertificates, the CSMS sends GetInstalledCertificateIdsRequest for that type and takes the answer NotFound.',
  refs: ['OCPP 2.0.1 Part 2 M03.FR.01, FR.02'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_19_CSMS; ours: the operator\'s request is made through SUT control; "certificateType is ManufacturerRootCertificate" is read as the list [ManufacturerRootCertificate].',
  actions: ['GetInstalledCertificateIds'],
}, async (t) => {
  const link = await t.cp.booted();
  link.handle('GetInstalledCertificateIds', () => ({ status: 'NotFound' }));
  await installedIdsRequested(t, link, {
    step: 1, title: 'The CSMS is asked for the ManufacturerRootCertificates and sends GetInstalledCertificateIdsRequest; the station answers NotFound (step 2)',
    types: ['ManufacturerRootCertificate'],
    check: (p) => certificateTypeMatcher(p, 'ManufacturerRootCertificate', { exactly: true }),
    requirement: `${TABLE} step 1: certificateType is ManufacturerRootCertificate`,
  });
});
