// TC_075_1_CS / TC_075_2_CS (Tables 90, 91): InstallCertificate of a root from the run's PKI, then
// GetInstalledCertificateIds lists it by the harness's own hash data. A root the charger did not have
// before is deleted again at the end (the Before state), one it had is left alone.
import { defineCase, type CaseDefinition } from '../../../harness/dsl/define-case.js';
import { certificateHashData, hashDataIn } from '../../../harness/security/certificate-hash.js';
import type { PkiEntryName } from '../../../harness/security/pki-layout.js';
import { expectListed, installedHashes, pkiPem, WHITEPAPER } from './security-cs-steps.js';
import { sameHashData } from '../../../harness/security/certificate-hash.js';

export function installCertificateCase(o: { id: string; table: number; title: string; certificateType: string; pkiEntry: PkiEntryName }): CaseDefinition<'ChargePoint'> {
  return defineCase({
    id: o.id, title: o.title, ocpp: '1.6', profile: 'Security', sut: 'ChargePoint',
    octt: { table: o.table, follows: '2024-04' },
    securityProfiles: [2, 3],
    purpose: `The charge point installs a ${o.certificateType} the CSMS sends and then reports it in GetInstalledCertificateIds.`,
    refs: [`${WHITEPAPER} M05 Install CA certificate`, `${WHITEPAPER} M03 Retrieve list of available certificates`, `${WHITEPAPER} §3.2.3 CertificateHashDataType`],
    provenance: `OCTT 1.6 TCD 2024-04 Table ${o.table}; ours: the certificate is ${o.pkiEntry} of the run's PKI, and a certificate the charger did not have before is deleted at the end.`,
    deviations: [{ what: 'After the case, DeleteCertificate removes the certificate again if the charger did not have it before', why: 'restores the Before state (CASE-RULES rule 4)', source: `${WHITEPAPER} M04` }],
  }, async ({ csms, cfg, step, note, notApplicable }) => {
    const pem = await pkiPem(cfg, o.pkiEntry);
    if (!pem) return notApplicable('the run has no PKI (security.pkiDir) to take the certificate from');
    const cp = await csms.booted();
    const before = await cp.call('GetInstalledCertificateIds', { certificateType: o.certificateType }, { octt: 'not-checked', requirement: `${WHITEPAPER} M03: GetInstalledCertificateIds is answered (Before: is the certificate there already?)` });
    const hadIt = installedHashes(before.payload).some((h) => sameHashData(h, hashDataIn(pem, h.hashAlgorithm === 'SHA384' || h.hashAlgorithm === 'SHA512' ? h.hashAlgorithm : 'SHA256')));
    await step(1, `InstallCertificate ${o.certificateType}: the charge point answers Accepted (steps 1–2)`, () =>
      cp.call('InstallCertificate', { certificateType: o.certificateType, certificate: pem }, {
        expect: { status: 'Accepted' },
        requirement: `OCTT Table ${o.table} step 2; ${WHITEPAPER} M05: a valid root certificate is installed (Accepted)`,
      }));
    await step(3, `GetInstalledCertificateIds ${o.certificateType}: Accepted, and the certificate is listed (steps 3–4)`, async () => {
      const res = await cp.call('GetInstalledCertificateIds', { certificateType: o.certificateType }, {
        expect: { status: 'Accepted' },
        requirement: `OCTT Table ${o.table} step 4; ${WHITEPAPER} M03`,
      });
      expectListed(csms, res.answer.seq, o.pkiEntry, pem, true, `OCTT Table ${o.table} step 4: certificateHashData includes the installed certificate (the harness computes the hash data itself)`);
    });
    await step(5, 'Restore: a certificate the charger did not have before is deleted again', async () => {
      if (hadIt) {
        note('the charger had this certificate before the case: left installed');
        return;
      }
      await cp.call('DeleteCertificate', { certificateHashData: certificateHashData(pem) }, {
        octt: 'not-checked', level: 'SHOULD', expect: { status: 'Accepted' },
        requirement: `${WHITEPAPER} M04: an installed certificate can be deleted (restoring the Before state)`,
      });
    });
  });
}
