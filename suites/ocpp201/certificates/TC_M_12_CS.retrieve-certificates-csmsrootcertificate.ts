import { defineCase } from '../../../harness/dsl/define-case.js';
import { presentCertificateForEitherRoot, root2Material } from '../provisioning/new-csms-root-steps.js';
import { csmsRootInstalled, csmsRootState, csmsRoots, getInstalledCertificates, removeInstalled } from './certificates-steps.js';

const TABLE = 'Part 6 TC_M_12_CS (Table 320)';

export default defineCase({
  id: 'TC_M_12_CS',
  title: 'Retrieve certificates from Charging Station - CSMSRootCertificate',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  securityProfiles: [2, 3],
  part6: { useCase: 'M03 Retrieve list of available certificates from a Charging Station', requirements: ['M03.FR.01', 'M03.FR.03', 'M03.FR.04'] },
  purpose: 'With a CSMSRootCertificate installed, GetInstalledCertificateIds for CSMSRootCertificate is Accepted and lists its hash data.',
  refs: ['OCPP 2.0.1 Part 2 M03.FR.01, FR.03, FR.04', 'OCPP 2.0.1 Part 2 M05.FR.02', 'OCPP 2.0.1 Part 6 Tables 438, 442'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_12_CS; ours: the memory state installs csms-root-ca-2 of the run\'s PKI (signed by the run\'s CSMS root, so a station with AdditionalRootCertificateCheck accepts it); the hash data are computed by the harness; without AdditionalRootCertificateCheck root 2 is deleted again afterwards.',
  deviations: [
    { what: 'Without AdditionalRootCertificateCheck, root 2 is deleted again after the case if the station did not have it (SHOULD)', why: 'Restores the station\'s store', source: 'OCPP 2.0.1 Part 2 M04.FR.02' },
    { what: 'With AdditionalRootCertificateCheck and root 2 already installed, the memory state\'s InstallCertificate status is judged at SHOULD', why: 'M05.FR.17 (a repeat is Accepted) applies only without the check', source: 'OCPP 2.0.1 Part 2 M05.FR.10, FR.17' },
  ],
}, async (t) => {
  const cp = await t.csms.booted();
  const roots = await csmsRoots(t, TABLE);
  const state = await csmsRootState(cp, roots, TABLE);
  const installed = await csmsRootInstalled(t, cp, { step: 0, roots, state, table: TABLE });
  if (state.arcc) presentCertificateForEitherRoot(t, await root2Material(t.cfg, TABLE));
  await getInstalledCertificates(t, cp, { step: 1, type: 'CSMSRootCertificate', expected: [roots.root2], table: TABLE });
  await removeInstalled(t, cp, [installed], { step: 2, table: TABLE, arcc: state.arcc });
});
