import { defineCase } from '../../../harness/dsl/define-case.js';
import { WHITEPAPER } from './security-cs-steps.js';
import { renewCertificate } from './sign-certificate-steps.js';

export default defineCase({
  id: 'TC_074_CS',
  title: 'Update Charge Point Certificate by request of Central System',
  ocpp: '1.6', profile: 'Security', sut: 'ChargePoint',
  octt: { table: 89, follows: '2024-04' },
  securityProfiles: [3],
  purpose: 'Asked to, the charge point makes a new key pair and CSR, accepts the certificate the harness (as CA) signs, and reconnects presenting it.',
  refs: [`${WHITEPAPER} A02 Update Charge Point Certificate by request of Central System`, `${WHITEPAPER} §4.1 ExtendedTriggerMessage`, `${WHITEPAPER} §2.6.1 Certificate properties`],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 89; ours: the harness signs with the run PKI\'s CPO root, checks the CSR (checkCsr) before it answers, and identifies the new certificate by its serial number on the reconnection.',
  deviations: [{ what: 'Step 3: the CSR is checked (PEM PKCS#10, signature, CN, O = CpoName, key size) before the harness answers Accepted', why: 'the tool must be able to sign it; a CSR it cannot sign ends the case', source: `${WHITEPAPER} A02.FR.03, A02.FR.13, A00.FR.501–511` }],
}, async (t) => {
  const { csms, cfg, step } = t;
  const cp = await csms.booted();
  const signed = await renewCertificate(t, cp, 89, 'csms-root-ca', 'Accepted');
  await step(7, 'The charge point reconnects presenting the new certificate (step 7)', async () => {
    const next = await csms.nextConnection({ requirement: 'OCTT Table 89 step 7: the charge point reconnects with the new certificate' });
    csms.security.expect({
      check: 'tls', conn: next.conn, identity: cfg.identity, clientCertificate: true, serialNumber: signed.serialNumber,
      requirement: `OCTT Table 89 step 7; ${WHITEPAPER} A02.FR.08: the new certificate is used on the next connection`,
    });
  });
});
