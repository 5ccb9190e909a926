import { defineCase } from '../../../harness/dsl/define-case.js';
import { hashDataIn, type HashAlgorithm } from '../../../harness/security/certificate-hash.js';
import { expectListed, installedHashes, pkiPem, WHITEPAPER } from './security-cs-steps.js';

const TYPE = 'CentralSystemRootCertificate';

export default defineCase({
  id: 'TC_076_CS',
  title: 'Delete a specific certificate from the Charge Point',
  ocpp: '1.6', profile: 'Security', sut: 'ChargePoint',
  octt: { table: 92, follows: '2024-04' },
  securityProfiles: [2, 3],
  purpose: 'The charge point deletes an installed Central System root certificate named by its hash data, and no longer lists it.',
  refs: [`${WHITEPAPER} M04 Delete a specific certificate`, `${WHITEPAPER} M03`, `${WHITEPAPER} §3.2.3 CertificateHashDataType`],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 92; ours: the Memory State CertificateInstalled is made by installing the run PKI\'s untrusted-root-ca as an extra CentralSystemRootCertificate (not the one the connection needs), which is the certificate deleted.',
  deviations: [{ what: 'Before: InstallCertificate of an extra root (Accepted, SHOULD)', why: 'Memory State CertificateInstalled, without risking the root the connection depends on', source: `${WHITEPAPER} M05` }],
}, async ({ csms, cfg, step, notApplicable }) => {
  const pem = await pkiPem(cfg, 'untrusted-root-ca');
  if (!pem) return notApplicable('the run has no PKI (security.pkiDir) to take the certificate from');
  const cp = await csms.booted();
  const installed = await cp.call('InstallCertificate', { certificateType: TYPE, certificate: pem }, { octt: 'not-checked', level: 'SHOULD', requirement: `${WHITEPAPER} M05 (Memory State CertificateInstalled)` });
  if (installed.payload.status !== 'Accepted') return notApplicable(`Memory State CertificateInstalled: the charger did not install the extra root (${String(installed.payload.status)})`);

  const alg = await step(1, `GetInstalledCertificateIds ${TYPE}: the installed certificate is listed (steps 1–2)`, async () => {
    const res = await cp.call('GetInstalledCertificateIds', { certificateType: TYPE }, { octt: 'not-checked', requirement: `${WHITEPAPER} M03: GetInstalledCertificateIds is answered` });
    const used = installedHashes(res.payload)[0]?.hashAlgorithm;
    return (used === 'SHA384' || used === 'SHA512' ? used : 'SHA256') as HashAlgorithm;
  });
  await step(3, 'DeleteCertificate with the hash data of the installed certificate, in the algorithm of step 2: Accepted (steps 3–4)', () =>
    cp.call('DeleteCertificate', { certificateHashData: hashDataIn(pem, alg) }, {
      expect: { status: 'Accepted' },
      requirement: `OCTT Table 92 step 4; ${WHITEPAPER} M04: an installed certificate is deleted (Accepted)`,
    }));
  await step(5, `GetInstalledCertificateIds ${TYPE}: the deleted certificate is no longer listed (steps 5–6)`, async () => {
    const res = await cp.call('GetInstalledCertificateIds', { certificateType: TYPE }, { requirement: `${WHITEPAPER} M03: GetInstalledCertificateIds is answered` });
    expectListed(csms, res.answer.seq, 'untrusted-root-ca', pem, false, `OCTT Table 92 step 6: certificateHashData does not include the removed certificate (the harness computes the hash data itself)`);
  });
});
