import { defineCase } from '../../../harness/dsl/define-case.js';
import { presentCertificateForEitherRoot, root2Material } from '../provisioning/new-csms-root-steps.js';
import { certificateInstalled, csmsRootInstalled, csmsRootState, csmsRoots, expectListed, getInstalled, manufacturerRoot, removeInstalled } from './certificates-steps.js';

const TABLE = 'Part 6 TC_M_17_CS (Table 325)';

export default defineCase({
  id: 'TC_M_17_CS',
  title: 'Retrieve certificates from Charging Station - CSMSRootCertificate & ManufacturerRootCertificate',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  securityProfiles: [2, 3],
  part6: { useCase: 'M03 Retrieve list of available certificates from a Charging Station', requirements: ['M03.FR.01', 'M03.FR.03', 'M03.FR.04'] },
  purpose: 'With a CSMSRootCertificate and a ManufacturerRootCertificate installed, one GetInstalledCertificateIds for both types is Accepted and lists both.',
  refs: ['OCPP 2.0.1 Part 2 M03.FR.01, FR.03, FR.04', 'OCPP 2.0.1 Part 2 M05.FR.02', 'OCPP 2.0.1 Part 6 Tables 438, 442'],
  provenance: 'OCPP 2.0.1 Part 6 TC_M_17_CS; ours: the memory states install csms-root-ca-2 and the manufacturer root of the run\'s PKI; the reusable state is one request naming both types; the hash data are computed by the harness; what the station did not have is deleted again afterwards (a CSMS root only without AdditionalRootCertificateCheck).',
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
  await t.step(1, 'Reusable state GetInstalledCertificates for CSMSRootCertificate and ManufacturerRootCertificate: Accepted, listing both', async () => {
    const res = await getInstalled(cp, ['CSMSRootCertificate', 'ManufacturerRootCertificate'], {
      expect: { status: 'Accepted' },
      requirement: `${TABLE} step 1, reusable state GetInstalledCertificates (Table 438 step 2); Part 2 M03.FR.03: certificates of the types are installed, so status Accepted`,
    });
    expectListed(t, res, { certs: [roots.root2], type: 'CSMSRootCertificate', present: true, requirement: `${TABLE} step 1 (Table 438 step 2); Part 2 M03.FR.04: the installed CSMSRootCertificate (root 2) is listed` });
    expectListed(t, res, { certs: [manufacturer], type: 'ManufacturerRootCertificate', present: true, requirement: `${TABLE} step 1 (Table 438 step 2); Part 2 M03.FR.04: the installed ManufacturerRootCertificate is listed` });
  });
  await removeInstalled(t, cp, installed, { step: 2, table: TABLE, arcc: state.arcc });
});
