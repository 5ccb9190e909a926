import { defineCase } from '../../../harness/dsl/define-case.js';
import { hashDataIn } from '../../../harness/security/certificate-hash.js';
import { csmsRoots, expectListed, getInstalled } from './certificates-steps.js';

const TABLE = 'Part 6 TC_M_22_CS (Table 329)';

export default defineCase({
  id: 'TC_M_22_CS',
  title: 'Delete a certificate from a Charging Station - No matching certificate found',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  securityProfiles: [2, 3],
  part6: { useCase: 'M04 Delete a specific certificate from a Charging Station', requirements: ['M04.FR.01', 'M04.FR.04'] },
  purpose: 'DeleteCertificate with the hash data of a certificate the station does not have is answered NotFound.',
  refs: ['OCPP 2.0.1 Part 2 M04.FR.01, FR.04', 'OCPP 2.0.1 Part 2 M03.FR.03, FR.04'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_22_CS; ours: the unknown certificate is bad-client-unknown-ca of the run\'s PKI (issued by a root no station trusts), hashed with SHA256; in step 1 the CSMS root the station lists may be the run\'s root or root 2 (an earlier case may have replaced it).',
}, async (t) => {
  const cp = await t.csms.booted();
  const roots = await csmsRoots(t, TABLE);
  await t.step(1, 'Reusable state GetInstalledCertificates for CSMSRootCertificate', async () => {
    const res = await getInstalled(cp, ['CSMSRootCertificate'], {
      expect: { status: 'Accepted' },
      requirement: `${TABLE} step 1 (Table 438 step 2); Part 2 M03.FR.03: the station connected at security profile 2 or 3 holds a CSMS root, so status Accepted`,
    });
    expectListed(t, res, { certs: [roots.old, roots.root2], type: 'CSMSRootCertificate', present: true, requirement: `${TABLE} step 1 (Table 438 step 2); Part 2 M03.FR.04: the CSMS root the station trusts is listed` });
  });
  await t.step(2, 'DeleteCertificate with the hash data of an unknown certificate (step 3: NotFound)', () =>
    cp.call('DeleteCertificate', { certificateHashData: hashDataIn(roots.unknown.pem, 'SHA256', roots.unknown.issuerPem) }, {
      expect: { status: 'NotFound' },
      requirement: `${TABLE} step 3; Part 2 M04.FR.04: the requested certificate was not found, so status NotFound`,
    }));
});
