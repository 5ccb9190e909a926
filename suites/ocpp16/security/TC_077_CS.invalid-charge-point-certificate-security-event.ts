import { defineCase } from '../../../harness/dsl/define-case.js';
import { WHITEPAPER } from './security-cs-steps.js';
import { renewCertificate } from './sign-certificate-steps.js';

export default defineCase({
  id: 'TC_077_CS',
  title: 'Invalid ChargePointCertificate Security Event',
  ocpp: '1.6', profile: 'Security', sut: 'ChargePoint',
  octt: { table: 93, follows: '2024-04' },
  securityProfiles: [3],
  purpose: 'The charge point rejects a signed certificate that does not chain to its Central System root and reports an InvalidChargePointCertificate security event.',
  refs: [`${WHITEPAPER} A02 (A02.FR.06, A02.FR.07)`, `${WHITEPAPER} A04 Security event notification`],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 93; ours: the invalid certificate is the charger\'s CSR signed by the run PKI\'s untrusted root.',
  deviations: [{ what: 'Step 3: the CSR is checked before the harness answers Accepted', why: 'the tool must be able to sign it', source: `${WHITEPAPER} A02.FR.03` }],
}, async (t) => {
  const { csms, step } = t;
  const cp = await csms.booted();
  const signed = await renewCertificate(t, cp, 93, 'untrusted-root-ca', 'Rejected');
  await step(7, 'SecurityEventNotification InvalidChargePointCertificate (steps 7–8)', () =>
    cp.expectCall('SecurityEventNotification', {
      where: { type: 'InvalidChargePointCertificate' }, after: signed.answer.answer.seq,
      requirement: `OCTT Table 93 step 7; ${WHITEPAPER} A02.FR.07, A04: the critical event InvalidChargePointCertificate`,
    }));
});
