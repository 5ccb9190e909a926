import { defineCase } from '../../../harness/dsl/define-case.js';
import { presentCertificateForEitherRoot, root2Material } from '../provisioning/new-csms-root-steps.js';
import { certificateInstalled, csmsRootInstalled, csmsRootState, csmsRoots, expectListed, getInstalled, manufacturerRoot, removeInstalled } from './certificates-steps.js';

const TABLE = 'Part 6 TC_M_18_CS (Table 326)';

export default defineCase({
  id: 'TC_M_18_CS',
  title: 'Retrieve certificates from Charging Station - All certificateTypes',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  securityProfiles: [2, 3],
  part6: { useCase: 'M03 Retrieve list of available certificates from a Charging Station', requirements: ['M03.FR.01', 'M03.FR.03', 'M03.FR.04'] },
  purpose: 'With a CSMSRootCertificate and a ManufacturerRootCertificate installed, GetInstalledCertificateIds without certificateType is Accepted and lists both, each with its type.',
  refs: ['OCPP 2.0.1 Part 2 M03.FR.01, FR.03, FR.04', 'OCPP 2.0.1 Part 2 M05.FR.02', 'OCPP 2.0.1 Part 6 Table 442'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_18_CS; ours: the memory states install csms-root-ca-2 and the manufacturer root of the run\'s PKI ("the configured new" roots of the table); the entries are found in any order (the table\'s [0]/[1] with its note); the hash data are computed by the harness; what the station did not have is deleted again afterwards (a CSMS root only without AdditionalRootCertificateCheck).',
  deviations: [
    { what: 'Certificates the station did not have before are deleted again after the case (SHOULD)', why: 'Restores the station\'s store', source: 'OCPP 2.0.1 Part 2 M04.FR.02' },
    { what: 'With AdditionalRootCertificateCheck and root 2 already installed, the memory state\'s InstallCertificate status is judged at SHOULD', why: 'M05.FR.17 (a repeat is Accepted) applies only without the check', source: 'OCPP 2.0.1 Part 2 M05.FR.10, FR.17' },
  ],
}, async (t) => {
  const cp = await t.csms.booted();
  const roots = await csmsRoots(t, TABLE);
  const manufacturer = await manufacturerRoot(t);
  const state = await csmsRootState(cp, roots, TABLE);
  const installed = [
    await csmsRootInstalled(t, cp, { step: 0, roots, state, table: TABLE }),
    await certificateInstalled(t, cp, { step: 0, type: 'ManufacturerRootCertificate', cert: manufacturer, table: TABLE }),
  ];
  if (state.arcc) presentCertificateForEitherRoot(t, await root2Material(t.cfg, TABLE));
  await t.step(1, 'GetInstalledCertificateIds without certificateType (step 2: Accepted, both roots listed with their types)', async () => {
    const res = await getInstalled(cp, undefined, {
      expect: { status: 'Accepted' },
      requirement: `${TABLE} step 2; Part 2 M03.FR.01, FR.03: certificates are installed, so status Accepted`,
    });
    expectListed(t, res, { certs: [roots.root2], type: 'CSMSRootCertificate', present: true, requirement: `${TABLE} step 2 entry 1; Part 2 M03.FR.04: the installed CSMS root 2 is listed as CSMSRootCertificate` });
    expectListed(t, res, { certs: [manufacturer], type: 'ManufacturerRootCertificate', present: true, requirement: `${TABLE} step 2 entry 2; Part 2 M03.FR.04: the installed manufacturer root is listed as ManufacturerRootCertificate` });
  });
  await removeInstalled(t, cp, installed, { step: 3, table: TABLE, arcc: state.arcc });
});
