// X16_SEC_01_CS … X16_SEC_04_CS: the harness presents an invalid server certificate (expired, not yet
// valid, for another host, from an untrusted root); the charge point must not connect (A00.FR.307–310)
// and reports InvalidCentralSystemCertificate once it reaches the Central System again (A00.FR.309, A04).
import { defineCase, type CaseDefinition } from '../../../harness/dsl/define-case.js';
import type { PkiEntryName } from '../../../harness/security/pki-layout.js';
import { pkiPem, WHITEPAPER } from './security-cs-steps.js';

/** How long the harness keeps the bad certificate up: long enough for a few reconnection attempts. */
const BAD_CERTIFICATE_MS = 2500;

export function badServerCertificateCase(o: { id: string; title: string; entry: PkiEntryName; what: string; refs: string }): CaseDefinition<'ChargePoint'> {
  return defineCase({
    id: o.id, title: o.title, ocpp: '1.6', profile: 'Security', sut: 'ChargePoint',
    securityProfiles: [2, 3],
    purpose: `The harness presents ${o.what} as its server certificate; the charge point does not connect, and once the valid certificate is back it connects and reports InvalidCentralSystemCertificate.`,
    refs: [`${WHITEPAPER} ${o.refs}`, `${WHITEPAPER} A00.FR.309, A00.FR.310`, `${WHITEPAPER} A04 Security event notification`],
    provenance: `Ours (issue "Security profile", negative certificates); ${WHITEPAPER} ${o.refs}: the certificate is ${o.entry} of the run's PKI; the harness closes the connection so the charger dials again.`,
    deviations: [
      { what: `No connection while the harness presents ${o.what} (MUST, not an OCTT table)`, why: 'users ask for the negative certificates the tables do not have', source: `${WHITEPAPER} ${o.refs}, A00.FR.310` },
      { what: 'SecurityEventNotification InvalidCentralSystemCertificate after reconnecting (MUST, not an OCTT table)', why: 'A00.FR.309 makes the event a SHALL; it is critical, so it reaches the Central System', source: `${WHITEPAPER} A00.FR.309, A04` },
    ],
  }, async ({ csms, cfg, step, sleep, notApplicable }) => {
    const cert = await pkiPem(cfg, o.entry);
    const key = await pkiPem(cfg, o.entry, 'key');
    if (!cert || !key) return notApplicable('the run has no PKI (security.pkiDir) with the negative certificates');
    const cp = await csms.booted();
    const from = await step(1, `The harness presents ${o.what} and closes the connection: the charge point does not connect`, async () => {
      csms.security.setServerCertificate({ cert, key });
      const mark = cp.mark(`the harness presents ${o.entry}`);
      await cp.close(1001, 'the harness changes its certificate');
      await sleep(BAD_CERTIFICATE_MS);
      return mark;
    });
    const restored = await step(2, 'The valid certificate is back: the charge point connects and reports InvalidCentralSystemCertificate', async () => {
      const until = cp.mark('the harness presents its configured certificate again');
      csms.security.setServerCertificate();
      csms.security.expect({
        check: 'noConnection', afterSeq: from, untilSeq: until, identity: cfg.identity, what: o.what, octt: 'not-checked',
        requirement: `${WHITEPAPER} A00.FR.307/308 (path validation, host), A00.FR.310: with an invalid Central System certificate the charge point SHALL terminate the connection`,
      });
      return csms.nextConnection({ requirement: `${WHITEPAPER} A00: with the valid certificate back the charge point connects again` });
    });
    await step(3, 'SecurityEventNotification InvalidCentralSystemCertificate', () =>
      restored.expectCall('SecurityEventNotification', {
        where: { type: 'InvalidCentralSystemCertificate' }, octt: 'not-checked',
        requirement: `${WHITEPAPER} A00.FR.309: the charge point SHALL trigger an InvalidCentralSystemCertificate security event (critical: sent to the Central System, A04)`,
      }));
  });
}
