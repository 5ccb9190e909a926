import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootAndStatuses, resetAndReconnect, WHITEPAPER } from './security-cs-steps.js';

export default defineCase({
  id: 'TC_087_CS',
  title: 'TLS - Client-side certificate - valid certificate',
  ocpp: '1.6', profile: 'Security', sut: 'ChargePoint',
  octt: { table: 102, follows: '2024-04' },
  securityProfiles: [3],
  purpose: 'After a reset the charge point sets up mutual TLS: TLS 1.2+, a whitepaper suite and a client certificate with a serial number and its identity as CN; then it boots and reports its connectors.',
  refs: [`${WHITEPAPER} §2.5 Security profile 3 (A00.FR.401–428)`, `${WHITEPAPER} §2.6.1 Certificate properties (A00.FR.501–511)`],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 102; ours: the reset is a Reset Hard; the client certificate chain is verified against the CPO root at the TLS layer (a refused one is a tls event); the key size (RSA/DSA ≥ 2048, EC ≥ 224 bits) is judged from the client certificate the handshake presented.',
}, async (t) => {
  const { step, cfg, csms } = t;
  const cp = await step(4, 'After a reset: TLS 1.2+ with a whitepaper suite and a valid client certificate (serial number, CN = the identity), then the secured upgrade (steps 1–6)', async () => {
    const link = await resetAndReconnect(t, 102);
    csms.security.expect({
      check: 'tls', conn: link.conn, identity: cfg.identity, clientCertificate: true,
      requirement: `OCTT Table 102 step 4; ${WHITEPAPER} A00.FR.312, A00.FR.318, A00.FR.405: TLS 1.2+, a whitepaper suite, a client certificate with a serial number, the charge point's serial number as CN and a key of at least 2048 (RSA/DSA) or 224 (EC) bits`,
    });
    return link;
  });
  await bootAndStatuses(cp, cfg, 102, 7, 9, step);
});
