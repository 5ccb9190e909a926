import { defineCase } from '../../../harness/dsl/define-case.js';
import { expectBootedAgain } from '../provisioning/charging-station-steps.js';
import { resetAndReconnect } from './security-steps.js';

const TABLE = 'Part 6 TC_A_04_CS (Table 2)';

export default defineCase({
  id: 'TC_A_04_CS',
  title: 'TLS - server-side certificate - Valid certificate',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  securityProfiles: [2, 3],
  part6: { useCase: 'A00 Security profiles', requirements: ['A00.FR.309', 'A00.FR.312', 'A00.FR.313', 'A00.FR.319', 'A00.FR.321', 'A00.FR.412', 'A00.FR.422'] },
  purpose: 'At security profile 2 or 3 the station sets up TLS 1.2 or above to the harness\'s configured server certificate (a client certificate at profile 3, Basic auth at profile 2), upgrades, boots and reports every connector Available.',
  refs: ['OCPP 2.0.1 Part 2 A00.FR.309, FR.312, FR.313, FR.319, FR.321', 'OCPP 2.0.1 Part 2 A00.FR.412, FR.422'],
  provenance: 'OCPP 2.0.1 Part 6 TC_A_04_CS; ours: the state Booting is reached by a Reset Immediate; the step-2 validation is judged on the handshake the station made: TLS 1.2 or above with one of the four cipher suites Part 2 names (the only ones the harness offers), not each suite of a pair separately.',
}, async (t) => {
  const { csms, cfg } = t;
  const link = await t.step(1, 'After a reset: TLS handshake with the configured server certificate, then the (secured) upgrade (steps 1–6)', async () => {
    const link = await resetAndReconnect(t, TABLE, `${TABLE} steps 1–6; Part 2 A00.FR.312, A00.FR.309: the station verifies the configured server certificate and connects at security profile ${csms.security.profile}`);
    csms.security.expect({
      check: 'tls', conn: link.conn, identity: cfg.identity, clientCertificate: false, // the client certificate's properties are TC_A_07's; at profile 3 the harness admits only a valid one
      requirement: `${TABLE} step 2 tool validation; Part 2 A00.FR.313, A00.FR.321: TLS 1.2 or above with one of the cipher suites of A00.FR.321`,
    });
    return link;
  });
  await t.step(7, 'BootNotification accepted; every connector reported Available (steps 7–10)', () => expectBootedAgain(t, link, TABLE, 7));
});
