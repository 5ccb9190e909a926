import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_085_CSMS',
  title: 'Basic Authentication - Valid username/password combination',
  ocpp: '1.6',
  profile: 'Security',
  securityProfiles: [1, 2],
  sut: 'Csms',
  octt: { table: 189, follows: '2024-04' },
  purpose: 'The CSMS admits a charge point that sends its identity and the configured password with HTTP Basic authentication, and accepts its boot.',
  refs: ['Security Whitepaper ed. 3 §2.3 (A00.FR.202–205), §2.4 (A00.FR.301–304)', 'OCPP-J 1.6 §3'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 189; ours: the boot is the reusable state Booted, so the BootNotification must be Accepted.',
}, async (t) => {
  const { cp, step } = t;
  await step(1, 'The charge point (the connection closed first) sends the upgrade request with Basic authentication; the CSMS upgrades it (steps 1–2)', () => cp.reconnect());
  await step(3, 'BootNotification, then StatusNotification for connector 0 and every connector; the CSMS answers (steps 3–6)', () => cp.booted());
});
