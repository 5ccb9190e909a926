import { defineCase } from '../../../harness/dsl/define-case.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';
import { csmsRootState, csmsRoots, expectListed, getInstalled } from './certificates-steps.js';

const TABLE = 'Part 6 TC_M_09_CS (Table 317)';

export default defineCase({
  id: 'TC_M_09_CS',
  title: 'Install CA certificate - AdditionalRootCertificateCheck - Rejected',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  securityProfiles: [2, 3],
  pics: { all: ['AS-2'], text: 'AS-2' },
  part6: { useCase: 'M05 Install CA certificate in a Charging Station', requirements: ['M05.FR.10', 'M05.FR.11'] },
  purpose: 'With AdditionalRootCertificateCheck true, the station rejects a CSMSRootCertificate that the installed CSMS root did not sign, and keeps the installed one.',
  refs: ['OCPP 2.0.1 Part 2 M05.FR.10, FR.11', 'OCPP 2.0.1 Part 2 §2.2.6 AdditionalRootCertificateCheck', 'OCPP 2.0.1 Part 2 M03.FR.03, FR.04'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_09_CS; ours: the root not signed by the installed one is untrusted-root-ca of the run\'s PKI; "the old CSMS root" of step 4 is the CSMS root of the run\'s PKI the station listed before the case (the run\'s root, or root 2 when an earlier case replaced it); a station whose SecurityCtrlr.AdditionalRootCertificateCheck is not true is NOT_APPLICABLE (the table\'s prerequisite).',
}, async (t) => {
  const cp = await t.csms.booted();
  const roots = await csmsRoots(t, TABLE);
  const state = await csmsRootState(cp, roots, TABLE);
  if (!state.arcc) t.notApplicable('SecurityCtrlr.AdditionalRootCertificateCheck is not true: the table\'s prerequisite is not met');
  if (!state.hasOld && !state.hasRoot2) throw new Inconclusive('the station lists no CSMS root of the run\'s PKI: the "old CSMS root" of step 4 is unknown to the harness');
  const installedRoot = state.hasOld ? roots.old : roots.root2;
  await t.step(1, 'InstallCertificate CSMSRootCertificate with a root the installed one did not sign (step 2: Rejected)', () =>
    cp.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: roots.untrusted.pem }, {
      expect: { status: 'Rejected' },
      requirement: `${TABLE} step 2; Part 2 M05.FR.11: a new CSMS root not signed by the old one is not installed, status Rejected`,
    }));
  await t.step(3, 'GetInstalledCertificateIds for CSMSRootCertificate (step 4: Accepted, the installed CSMS root still listed)', async () => {
    const res = await getInstalled(cp, ['CSMSRootCertificate'], {
      expect: { status: 'Accepted' },
      requirement: `${TABLE} step 4; Part 2 M03.FR.03: status Accepted`,
    });
    expectListed(t, res, { certs: [installedRoot], type: 'CSMSRootCertificate', present: true, requirement: `${TABLE} step 4: the old CSMS root is still listed (Part 2 M05.FR.11: the new one was not installed in its place)` });
  });
});
