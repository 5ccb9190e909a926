import { defineCase } from '../../../harness/dsl/define-case.js';
import { pkiPem, WHITEPAPER } from './security-cs-steps.js';

export default defineCase({
  id: 'TC_078_CS',
  title: 'Invalid CentralSystemCertificate Security Event',
  ocpp: '1.6', profile: 'Security', sut: 'ChargePoint',
  octt: { table: 94, follows: '2024-04' },
  securityProfiles: [2, 3],
  purpose: 'The charge point rejects an expired certificate offered as CentralSystemRootCertificate and reports an InvalidCentralSystemCertificate security event.',
  refs: [`${WHITEPAPER} M05 Install CA certificate`, `${WHITEPAPER} A04 Security event notification`, `${WHITEPAPER} Appendix 1 security events`],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 94; ours: the invalid certificate is bad-server-expired of the run\'s PKI (expired, and not a CA).',
}, async ({ csms, cfg, step, notApplicable }) => {
  const pem = await pkiPem(cfg, 'bad-server-expired');
  if (!pem) return notApplicable('the run has no PKI (security.pkiDir) to take the certificate from');
  const cp = await csms.booted();
  const sent = await step(1, 'InstallCertificate CentralSystemRootCertificate with an expired certificate: Rejected (steps 1–2)', () =>
    cp.call('InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate: pem }, {
      expect: { status: 'Rejected' },
      requirement: `OCTT Table 94 step 2; ${WHITEPAPER} M05: an invalid certificate is not installed (Rejected)`,
    }));
  await step(3, 'SecurityEventNotification InvalidCentralSystemCertificate (steps 3–4)', () =>
    cp.expectCall('SecurityEventNotification', {
      where: { type: 'InvalidCentralSystemCertificate' }, after: sent.answer.seq,
      requirement: `OCTT Table 94 step 3; ${WHITEPAPER} A04: the critical event InvalidCentralSystemCertificate is sent to the Central System`,
    }));
});
