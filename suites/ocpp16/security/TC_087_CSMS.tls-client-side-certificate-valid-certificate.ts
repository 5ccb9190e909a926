import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_087_CSMS',
  title: 'TLS - Client-side certificate - valid certificate',
  ocpp: '1.6',
  profile: 'Security',
  securityProfiles: [3],
  sut: 'Csms',
  octt: { table: 191, follows: '2024-04' },
  purpose: 'The CSMS takes the client certificate of the charge point in the TLS handshake (TLS 1.2 or above, each of the four cipher suites of the whitepaper), upgrades the secured connection and accepts the boot.',
  refs: ['Security Whitepaper ed. 3 §2.4 (A00.FR.301–324), §2.5 (A00.FR.401–428)', '§2.6 Certificate properties (A00.FR.501–511)'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 191; ours: "at least these cipher suites must be supported" is judged with one TLS 1.2 handshake per suite offering only that one (tls.csmsServer), the server certificate on each of them.',
}, async (t) => {
  const { cp, step } = t;
  await step(1, 'The charge point (the connection closed first) makes the TLS handshake with its client certificate; the CSMS completes it (steps 1–4)', () => cp.reconnect());
  await step(3, 'The CSMS supports each of the four cipher suites with TLS 1.2 or above; its server certificate has a sufficient key, a serial number and CN = the host (step 3 validations)', async () => {
    await cp.security.probeCipherSuites();
  });
  await step(5, 'The upgraded connection: BootNotification and StatusNotification for connector 0 and every connector; the CSMS answers (steps 5–10)', () => cp.booted());
});
