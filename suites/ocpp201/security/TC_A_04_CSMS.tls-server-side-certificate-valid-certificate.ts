import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_A_04_CSMS',
  title: 'TLS - server-side certificate - Valid certificate',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  securityProfiles: [2, 3],
  part6: { useCase: 'A00 Security profiles', requirements: ['A00.FR.306', 'A00.FR.307', 'A00.FR.312', 'A00.FR.318', 'A00.FR.321', 'A00.FR.502', 'A00.FR.503', 'A00.FR.507', 'A00.FR.508', 'A00.FR.510'] },
  purpose: 'At security profile 2 or 3 the CSMS identifies itself with a valid server certificate over TLS 1.2 or above, supports each of the four cipher suites of Part 2, upgrades the secured connection and accepts the boot.',
  refs: ['OCPP 2.0.1 Part 2 A00.FR.306, FR.307, FR.312, FR.318, FR.321', 'OCPP 2.0.1 Part 2 A00.FR.502–510 (certificate properties)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_A_04_CSMS; ours: "at least these cipher suites must be supported" is judged with one TLS 1.2 handshake per suite offering only that one (tls.csmsServer), the server certificate judged on each.',
}, async ({ cp, step }) => {
  await step(1, 'The station closes its connection and makes the TLS handshake; the CSMS completes it and upgrades (steps 1–6)', () => cp.reconnect());
  await step(3, 'The CSMS supports each of the four cipher suites with TLS 1.2 or above; its server certificate has a sufficient key, a serial number and CN = the host (step 3 validations)', async () => {
    await cp.security.probeCipherSuites();
  });
  await step(7, 'BootNotification (step 8: Accepted) and the state of every connector; the CSMS answers (steps 7–10)', async () => {
    const link = await cp.connection();
    link.link.state.bootStatus = undefined;
    await cp.booted();
  });
});
