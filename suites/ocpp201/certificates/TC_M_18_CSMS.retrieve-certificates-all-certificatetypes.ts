import { defineCase } from '../../../harness/dsl/define-case.js';
import { configuredCertificate, installedAnswer, installedIdsRequested, storeOf } from './csms-certificates-steps.js';

const TABLE = 'Part 6 TC_M_18_CSMS (Table 639)';

export default defineCase({
  id: 'TC_M_18_CSMS',
  title: 'Retrieve certificates from Charging Station - All certificateTypes',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'M03 Retrieve list of available certificates from a Charging Station', requirements: ['M03.FR.01'] },
  purpose: 'Asked for all the station\'s certificates, the CSMS sends GetInstalledCertificateIdsRequest without certificateType.',
  refs: ['OCPP 2.0.1 Part 2 M03'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_18_CSMS; ours: the operator\'s request is made through SUT control; the station\'s "truststore" is the configured CSMS and manufacturer roots plus whatever the CSMS installed in the harness station before, listed with SHA256 hash data.',
  actions: ['GetInstalledCertificateIds'],
}, async (t) => {
  const link = await t.cp.booted();
  const store = storeOf(t);
  const configured = [
    { use: 'CSMSRootCertificate', pem: await configuredCertificate(t, 'CSMSRootCertificate') },
    { use: 'ManufacturerRootCertificate', pem: await configuredCertificate(t, 'ManufacturerRootCertificate') },
  ];
  link.handle('GetInstalledCertificateIds', () => {
    const installed = store.certificates.map((c) => ({ use: c.certificateType, pem: c.pem }));
    const missing = configured.filter((c) => !installed.some((i) => i.use === c.use && i.pem.trim() === c.pem.trim()));
    return installedAnswer([...installed, ...missing]);
  });
  await installedIdsRequested(t, link, {
    step: 1, title: 'The CSMS is asked for all installed certificates and sends GetInstalledCertificateIdsRequest; the station lists its truststore (step 2)',
    check: () => ({ certificateType: { present: false } }),
    requirement: `${TABLE} step 1: certificateType is omitted`,
  });
});
