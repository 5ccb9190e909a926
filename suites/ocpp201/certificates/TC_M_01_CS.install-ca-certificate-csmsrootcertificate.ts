import { defineCase } from '../../../harness/dsl/define-case.js';
import { presentCertificateForEitherRoot, root2Material } from '../provisioning/new-csms-root-steps.js';
import { csmsRootInstalled, csmsRootState, csmsRoots, getInstalledCertificates, removeInstalled } from './certificates-steps.js';

const TABLE = 'Part 6 TC_M_01_CS (Table 312)';

export default defineCase({
  id: 'TC_M_01_CS',
  title: 'Install CA certificate - CSMSRootCertificate',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  securityProfiles: [2, 3],
  part6: { useCase: 'M05 Install CA certificate in a Charging Station', requirements: ['M05.FR.01', 'M05.FR.02'] },
  purpose: 'The station installs a new CSMSRootCertificate (CSMS root 2) and then lists it in GetInstalledCertificateIds.',
  refs: ['OCPP 2.0.1 Part 2 M05.FR.01, FR.02, FR.10, FR.12', 'OCPP 2.0.1 Part 2 M03.FR.03, FR.04', 'OCPP 2.0.1 Part 6 Tables 438, 442'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_01_CS; ours: "Root 2" is csms-root-ca-2 of the run\'s PKI, signed by the run\'s CSMS root, so it is also the custom root the table\'s note asks for with AdditionalRootCertificateCheck; the hash data are computed by the harness; without AdditionalRootCertificateCheck root 2 is deleted again afterwards.',
  deviations: [
    { what: 'Without AdditionalRootCertificateCheck, root 2 is deleted again after the case if the station did not have it (SHOULD)', why: 'Restores the station\'s store', source: 'OCPP 2.0.1 Part 2 M04.FR.02' },
    { what: 'With AdditionalRootCertificateCheck and root 2 already installed (by an earlier case), the InstallCertificate status is judged at SHOULD', why: 'M05.FR.17 (a repeat is Accepted) applies only without the check; with it, M05.FR.10 wants a root signed by the one it replaces', source: 'OCPP 2.0.1 Part 2 M05.FR.10, FR.17' },
    { what: 'With AdditionalRootCertificateCheck, from this case on the harness presents the root-2 server certificate with root 2 as intermediate', why: 'Root 2 replaced the old root (M05.FR.12), which goes once a connection verifies with root 2 (M05.FR.13); that certificate verifies under either root', source: 'OCPP 2.0.1 Part 2 M05.FR.12, FR.13' },
  ],
}, async (t) => {
  const cp = await t.csms.booted();
  const roots = await csmsRoots(t, TABLE);
  const state = await csmsRootState(cp, roots, TABLE);
  const installed = await csmsRootInstalled(t, cp, { step: 1, roots, state, table: TABLE });
  if (state.arcc) presentCertificateForEitherRoot(t, await root2Material(t.cfg, TABLE));
  await getInstalledCertificates(t, cp, { step: 2, type: 'CSMSRootCertificate', expected: [roots.root2], table: TABLE });
  await removeInstalled(t, cp, [installed], { step: 3, table: TABLE, arcc: state.arcc });
});
