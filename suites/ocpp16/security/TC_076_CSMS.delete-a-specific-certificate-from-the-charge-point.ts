import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet, Inconclusive } from '../../../harness/dsl/errors.js';
import { certificateHashData } from '../../../harness/security/certificate-hash.js';
import { makeFirmwareSigning } from '../../../harness/security/firmware-signature.js';
import { pkiCertificate } from './security-csms-steps.js';

export default defineCase({
  id: 'TC_076_CSMS',
  title: 'Delete a specific certificate from the Charge Point',
  ocpp: '1.6',
  profile: 'Security',
  sut: 'Csms',
  octt: { table: 183, follows: '2024-04' },
  purpose: 'The CSMS deletes a CentralSystemRootCertificate it installed: it lists the installed certificates, then sends DeleteCertificate with the hash data of that one.',
  refs: ['Security Whitepaper ed. 3 §3.4 Delete a specific certificate from the Charge Point', '§5.3 DeleteCertificate', '§5.7 GetInstalledCertificateIds', '§6.2 CertificateHashDataType'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 183; ours: "Root 2" is another root than the one the charge point trusts (the PKI\'s untrusted root, or one made for the case), installed through SUT control before step 1; the table\'s validation of DeleteCertificate.req (labelled step 1 there) is checked at step 3 where that request comes, against the harness\'s own SHA-256 hash data of Root 2.',
  actions: ['InstallCertificate', 'GetInstalledCertificateIds', 'DeleteCertificate'],
}, async ({ cp, cfg, sut, step }) => {
  const link = await cp.booted();
  const hashData = await step(1, 'Before: the CSMS installs a CentralSystemRootCertificate (Root 2); then it sends GetInstalledCertificateIds and the charge point lists it (steps 1–2)', async () => {
    // Root 2: a root the charge point does not use for its connection.
    const rootTwo = (await pkiCertificate(cfg, 'untrusted-root-ca')) ?? (await makeFirmwareSigning('OCPP Harness Root 2')).manufacturerRoot;
    await sut.do('InstallCertificate', { certificateType: 'CentralSystemRootCertificate', certificate: rootTwo });
    const install = await link.expectCall('InstallCertificate', {
      match: { certificateType: 'CentralSystemRootCertificate' }, level: 'SHOULD',
      requirement: 'OCTT Table 183 memory state: the CSMS is asked to install a CentralSystemRootCertificate (Root 2) first (ours, SHOULD)',
    });
    if ((await link.answerOf(install)).status !== 'Accepted') throw new Inconclusive('the harness charge point did not install Root 2');
    await sut.do('GetInstalledCertificateIds', { certificateType: 'CentralSystemRootCertificate' });
    const list = await link.expectCall('GetInstalledCertificateIds', {
      requirement: 'OCTT Table 183 step 1: the CSMS sends GetInstalledCertificateIds.req (whitepaper §3.4, §5.7)',
    });
    await list.replied;
    return certificateHashData(rootTwo);
  });

  await step(3, 'The CSMS sends DeleteCertificate with the hash data of Root 2; the charge point deletes it (steps 3–4)', async () => {
    await sut.do('DeleteCertificate', { certificateHashData: hashData });
    const call = await link.expectCall('DeleteCertificate', {
      match: {
        'certificateHashData.hashAlgorithm': hashData.hashAlgorithm,
        'certificateHashData.issuerNameHash': hashData.issuerNameHash,
        'certificateHashData.issuerKeyHash': hashData.issuerKeyHash,
        'certificateHashData.serialNumber': hashData.serialNumber,
      },
      requirement: 'OCTT Table 183 (DeleteCertificate.req): hashAlgorithm as the charge point returned it, certificateHashData that of the installed CentralSystemRootCertificate (whitepaper §5.3, §6.2)',
    });
    if ((await link.answerOf(call)).status !== 'Accepted') throw new ExpectationUnmet('DeleteCertificate did not name the installed Root 2');
  });

});
