import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootAndStatuses, resetAndReconnect, WHITEPAPER } from './security-cs-steps.js';

export default defineCase({
  id: 'TC_086_CS',
  title: 'TLS - server-side certificate - Valid certificate',
  ocpp: '1.6', profile: 'Security', sut: 'ChargePoint',
  octt: { table: 101, follows: '2024-04' },
  securityProfiles: [2, 3],
  purpose: 'After a reset the charge point sets up TLS 1.2+ with a whitepaper cipher suite to the harness\'s server certificate (a client certificate at profile 3, Basic auth at profile 2), then boots and reports its connectors.',
  refs: [`${WHITEPAPER} §2.4 Security profile 2 (A00.FR.305–318)`, `${WHITEPAPER} §2.5 Security profile 3`],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 101; ours: the reset is a Reset Hard; the TLS facts are the harness\'s side of the handshake (the suite negotiated from the whitepaper\'s four, the only ones the harness offers).',
}, async (t) => {
  const { step, cfg, csms } = t;
  const cp = await step(2, 'After a reset: TLS 1.2+ with a whitepaper suite to the configured server certificate, then the (secured) upgrade (steps 1–6)', async () => {
    const link = await resetAndReconnect(t, 101);
    csms.security.expect({
      check: 'tls', conn: link.conn, identity: cfg.identity, clientCertificate: false,
      requirement: `OCTT Table 101 step 2; ${WHITEPAPER} A00.FR.312, A00.FR.318: TLS 1.2 or above with one of the whitepaper's cipher suites`,
    });
    return link;
  });
  await bootAndStatuses(cp, cfg, 101, 7, 9, step);
});
