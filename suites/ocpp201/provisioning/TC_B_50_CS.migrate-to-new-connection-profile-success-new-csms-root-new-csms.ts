import { defineCase } from '../../../harness/dsl/define-case.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';
import { connectionData, expectBootedAgain, migrateToProfile, networkSlots, readVariable, restoreNetworkPriority } from './charging-station-steps.js';
import { expectCsmsRootListed, installNewRoot, presentCertificateForEitherRoot, presentNewRootCertificate, root2Material } from './new-csms-root-steps.js';

const TABLE = 'Part 6 TC_B_50_CS (Table 57)';
/** The "new CSMS": the harness under another path, presenting a certificate of CSMS root 2. */
const NEW_CSMS_PATH = '-new-csms';

export default defineCase({
  id: 'TC_B_50_CS',
  title: 'Migrate to new ConnectionProfile - Success - New CSMS Root - New CSMS',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  securityProfiles: [2, 3],
  part6: { useCase: 'B10 Migrate to new CSMS, M05 Install CA certificate', requirements: ['M05.FR.13'] },
  purpose: 'After CSMS root 2 is installed, the station migrates to a new CSMS whose server certificate only root 2 verifies, and boots there.',
  refs: ['OCPP 2.0.1 Part 2 B10.FR.01, FR.04', 'OCPP 2.0.1 Part 2 M05.FR.12, FR.13', 'OCPP 2.0.1 Part 2 §2.2.6 AdditionalRootCertificateCheck'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_50_CS; ours: CSMS root 2 and the new CSMS\'s certificate come from the run\'s PKI (root 2 is signed by the run\'s CSMS root); the new CSMS is the harness under another path, presenting the root-2 certificate without intermediates; the slots are the one in use and the other of 1 and 2; the Reset of step 5 is always sent; afterwards the priority is restored and the station reset again.',
  deviations: [
    { what: 'With AdditionalRootCertificateCheck true, the old CSMS root is no longer listed after the connection with the new one (SHOULD)', why: 'The table names M05.FR.13 but validates only step 6', source: 'OCPP 2.0.1 Part 2 M05.FR.13' },
    { what: 'After the case NetworkConfigurationPriority is set back and a Reset accepted (SHOULD)', why: 'Restores the station for the next case', source: 'OCPP 2.0.1 Part 2 B10.FR.01, B11.FR.01' },
    { what: 'From this case on the harness presents the root-2 server certificate with root 2 as intermediate', why: 'It verifies under the old root and under root 2 alone: the station may have dropped the old root (M05.FR.13)', source: 'OCPP 2.0.1 Part 2 M05.FR.13, §2.2.6' },
  ],
}, async (t) => {
  const { csms, step, cfg } = t;
  const pki = await root2Material(cfg, TABLE);
  const cp = await csms.booted();
  await installNewRoot(t, cp, pki, TABLE);
  try {
    const slots = await networkSlots(cp, TABLE, t);
    const url = `${csms.url}${NEW_CSMS_PATH}`;
    const data = await connectionData(cp, url, TABLE);
    presentNewRootCertificate(t, pki);
    const next = csms.nextConnection({ requirement: `${TABLE} steps 7–8: the station connects to the new CSMS, verifying its certificate with the new CSMS root 2 (Part 2 B10.FR.04, M05.FR.12)` });
    next.catch(() => undefined); // awaited in step 7
    await migrateToProfile(t, cp, { table: TABLE, slot: slots.other, previous: slots.active, data });
    const link = await step(7, 'The station connects to the new CSMS and accepts its root-2 certificate (step 8); reusable state Booted (step 9)', async () => {
      const link = await next;
      const path = link.link.channel.info.url;
      t.note(`the station connected on ${path}`);
      await expectBootedAgain(t, link, TABLE, 9);
      return { link, path };
    });
    await step(10, 'Ours: with AdditionalRootCertificateCheck, the old CSMS root is gone (M05.FR.13)', async () => {
      const check = await readVariable(link.link, { component: 'SecurityCtrlr', variable: 'AdditionalRootCertificateCheck' }, `ours (${TABLE}): SecurityCtrlr.AdditionalRootCertificateCheck is read (Part 2 §2.2.6)`);
      if (check !== 'true') return t.note('AdditionalRootCertificateCheck is not true: both roots may stay (M05.FR.13 does not apply)');
      const res = await link.link.call('GetInstalledCertificateIds', { certificateType: ['CSMSRootCertificate'] }, {
        requirement: `ours (${TABLE}): GetInstalledCertificateIds CSMSRootCertificate (Part 2 M03)`,
      });
      expectCsmsRootListed(t, {
        resultSeq: res.answer.seq, name: 'the old CSMS root', pem: pki.oldRoot, present: false, level: 'SHOULD',
        requirement: `ours (${TABLE}, not a tool validation): Part 2 M05.FR.13: having connected with the new CSMS root, the station removes the old (fallback) root`,
      });
    });
    presentCertificateForEitherRoot(t, pki);
    await step(11, 'Ours: NetworkConfigurationPriority restored and the station reset onto it', () => restoreNetworkPriority(t, link.link, slots.priority, TABLE));
    // The harness has no check of the URL a connection came on: a station that kept the old profile is not judged.
    if (!link.path.includes(NEW_CSMS_PATH)) throw new Inconclusive(`the station did not connect with the new profile (${url}) but on ${link.path} (Part 2 B10.FR.04)`);
  } finally {
    presentCertificateForEitherRoot(t, pki);
  }
});
