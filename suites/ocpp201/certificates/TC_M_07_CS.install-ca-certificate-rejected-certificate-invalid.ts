import { defineCase } from '../../../harness/dsl/define-case.js';
import { additionalRootCheck, expectListed, expiredRoot, getInstalled } from './certificates-steps.js';

const TABLE = 'Part 6 TC_M_07_CS (Table 316)';

export default defineCase({
  id: 'TC_M_07_CS',
  title: 'Install CA certificate - Rejected - Certificate invalid',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  securityProfiles: [2, 3],
  part6: { useCase: 'M05 Install CA certificate in a Charging Station', requirements: ['M05.FR.01', 'M05.FR.07'] },
  purpose: 'The station rejects an expired CSMSRootCertificate and does not list it afterwards.',
  refs: ['OCPP 2.0.1 Part 2 M05.FR.01, FR.07', 'OCPP 2.0.1 Part 2 M03.FR.03, FR.04'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_07_CS; ours: the expired certificate is a self-signed root CA made for the case, valid until yesterday; step 4 checks that this certificate is not listed (the table names "the configured new CSMS Root certificate", which is not the one sent); a station with AdditionalRootCertificateCheck true is NOT_APPLICABLE (the table\'s prerequisite, read from SecurityCtrlr).',
}, async (t) => {
  const cp = await t.csms.booted();
  if (await additionalRootCheck(cp, TABLE)) t.notApplicable('SecurityCtrlr.AdditionalRootCertificateCheck is true: the table\'s prerequisite excludes it (a root not signed by the installed one would be rejected for that reason alone)');
  const expired = await expiredRoot();
  await t.step(1, 'InstallCertificate CSMSRootCertificate with an expired certificate (step 2: Rejected)', () =>
    cp.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: expired.pem }, {
      expect: { status: 'Rejected' },
      requirement: `${TABLE} step 2; Part 2 M05.FR.07: an invalid (expired) certificate is rejected with status Rejected`,
    }));
  await t.step(3, 'GetInstalledCertificateIds for CSMSRootCertificate (step 4: Accepted, the expired certificate not listed)', async () => {
    const res = await getInstalled(cp, ['CSMSRootCertificate'], {
      expect: { status: 'Accepted' },
      requirement: `${TABLE} step 4; Part 2 M03.FR.03: the station connected at security profile 2 or 3 holds a CSMS root, so status Accepted`,
    });
    expectListed(t, res, { certs: [expired], type: 'CSMSRootCertificate', present: false, requirement: `${TABLE} step 4: the rejected certificate is not among the installed CSMS roots (Part 2 M05.FR.07)` });
  });
});
