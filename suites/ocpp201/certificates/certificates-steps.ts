// Shared steps of the block M (certificate management) tables with the charging station under test: the
// certificates of the run's PKI, the reusable states CertificateInstalled and GetInstalledCertificates
// (Part 6 Tables 438, 442), a CSMS root the station can install whatever AdditionalRootCertificateCheck
// says, and finding a certificate in a GetInstalledCertificateIdsResponse by the harness's own hash data.
import type { Matcher } from '../../../harness/checks/match.js';
import type { CaseLink, CallResultOk } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';
import { issueCertificate } from '../../../harness/security/certificate-factory.js';
import { hashDataIn, sameHashData, type CertificateHashData, type HashAlgorithm } from '../../../harness/security/certificate-hash.js';
import { loadFirmwareSigning, makeFirmwareSigning } from '../../../harness/security/firmware-signature.js';
import { readEntryPem, readManifest } from '../../../harness/security/load-pki.js';
import { readVariable } from '../provisioning/charging-station-steps.js';

type Ctx = ChargePointSutContext;

const ALGORITHMS: readonly HashAlgorithm[] = ['SHA256', 'SHA384', 'SHA512'];

/** A certificate as the cases name it: its PEM and, when another CA signed it, that issuer's PEM. */
export interface NamedCertificate {
  name: string;
  pem: string;
  issuerPem?: string;
}

/** The CSMS roots of the run's PKI: the one the station trusts from the start, and root 2 signed by it (M05.FR.10). */
export interface CsmsRoots {
  old: NamedCertificate;
  root2: NamedCertificate;
  /** A valid root CA signed by neither (M05.FR.11's "not signed by the old root"). */
  untrusted: NamedCertificate;
  /** A certificate never installed anywhere (its hash data for TC_M_22: no match). */
  unknown: NamedCertificate;
}

/** The CSMS roots from the run's PKI; INCONCLUSIVE (a configuration to fix) without one. */
export async function csmsRoots(t: Ctx, table: string): Promise<CsmsRoots> {
  const dir = t.cfg.security?.pkiDir;
  if (!dir) throw new Inconclusive(`${table} takes its CSMS root certificates from the run's PKI: configure security.pkiDir (made by \`ocpp-harness pki init\`)`);
  const manifest = await readManifest(dir);
  if (!manifest.entries['csms-root-ca-2']) throw new Inconclusive(`${dir} has no CSMS root 2 (made by an older \`pki init\`): make the PKI again and install its CSMS root in the station`);
  const cert = (name: Parameters<typeof readEntryPem>[2]) => readEntryPem(dir, manifest, name, 'cert');
  const old = await cert(manifest.use.ca);
  const untrusted = await cert('untrusted-root-ca');
  return {
    old: { name: 'the CSMS root of the run (old CSMS root)', pem: old },
    root2: { name: 'CSMS root 2 (signed by the old CSMS root)', pem: await cert('csms-root-ca-2'), issuerPem: old },
    untrusted: { name: 'a root CA signed by neither CSMS root', pem: untrusted },
    unknown: { name: 'a certificate the station never received', pem: await cert('bad-client-unknown-ca'), issuerPem: untrusted },
  };
}

/** The ManufacturerRootCertificate of the test data: the run's PKI, else one made for the case. */
export async function manufacturerRoot(t: Ctx): Promise<NamedCertificate> {
  const dir = t.cfg.security?.pkiDir;
  const signing = dir ? await loadFirmwareSigning(dir) : await makeFirmwareSigning();
  return { name: 'the manufacturer root of the test data', pem: signing.manufacturerRoot };
}

/** A self-signed root CA whose validity ended yesterday (TC_M_07's "Generated Expired Certificate"). */
export async function expiredRoot(): Promise<NamedCertificate> {
  const day = 86_400_000;
  const now = Date.now();
  const root = await issueCertificate({
    purpose: 'ca', kind: 'ec', subject: { commonName: 'OCPP Harness Expired Root CA', organization: 'ocpp-harness' },
    notBefore: new Date(now - 60 * day), notAfter: new Date(now - day),
  });
  return { name: 'a root CA that expired yesterday', pem: root.certificate.toString('pem') };
}

/**
 * Every form of a certificate's hash data a conforming station may report: each hash algorithm, and for a
 * certificate another CA signed, issuerKeyHash over its own key or over its issuer's (Part 2 §2.6 reads
 * "issuer's public key"; a root's issuer is itself).
 */
export function hashForms(c: NamedCertificate): CertificateHashData[] {
  return ALGORITHMS.flatMap((alg) => [hashDataIn(c.pem, alg), ...(c.issuerPem ? [hashDataIn(c.pem, alg, c.issuerPem)] : [])]);
}

/** The entries of a GetInstalledCertificateIdsResponse (of `type` when given). */
export function listedEntries(payload: Record<string, unknown>, type?: string): Array<{ certificateType?: unknown; certificateHashData: Partial<CertificateHashData> }> {
  const chain = Array.isArray(payload.certificateHashDataChain) ? payload.certificateHashDataChain as Array<Record<string, unknown>> : [];
  return chain
    .filter((e) => e && typeof e === 'object' && (type === undefined || e.certificateType === type))
    .map((e) => ({ certificateType: e.certificateType, certificateHashData: (e.certificateHashData ?? {}) as Partial<CertificateHashData> }));
}

/** The hash data the station itself listed for `c` (as `type`), or undefined (a precondition, not a finding). */
export function listedHashOf(payload: Record<string, unknown>, c: NamedCertificate, type: string): Partial<CertificateHashData> | undefined {
  const forms = hashForms(c);
  return listedEntries(payload, type).find((e) => forms.some((f) => sameHashData(e.certificateHashData, f)))?.certificateHashData;
}

export const lists = (payload: Record<string, unknown>, c: NamedCertificate, type: string) => listedHashOf(payload, c, type) !== undefined;

/**
 * Expect (judged from the trace) that the GetInstalledCertificateIdsResponse `result` lists one of `certs`
 * as `type` (present), or none of them (absent).
 */
export function expectListed(t: Ctx, result: CallResultOk, opts: { certs: NamedCertificate[]; type: string; present: boolean; requirement: string; level?: 'MUST' | 'SHOULD' }): void {
  t.csms.security.expect({
    check: 'certificateListed', resultSeq: result.answer.seq, certificate: opts.certs.map((c) => c.name).join(' or '), present: opts.present,
    certificateType: opts.type, hashes: opts.certs.flatMap(hashForms), requirement: opts.requirement, ...(opts.level ? { level: opts.level } : {}),
  });
}

/** GetInstalledCertificateIds for `types` (none: certificateType omitted). */
export function getInstalled(cp: CaseLink, types: string[] | undefined, opts: { requirement: string; expect?: Matcher; level?: 'MUST' | 'SHOULD'; octt?: 'fails' | 'not-checked' }): Promise<CallResultOk> {
  return cp.call('GetInstalledCertificateIds', types ? { certificateType: types } : {}, opts);
}

/** SecurityCtrlr.AdditionalRootCertificateCheck is true (unset or unreadable: false, as Part 2 §2.2.6 defaults it). */
export async function additionalRootCheck(cp: CaseLink, table: string): Promise<boolean> {
  const value = await readVariable(cp, { component: 'SecurityCtrlr', variable: 'AdditionalRootCertificateCheck' }, `${table} prerequisite: SecurityCtrlr.AdditionalRootCertificateCheck is read (Part 2 §2.2.6)`);
  return value === 'true';
}

/** Reusable state GetInstalledCertificates (Table 438): Accepted, and `expected` listed as `type`. */
export async function getInstalledCertificates(t: Ctx, cp: CaseLink, opts: { step: number; type: string; expected: NamedCertificate[]; table: string; level?: 'MUST' | 'SHOULD' }): Promise<CallResultOk> {
  return t.step(opts.step, `Reusable state GetInstalledCertificates for ${opts.type}: Accepted, listing ${opts.expected.map((c) => c.name).join(' or ')}`, async () => {
    const res = await getInstalled(cp, [opts.type], {
      expect: { status: 'Accepted' }, level: opts.level,
      requirement: `${opts.table} step ${opts.step}, reusable state GetInstalledCertificates (Table 438 step 2); Part 2 M03.FR.01, FR.03: a certificate of the type is installed, so status Accepted`,
    });
    expectListed(t, res, {
      certs: opts.expected, type: opts.type, present: true, level: opts.level,
      requirement: `${opts.table} step ${opts.step}, reusable state GetInstalledCertificates (Table 438 step 2); Part 2 M03.FR.04: the hash data of the installed ${opts.type} (computed by the harness) is listed`,
    });
    return res;
  });
}

/** What a case installed, so that it can put the store back as it found it. */
export interface Installed {
  type: string;
  cert: NamedCertificate;
  /** The station had it before the case. */
  hadIt: boolean;
}

/**
 * Memory/reusable state CertificateInstalled (Table 442): InstallCertificate of `cert` as `type`, answered
 * Accepted. `level` SHOULD where the table's assumption (a certificate the station does not have yet) fails.
 */
export async function certificateInstalled(t: Ctx, cp: CaseLink, opts: { step: number; type: string; cert: NamedCertificate; table: string; level?: 'MUST' | 'SHOULD'; hadIt?: boolean }): Promise<Installed> {
  const hadIt = opts.hadIt ?? lists((await getInstalled(cp, [opts.type], { octt: 'not-checked', requirement: `ours (${opts.table}): is ${opts.cert.name} installed already (to restore the store afterwards)? (Part 2 M03.FR.01)` })).payload, opts.cert, opts.type);
  await t.step(opts.step, `Reusable state CertificateInstalled: InstallCertificate ${opts.type} with ${opts.cert.name}, answered Accepted`, () =>
    cp.call('InstallCertificate', { certificateType: opts.type, certificate: opts.cert.pem }, {
      expect: { status: 'Accepted' }, level: opts.level,
      requirement: `${opts.table} step ${opts.step}, reusable state CertificateInstalled (Table 442 step 2); Part 2 M05.FR.01, FR.02: a valid root certificate is installed, status Accepted`,
    }));
  return { type: opts.type, cert: opts.cert, hadIt };
}

/** The state of the station's CSMS roots: AdditionalRootCertificateCheck, and which of the PKI's roots it lists. */
export interface CsmsRootState {
  arcc: boolean;
  hasOld: boolean;
  hasRoot2: boolean;
}

export async function csmsRootState(cp: CaseLink, roots: CsmsRoots, table: string): Promise<CsmsRootState> {
  const arcc = await additionalRootCheck(cp, table);
  const res = await getInstalled(cp, ['CSMSRootCertificate'], { octt: 'not-checked', requirement: `ours (${table}): which CSMS roots the station holds before the case (Part 2 M03.FR.01)` });
  return { arcc, hasOld: lists(res.payload, roots.old, 'CSMSRootCertificate'), hasRoot2: lists(res.payload, roots.root2, 'CSMSRootCertificate') };
}

/**
 * The memory state "CertificateInstalled for CSMSRootCertificate": CSMS root 2, which is signed by the old
 * root, so a station with AdditionalRootCertificateCheck accepts it too (M05.FR.10/12; TC_M_01_CS's note: a
 * custom root). With AdditionalRootCertificateCheck and root 2 already installed, sending it again is not
 * the table's situation (M05.FR.17 covers a repeat only without the check): Accepted is then a SHOULD.
 */
export async function csmsRootInstalled(t: Ctx, cp: CaseLink, opts: { step: number; roots: CsmsRoots; state: CsmsRootState; table: string }): Promise<Installed> {
  const { roots, state } = opts;
  if (state.arcc && !state.hasOld && !state.hasRoot2) {
    throw new Inconclusive('the station trusts a CSMS root that is not the run PKI\'s: with AdditionalRootCertificateCheck it only accepts a root signed by that one (M05.FR.10), and the harness has none');
  }
  const repeat = state.arcc && state.hasRoot2;
  if (repeat) t.note('CSMS root 2 is installed already (an earlier case): its InstallCertificate is judged at SHOULD');
  return certificateInstalled(t, cp, { step: opts.step, type: 'CSMSRootCertificate', cert: roots.root2, table: opts.table, hadIt: state.hasRoot2, ...(repeat ? { level: 'SHOULD' as const } : {}) });
}

/**
 * Put back what the case installed: a certificate the station did not have is deleted again (SHOULD: M04.FR.03
 * lets it refuse). A CSMS root installed with AdditionalRootCertificateCheck replaced the old root and stays.
 */
export async function removeInstalled(t: Ctx, cp: CaseLink, installed: Installed[], opts: { step: number; table: string; arcc?: boolean }): Promise<void> {
  const added = installed.filter((i) => !i.hadIt && !(opts.arcc && i.type === 'CSMSRootCertificate'));
  if (!added.length) return;
  await t.step(opts.step, 'Ours: the certificates the case installed are deleted again', async () => {
    const res = await getInstalled(cp, [...new Set(added.map((i) => i.type))], { octt: 'not-checked', requirement: `ours (${opts.table}): the hash data to delete with (Part 2 M03.FR.01)` });
    for (const i of added) {
      const hash = listedHashOf(res.payload, i.cert, i.type);
      if (!hash) continue;
      await cp.call('DeleteCertificate', { certificateHashData: hash }, {
        expect: { status: 'Accepted' }, level: 'SHOULD', octt: 'not-checked',
        requirement: `ours (${opts.table}, restoring the store): Part 2 M04.FR.02: an installed certificate is deleted`,
      });
    }
  });
}
