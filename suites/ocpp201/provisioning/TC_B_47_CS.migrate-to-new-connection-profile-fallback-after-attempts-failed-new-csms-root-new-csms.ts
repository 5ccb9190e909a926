import { defineCase } from '../../../harness/dsl/define-case.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';
import { CONNECTION_ATTEMPTS, connectionData, expectBootedAgain, migrateToProfile, networkSlots, prepareVariables, restoreNetworkPriority, restoreVariables } from './charging-station-steps.js';
import { expectCsmsRootListed, installNewRoot, listsCsmsRoot, presentCertificateForEitherRoot, root2Material } from './new-csms-root-steps.js';

const TABLE = 'Part 6 TC_B_47_CS (Table 55)';
/** The "new CSMS": the harness under another path, still presenting its certificate of the old CSMS root. */
const NEW_CSMS_PATH = '-new-csms';

export default defineCase({
  id: 'TC_B_47_CS',
  title: 'Migrate to new ConnectionProfile - Fallback after NetworkProfileConnectionAttempts per NetworkConfigurationPriority failed - New CSMS Root - New CSMS',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  securityProfiles: [2, 3],
  part6: { useCase: 'B09 Setting a new NetworkConnectionProfile, B10 Migrate to new CSMS, M05 Install CA certificate', requirements: ['B10.FR.07', 'M05.FR.15', 'M05.FR.16'] },
  pics: { all: ['AS-2', 'C-47'], text: 'Additional Root Certificate check mechanism implemented & Reconnect after NetworkProfileConnectionAttempts' },
  purpose: 'With CSMS root 2 installed in place of the old root, the station refuses the new CSMS\'s certificate of the old root, falls back to the previous profile, verifies the harness there with the old (fallback) root, boots, and still lists the old root.',
  refs: ['OCPP 2.0.1 Part 2 B10.FR.03, FR.07', 'OCPP 2.0.1 Part 2 M05.FR.10, FR.12, FR.15, FR.16', 'OCPP 2.0.1 Part 2 §2.2.6 AdditionalRootCertificateCheck'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_47_CS; ours: CSMS root 2 comes from the run\'s PKI (signed by the run\'s CSMS root, the old root); the new CSMS is the harness under another path presenting the run\'s server certificate (old root); before the case the station must still list the old root; the slots are the one in use and the other of 1 and 2; afterwards the priority and NetworkProfileConnectionAttempts are restored and the station reset again.',
  deviations: [
    { what: 'Before the case the station lists the run\'s CSMS root (else INCONCLUSIVE)', why: 'The table\'s "old" root must be the one the station trusts; after TC_B_50_CS a station may have removed it (M05.FR.13)', source: 'OCPP 2.0.1 Part 2 M05.FR.13' },
    { what: 'After the case NetworkConfigurationPriority is set back and a Reset accepted (SHOULD)', why: 'Restores the station for the next case', source: 'OCPP 2.0.1 Part 2 B10.FR.01, B11.FR.01' },
    { what: 'Variables the case changed are set back after it (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 B05.FR.10' },
    { what: 'From this case on the harness presents the root-2 server certificate with root 2 as intermediate', why: 'It verifies under the old root and under root 2 alone: the station may drop the old root once it connects with root 2 (M05.FR.13)', source: 'OCPP 2.0.1 Part 2 M05.FR.13, §2.2.6' },
  ],
}, async (t) => {
  const { csms, step, cfg } = t;
  const pki = await root2Material(cfg, TABLE);
  const cp = await csms.booted();
  await step(0, 'Before (ours): the station lists the run\'s CSMS root, the old root of this case', async () => {
    const res = await cp.call('GetInstalledCertificateIds', { certificateType: ['CSMSRootCertificate'] }, {
      requirement: `${TABLE} Before: GetInstalledCertificateIds CSMSRootCertificate (Part 2 M03.FR.01)`,
    });
    if (!listsCsmsRoot(res.payload, pki.oldRoot)) {
      throw new Inconclusive('the station does not list the run\'s CSMS root, which this case needs as the old root (a station that ran TC_B_50_CS may have removed it, M05.FR.13): give the station back the run\'s CSMS root');
    }
  });
  const changes = await prepareVariables(t, cp, [[CONNECTION_ATTEMPTS, '1']], TABLE);
  try {
    await installNewRoot(t, cp, pki, TABLE);
    const slots = await networkSlots(cp, TABLE, t);
    const url = `${csms.url}${NEW_CSMS_PATH}`;
    const data = await connectionData(cp, url, TABLE);
    csms.security.setServerCertificate(); // the run's own, issued by the old root
    const anchor = cp.mark('the harness presents its server certificate issued by the old CSMS root on every path');
    const next = csms.nextConnection({ requirement: `${TABLE} steps 9–10; Part 2 B10.FR.03, M05.FR.16: after NetworkProfileConnectionAttempts failed on the new profile, the station goes back to the previous one and verifies the harness with the old (fallback) root` });
    next.catch(() => undefined); // awaited in step 9
    await migrateToProfile(t, cp, { table: TABLE, slot: slots.other, previous: slots.active, data });
    await step(7, `On the new profile (${url}) the harness presents a certificate of the old root; the station, verifying with root 2, refuses it (step 8)`, () => undefined);
    const link = await step(9, 'The station goes back to the previous profile and accepts the certificate with the old (fallback) root; reusable state Booted (step 10)', async () => {
      const link = await next;
      t.note(`the station connected on ${link.link.channel.info.url}`);
      csms.security.expect({
        check: 'noConnection', afterSeq: anchor, untilSeq: link.mark('the station is connected again'), identity: cfg.identity, pathIncludes: NEW_CSMS_PATH,
        what: 'a certificate issued by the old CSMS root to a station that replaced that root with root 2',
        requirement: `${TABLE} step 8; Part 2 M05.FR.10, M05.FR.15: the new CSMS root replaced the old one, so connecting to the new CSMS fails on the old root's certificate`,
      });
      await expectBootedAgain(t, link, TABLE, 10);
      return link;
    });
    await step(11, 'GetInstalledCertificateIds CSMSRootCertificate (step 12: Accepted, the old root listed)', async () => {
      const res = await link.call('GetInstalledCertificateIds', { certificateType: ['CSMSRootCertificate'] }, {
        expect: { status: 'Accepted' }, requirement: `${TABLE} step 12: GetInstalledCertificateIdsResponse status Accepted`,
      });
      expectCsmsRootListed(t, {
        resultSeq: res.answer.seq, name: 'the old CSMS root', pem: pki.oldRoot, present: true,
        requirement: `${TABLE} step 12: certificateHashDataChain has a CSMSRootCertificate entry of the old CSMS root (Part 2 M05.FR.12: kept as the fallback)`,
      });
    });
    presentCertificateForEitherRoot(t, pki);
    await step(13, 'Ours: NetworkConfigurationPriority and NetworkProfileConnectionAttempts restored, the station reset onto them', async () => {
      const back = await restoreNetworkPriority(t, link, slots.priority, TABLE);
      await restoreVariables(t, back, changes);
    });
  } finally {
    presentCertificateForEitherRoot(t, pki);
  }
});
