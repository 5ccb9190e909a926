// The first steps of TC_074_CS, TC_077_CS and the Memory State RenewChargePointCertificate of TC_083_CS:
// CpoName set (the Before state), ExtendedTriggerMessage SignChargePointCertificate, the charger's
// SignCertificate.req judged by the harness as CA (checkCsr) and answered, CertificateSigned with a
// certificate signed by `signer` (the CPO root, or the untrusted root for TC_077).
import type { CaseLink, CallResultOk } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { checkCsr, loadSigningCa, signCsr, type CsrCheck } from '../../../harness/security/csr.js';
import { readManifest } from '../../../harness/security/load-pki.js';
import type { PkiEntryName } from '../../../harness/security/pki-layout.js';
import { x509 } from '../../../harness/security/x509.js';
import { WHITEPAPER } from './security-cs-steps.js';

export interface Signed { sent: CallResultOk; serialNumber: string; answer: CallResultOk }

export async function renewCertificate(t: ChargePointSutContext, cp: CaseLink, table: number, signer: PkiEntryName, expectStatus: 'Accepted' | 'Rejected'): Promise<Signed> {
  const { csms, cfg, step, notApplicable } = t;
  const dir = cfg.security?.pkiDir;
  if (!dir) return notApplicable('the run has no PKI (security.pkiDir) to sign the charge point certificate with');
  const cpoName = cfg.security?.cpoName ?? (await readManifest(dir)).cpoName;
  await cp.call('ChangeConfiguration', { key: 'CpoName', value: cpoName }, { octt: 'not-checked', level: 'SHOULD', expect: { status: 'Accepted' }, requirement: `OCTT Table ${table} Before: CpoName is the configured name (${WHITEPAPER} §7 CpoName)` });
  let check: CsrCheck | undefined;
  cp.handle('SignCertificate', async (p) => {
    check = await checkCsr(String(p.csr ?? ''), { commonName: cp.identity, organization: cpoName });
    return { status: check.ok ? 'Accepted' : 'Rejected' };
  });
  const trigger = await step(1, 'ExtendedTriggerMessage SignChargePointCertificate, no connectorId: Accepted (steps 1–2)', () =>
    cp.call('ExtendedTriggerMessage', { requestedMessage: 'SignChargePointCertificate' }, {
      expect: { status: 'Accepted' }, requirement: `OCTT Table ${table} step 2; ${WHITEPAPER} A02: the charge point accepts to renew its certificate`,
    }));
  const request = await step(3, 'SignCertificate with a CSR the harness as CA accepts (steps 3–4)', async () => {
    const call = await cp.expectCall('SignCertificate', { after: trigger.answer.seq, requirement: `OCTT Table ${table} step 3; ${WHITEPAPER} A02.FR.02: a new key pair and a CSR in SignCertificate.req` });
    await call.replied;
    csms.security.expect({ check: 'csr', callSeq: call.event.seq, problems: check?.problems ?? ['no CSR checked'], requirement: `OCTT Table ${table} step 4 (the tool answers Accepted); ${WHITEPAPER} A02.FR.03, A02.FR.13` });
    return check;
  });
  if (!request?.ok) throw new ExpectationUnmet('the CSR was refused: nothing to sign'); // the security.csr finding says why
  return step(5, `CertificateSigned with a certificate signed by ${signer === 'csms-root-ca' ? 'the CPO root' : 'a root the charger does not trust'}: ${expectStatus} (steps 5–6)`, async () => {
    const signed = await signCsr(request, await loadSigningCa(dir, signer));
    const answer = await cp.call('CertificateSigned', { certificateChain: signed.certificateChain }, {
      expect: { status: expectStatus },
      requirement: `OCTT Table ${table} step 6; ${WHITEPAPER} A02.FR.06: ${expectStatus === 'Accepted' ? 'a valid certificate is accepted' : 'a certificate that does not verify against the Central System root is rejected'}`,
    });
    return { sent: answer, answer, serialNumber: new x509.X509Certificate(signed.certificate).serialNumber };
  });
}
