import { defineCase } from '../../../harness/dsl/define-case.js';
import { certificateInstalled, configuredCertificate } from './csms-certificates-steps.js';

export default defineCase({
  id: 'TC_M_05_CSMS',
  title: 'Install CA certificate - Failed',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'M05 Install CA certificate in a Charging Station', requirements: ['M05.FR.01', 'M05.FR.03'] },
  purpose: 'Asked to install a CSMSRootCertificate, the CSMS sends InstallCertificateRequest and takes the station\'s answer Failed.',
  refs: ['OCPP 2.0.1 Part 2 M05.FR.01, FR.03'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_05_CSMS; ours: the operator\'s request is made through SUT control with the configured CSMS root (the run\'s PKI, security.ca, or a root made for the run); the table lists no tool validation, so only the request\'s arrival is judged at MUST.',
  deviations: [{
    what: 'Step 1: the InstallCertificateRequest carries certificateType CSMSRootCertificate and the configured certificate (SHOULD)',
    why: 'The table\'s manual action asks for it but it lists no tool validation',
    source: 'OCPP 2.0.1 Part 6 TC_M_05_CSMS manual action',
  }],
  actions: ['InstallCertificate'],
}, async (t) => {
  const link = await t.cp.booted();
  const certificate = await configuredCertificate(t, 'CSMSRootCertificate');
  link.handle('InstallCertificate', () => ({ status: 'Failed' }));
  await certificateInstalled(t, link, { step: 1, use: 'CSMSRootCertificate', certificate, table: 'Part 6 TC_M_05_CSMS (step 2: the station answers Failed)', typeLevel: 'SHOULD' });
});
