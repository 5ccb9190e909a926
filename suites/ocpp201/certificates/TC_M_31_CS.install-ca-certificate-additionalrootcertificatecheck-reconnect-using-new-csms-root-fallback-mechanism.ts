import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet, Inconclusive } from '../../../harness/dsl/errors.js';
import { expectBootedAgain } from '../provisioning/charging-station-steps.js';
import { presentCertificateForEitherRoot, root2Material } from '../provisioning/new-csms-root-steps.js';
import { csmsRootInstalled, csmsRootState, csmsRoots, expectListed, getInstalled } from './certificates-steps.js';

const TABLE = 'Part 6 TC_M_31_CS (Table 319)';

export default defineCase({
  id: 'TC_M_31_CS',
  title: 'Install CA certificate - AdditionalRootCertificateCheck - Reconnect using new CSMS Root - Fallback mechanism',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  securityProfiles: [2, 3],
  // It needs the old CSMS root still in the store, which TC_M_30_CS (and TC_B_50_CS, TC_M_20_CS) remove for good:
  // built-in runs give it a station of its own.
  changesSecurityProfile: true,
  pics: { all: ['AS-2'], text: 'AS-2' },
  part6: { useCase: 'M05 Install CA certificate in a Charging Station', requirements: ['M05.FR.14'] },
  purpose: 'With AdditionalRootCertificateCheck true and CSMS root 2 installed, the station reconnects after a Reset to a CSMS whose certificate only the old root verifies, by falling back to the old root, and still lists it.',
  refs: ['OCPP 2.0.1 Part 2 M05.FR.12, FR.14', 'OCPP 2.0.1 Part 2 B11.FR.01, FR.03', 'OCPP 2.0.1 Part 2 §2.2.6 AdditionalRootCertificateCheck'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_31_CS; ours: CSMS root 2 is csms-root-ca-2 of the run\'s PKI (signed by the run\'s root), and the harness presents the run\'s own server certificate (issued by the old root); a station that no longer holds the old root (an earlier case replaced it for good) is INCONCLUSIVE; a station whose SecurityCtrlr.AdditionalRootCertificateCheck is not true is NOT_APPLICABLE (the table\'s prerequisite).',
  deviations: [
    { what: 'From this case on the harness presents the root-2 server certificate with root 2 as intermediate', why: 'It verifies under either root, whichever the station holds afterwards', source: 'OCPP 2.0.1 Part 2 M05.FR.13, FR.14' },
  ],
}, async (t) => {
  const cp = await t.csms.booted();
  const roots = await csmsRoots(t, TABLE);
  const pki = await root2Material(t.cfg, TABLE);
  const state = await csmsRootState(cp, roots, TABLE);
  if (!state.arcc) t.notApplicable('SecurityCtrlr.AdditionalRootCertificateCheck is not true: the table\'s prerequisite is not met');
  if (!state.hasOld) throw new Inconclusive('the station no longer holds the run\'s CSMS root (an earlier case replaced it with root 2 for good): there is no fallback root to reconnect with');
  try {
    await csmsRootInstalled(t, cp, { step: 0, roots, state, table: TABLE });
    t.csms.security.setServerCertificate();
    t.note('the harness presents its own server certificate, issued by the old CSMS root');
    const next = t.csms.nextConnection({ requirement: `${TABLE} steps 3–5; Part 2 M05.FR.14: the certificate fails with the new CSMS root, so the station verifies it with the old (fallback) root and connects` });
    next.catch(() => undefined); // awaited in step 3
    await t.step(1, 'Reset OnIdle (step 2: Accepted)', async () => {
      const res = await cp.call('Reset', { type: 'OnIdle' }, {
        expect: { status: 'Accepted' },
        requirement: `${TABLE} step 2; Part 2 B11.FR.01: an idle station accepts Reset OnIdle`,
      });
      if (res.payload.status !== 'Accepted') throw new ExpectationUnmet('the station did not accept the Reset: no reconnection to observe');
    });
    const link = await t.step(3, 'The station fails with root 2 (step 4), verifies the certificate with the old root and connects (step 5); reusable state Booted (step 6)', async () => {
      const link = await next;
      await expectBootedAgain(t, link, TABLE, 6);
      return link;
    });
    await t.step(7, 'GetInstalledCertificateIds for CSMSRootCertificate (step 8: Accepted, the old CSMS root listed)', async () => {
      const res = await getInstalled(link, ['CSMSRootCertificate'], {
        expect: { status: 'Accepted' },
        requirement: `${TABLE} step 8; Part 2 M03.FR.03: status Accepted`,
      });
      expectListed(t, res, { certs: [roots.old], type: 'CSMSRootCertificate', present: true, requirement: `${TABLE} step 8; Part 2 M05.FR.12, FR.14: the old CSMS root, with which the station connected, is still listed` });
    });
  } finally {
    presentCertificateForEitherRoot(t, pki);
  }
});
