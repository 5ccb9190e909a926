import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet, Inconclusive } from '../../../harness/dsl/errors.js';
import { expectBootedAgain } from '../provisioning/charging-station-steps.js';
import { presentCertificateForEitherRoot, presentNewRootCertificate, root2Material } from '../provisioning/new-csms-root-steps.js';
import { csmsRootInstalled, csmsRootState, csmsRoots, expectListed, getInstalled } from './certificates-steps.js';

const TABLE = 'Part 6 TC_M_30_CS (Table 318)';

export default defineCase({
  id: 'TC_M_30_CS',
  title: 'Install CA certificate - AdditionalRootCertificateCheck - Reconnect using new CSMS Root - Success',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  securityProfiles: [2, 3],
  // It needs the old CSMS root still in the store, which TC_B_50_CS and TC_M_20_CS remove for good: built-in
  // runs give it a station of its own.
  changesSecurityProfile: true,
  pics: { all: ['AS-2'], text: 'AS-2' },
  part6: { useCase: 'M05 Install CA certificate in a Charging Station', requirements: ['M05.FR.13'] },
  purpose: 'With AdditionalRootCertificateCheck true and CSMS root 2 installed, the station reconnects after a Reset to a CSMS whose certificate only root 2 verifies, and then no longer lists the old root.',
  refs: ['OCPP 2.0.1 Part 2 M05.FR.10, FR.12, FR.13', 'OCPP 2.0.1 Part 2 B11.FR.01, FR.03', 'OCPP 2.0.1 Part 2 §2.2.6 AdditionalRootCertificateCheck'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_30_CS; ours: CSMS root 2 is csms-root-ca-2 of the run\'s PKI (signed by the run\'s root), and the harness presents csms-server-root-2 without intermediates; at security profile 3 the station keeps its client certificate (the RenewChargingStationCertificate memory state is not run: the harness accepts that certificate either way); a station that no longer holds the old root (an earlier case replaced it for good) is INCONCLUSIVE; a station whose SecurityCtrlr.AdditionalRootCertificateCheck is not true is NOT_APPLICABLE (the table\'s prerequisite).',
  deviations: [
    { what: 'At security profile 3 the memory state RenewChargingStationCertificate is not run', why: 'The harness accepts the station\'s client certificate from the run\'s CSMS root whichever root its server certificate comes from: the renewal changes nothing the table validates', source: 'OCPP 2.0.1 Part 6 TC_M_30_CS memory state' },
    { what: 'From this case on the harness presents the root-2 server certificate with root 2 as intermediate', why: 'The station holds root 2 only after the case (M05.FR.13); that certificate verifies under either root', source: 'OCPP 2.0.1 Part 2 M05.FR.13' },
  ],
}, async (t) => {
  const cp = await t.csms.booted();
  const roots = await csmsRoots(t, TABLE);
  const pki = await root2Material(t.cfg, TABLE);
  const state = await csmsRootState(cp, roots, TABLE);
  if (!state.arcc) t.notApplicable('SecurityCtrlr.AdditionalRootCertificateCheck is not true: the table\'s prerequisite is not met');
  if (!state.hasOld) throw new Inconclusive('the station no longer holds the run\'s CSMS root (an earlier case replaced it with root 2 for good): the removal of the old root the table checks (M05.FR.13) cannot be observed');
  try {
    await csmsRootInstalled(t, cp, { step: 0, roots, state, table: TABLE });
    presentNewRootCertificate(t, pki);
    const next = t.csms.nextConnection({ requirement: `${TABLE} steps 3–4: after the Reset the station connects, verifying the CSMS certificate with the new CSMS root 2 (Part 2 M05.FR.12; the connection must succeed)` });
    next.catch(() => undefined); // awaited in step 3
    await t.step(1, 'Reset OnIdle (step 2: Accepted)', async () => {
      const res = await cp.call('Reset', { type: 'OnIdle' }, {
        expect: { status: 'Accepted' },
        requirement: `${TABLE} step 2; Part 2 B11.FR.01: an idle station accepts Reset OnIdle`,
      });
      if (res.payload.status !== 'Accepted') throw new ExpectationUnmet('the station did not accept the Reset: no reconnection to observe');
    });
    const link = await t.step(3, 'The station reconnects, accepting the certificate issued by root 2 (step 4); reusable state Booted (step 5)', async () => {
      const link = await next;
      await expectBootedAgain(t, link, TABLE, 5);
      return link;
    });
    await t.step(6, 'GetInstalledCertificateIds for CSMSRootCertificate (step 7: Accepted, the old CSMS root no longer listed)', async () => {
      const res = await getInstalled(link, ['CSMSRootCertificate'], {
        expect: { status: 'Accepted' },
        requirement: `${TABLE} step 7; Part 2 M03.FR.03: status Accepted`,
      });
      expectListed(t, res, { certs: [roots.old], type: 'CSMSRootCertificate', present: false, requirement: `${TABLE} step 7; Part 2 M05.FR.13: connected with the new CSMS root, the station removed the old (fallback) root` });
    });
  } finally {
    presentCertificateForEitherRoot(t, pki);
  }
});
