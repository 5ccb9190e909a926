import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet, Inconclusive } from '../../../harness/dsl/errors.js';
import { presentCertificateForEitherRoot, root2Material } from '../provisioning/new-csms-root-steps.js';
import { certificateInstalled, csmsRootState, csmsRoots, expectListed, getInstalled, listedHashOf, type NamedCertificate } from './certificates-steps.js';

const TABLE = 'Part 6 TC_M_20_CS (Table 328)';

export default defineCase({
  id: 'TC_M_20_CS',
  title: 'Delete a certificate from a Charging Station - Success',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  securityProfiles: [2, 3],
  part6: { useCase: 'M04 Delete a specific certificate from a Charging Station', requirements: ['M04.FR.01', 'M04.FR.02'] },
  purpose: 'The station deletes an installed CSMSRootCertificate named by the hash data it listed, and no longer lists it.',
  refs: ['OCPP 2.0.1 Part 2 M04.FR.01, FR.02, FR.03', 'OCPP 2.0.1 Part 2 M03.FR.03, FR.04', 'OCPP 2.0.1 Part 2 M05.FR.09, FR.12'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_20_CS; ours: the certificate deleted is one the connection does not need, so the station keeps a CSMS root (M04.FR.03 lets it refuse to delete its last): without AdditionalRootCertificateCheck csms-root-ca-2 of the run\'s PKI, installed first when absent; with it the old CSMS root kept as fallback after root 2 was installed (M05.FR.12). The DeleteCertificateRequest carries the hash data exactly as the station listed it.',
  deviations: [
    { what: 'Before step 1, CSMS root 2 is installed when the station lacks it, whatever it lists (the table installs one only when none is listed)', why: 'Deleting the station\'s only CSMS root would leave it unable to connect, and M04.FR.03 lets it refuse', source: 'OCPP 2.0.1 Part 2 M04.FR.03, M05.FR.12' },
    { what: 'With AdditionalRootCertificateCheck the old CSMS root is deleted for good; from this case on the harness presents the root-2 server certificate with root 2 as intermediate', why: 'The station can only hold root 2 then; that certificate verifies under root 2', source: 'OCPP 2.0.1 Part 2 M05.FR.09' },
  ],
}, async (t) => {
  const cp = await t.csms.booted();
  const roots = await csmsRoots(t, TABLE);
  const state = await csmsRootState(cp, roots, TABLE);
  let target: NamedCertificate;
  if (state.arcc) {
    if (!state.hasOld) throw new Inconclusive('with AdditionalRootCertificateCheck the station holds CSMS root 2 only (an earlier case replaced the old root): deleting its one CSMS root would leave it unable to connect (M04.FR.03)');
    target = roots.old;
    if (!state.hasRoot2) await certificateInstalled(t, cp, { step: 0, type: 'CSMSRootCertificate', cert: roots.root2, table: TABLE, hadIt: false });
    presentCertificateForEitherRoot(t, await root2Material(t.cfg, TABLE));
  } else {
    target = roots.root2;
    if (!state.hasRoot2) await certificateInstalled(t, cp, { step: 0, type: 'CSMSRootCertificate', cert: roots.root2, table: TABLE, hadIt: false });
  }
  const hash = await t.step(1, `Reusable state GetInstalledCertificates for CSMSRootCertificate: ${target.name}, to be deleted, is listed`, async () => {
    const res = await getInstalled(cp, ['CSMSRootCertificate'], {
      expect: { status: 'Accepted' },
      requirement: `${TABLE} step 1 (Table 438 step 2); Part 2 M03.FR.03: CSMS roots are installed, so status Accepted`,
    });
    expectListed(t, res, { certs: [target], type: 'CSMSRootCertificate', present: true, requirement: `${TABLE} step 1 tool validation: the certificate to be deleted is present (Part 2 M03.FR.04)` });
    const listed = listedHashOf(res.payload, target, 'CSMSRootCertificate');
    if (!listed) throw new ExpectationUnmet(`the station does not list ${target.name}: nothing to delete`);
    return listed;
  });
  await t.step(2, 'DeleteCertificate with the hash data the station listed (step 3: Accepted)', () =>
    cp.call('DeleteCertificate', { certificateHashData: hash }, {
      expect: { status: 'Accepted' },
      requirement: `${TABLE} step 3; Part 2 M04.FR.02: the requested certificate was found, so it is deleted and status is Accepted`,
    }));
  await t.step(4, 'Reusable state GetInstalledCertificates for CSMSRootCertificate: the deleted certificate is no longer listed', async () => {
    const res = await getInstalled(cp, ['CSMSRootCertificate'], { requirement: `${TABLE} step 4; Part 2 M03.FR.01: the station answers GetInstalledCertificateIds` });
    expectListed(t, res, { certs: [target], type: 'CSMSRootCertificate', present: false, requirement: `${TABLE} step 4 tool validation: the deleted certificate is not present anymore (Part 2 M04.FR.02)` });
  });
  if (!state.arcc && state.hasRoot2) {
    await t.step(5, 'Ours: CSMS root 2, which the station had before the case, is installed again', () =>
      cp.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: roots.root2.pem }, {
        expect: { status: 'Accepted' }, level: 'SHOULD', octt: 'not-checked',
        requirement: `ours (${TABLE}, restoring the store): Part 2 M05.FR.02`,
      }));
  }
});
