// The certificate store of the 2.0.1 reference charging station (Part 2 M03–M05): the root certificates
// it trusts per InstallCertificateUse, bounded by CertificateEntries' limit, and — with
// AdditionalRootCertificateCheck (§2.2.6) — one CSMS root at a time plus the one it replaced, kept as a
// fallback until a connection verifies with the new one (M05.FR.09–FR.13).
import { X509Certificate } from 'node:crypto';
import { hashDataIn, sameHashData, type CertificateHashData, type HashAlgorithm } from '../../../../security/certificate-hash.js';
import { rootProblem } from '../../../ocpp16/reference/charge-point/certificate-store.js';

export const ROOT_TYPES = ['CSMSRootCertificate', 'ManufacturerRootCertificate', 'V2GRootCertificate', 'MORootCertificate'] as const;
export type RootType = (typeof ROOT_TYPES)[number];

/** SecurityCtrlr.CertificateEntries' maxLimit. */
export const CERTIFICATE_ENTRIES_MAX = 10;

export function isRootType(value: unknown): value is RootType {
  return typeof value === 'string' && (ROOT_TYPES as readonly string[]).includes(value);
}

export interface InstallOutcome {
  status: 'Accepted' | 'Rejected' | 'Failed';
  problem?: string;
}

export interface InstalledCertificate {
  certificateType: RootType;
  certificateHashData: CertificateHashData;
}

export interface StoreBehaviour {
  /** SecurityCtrlr.AdditionalRootCertificateCheck. */
  additionalRootCheck: boolean;
  /** The most certificates the store holds (the fallback counts). */
  maxEntries: number;
  /** Faults (quirks): an expired root is installed; with the check, a CSMS root not signed by the installed one goes in next to it. */
  acceptExpired?: boolean;
  skipSignedByCheck?: boolean;
}

export class StationCertificates {
  private readonly roots = new Map<RootType, string[]>(ROOT_TYPES.map((t) => [t, []]));
  /** With AdditionalRootCertificateCheck: the CSMS root the current one replaced (M05.FR.12). */
  private fallback?: string;

  constructor(readonly behaviour: StoreBehaviour, initial: Partial<Record<RootType, string[]>> = {}) {
    for (const type of ROOT_TYPES) this.roots.get(type)!.push(...(initial[type] ?? []).map((p) => p.trim()));
  }

  get size(): number {
    let n = this.fallback ? 1 : 0;
    for (const list of this.roots.values()) n += list.length;
    return n;
  }

  trusted(type: RootType): readonly string[] {
    return this.roots.get(type)!;
  }

  get fallbackCsmsRoot(): string | undefined {
    return this.fallback;
  }

  /** Install a root (M05): Accepted, Rejected (invalid; AdditionalRootCertificateCheck not signed by the old one) or Failed (full). */
  install(type: RootType, pem: string): InstallOutcome {
    const problem = rootProblem(pem);
    if (problem && !(this.behaviour.acceptExpired && /^expired/.test(problem))) return { status: 'Rejected', problem };
    const list = this.roots.get(type)!;
    const cert = pem.trim();
    const same = (other: string) => sameHashData(hashDataIn(other, 'SHA256'), hashDataIn(cert, 'SHA256'));
    // M05.FR.17: a certificate already present is replaced, i.e. stays, Accepted.
    if (list.some(same)) return { status: 'Accepted' };
    if (type === 'CSMSRootCertificate' && this.behaviour.additionalRootCheck && list.length > 0) {
      const current = list[0]!;
      // M05.FR.10/11: the new CSMS root must be signed by the one it replaces.
      if (!signedBy(cert, current)) {
        if (!this.behaviour.skipSignedByCheck) return { status: 'Rejected', problem: 'not signed by the installed CSMS root (AdditionalRootCertificateCheck)' };
        list.push(cert);
        return { status: 'Accepted' };
      }
      // M05.FR.12: it replaces the old root, which stays as a fallback.
      this.fallback = current;
      this.roots.set(type, [cert]);
      return { status: 'Accepted' };
    }
    if (this.size >= this.behaviour.maxEntries) return { status: 'Failed', problem: `the store holds ${this.size} certificates (CertificateEntries)` };
    list.push(cert);
    return { status: 'Accepted' };
  }

  /** GetInstalledCertificateIds: every installed root of `types` (all types when none), the fallback included. */
  installed(types: readonly string[], alg: HashAlgorithm = 'SHA256', omitFallback = false): InstalledCertificate[] {
    const wanted = ROOT_TYPES.filter((t) => types.length === 0 || types.includes(t));
    const out: InstalledCertificate[] = [];
    for (const type of wanted) {
      for (const pem of this.roots.get(type)!) out.push({ certificateType: type, certificateHashData: hashDataIn(pem, alg) });
      if (type === 'CSMSRootCertificate' && this.fallback && !omitFallback) out.push({ certificateType: type, certificateHashData: hashDataIn(this.fallback, alg) });
    }
    return out;
  }

  /** Whether a certificate with this hash data is in the store (the fallback included). */
  holds(hash: Partial<CertificateHashData>): boolean {
    const alg = (hash.hashAlgorithm ?? 'SHA256') as HashAlgorithm;
    const all = [...(this.fallback ? [this.fallback] : []), ...[...this.roots.values()].flat()];
    return all.some((pem) => sameHashData(hash, hashDataIn(pem, alg)));
  }

  /** DeleteCertificate by hash data: Accepted or NotFound. A deleted current CSMS root gives way to its fallback. */
  delete(hash: Partial<CertificateHashData>): 'Accepted' | 'NotFound' {
    const alg = (hash.hashAlgorithm ?? 'SHA256') as HashAlgorithm;
    const matches = (pem: string) => sameHashData(hash, hashDataIn(pem, alg));
    if (this.fallback && matches(this.fallback)) {
      this.fallback = undefined;
      return 'Accepted';
    }
    for (const [type, list] of this.roots) {
      const i = list.findIndex(matches);
      if (i < 0) continue;
      list.splice(i, 1);
      if (type === 'CSMSRootCertificate' && list.length === 0 && this.fallback) {
        list.push(this.fallback);
        this.fallback = undefined;
      }
      return 'Accepted';
    }
    return 'NotFound';
  }

  /** M05.FR.13: a connection verified with the new CSMS root; the fallback goes. Whether one was removed. */
  dropFallback(): boolean {
    const had = this.fallback !== undefined;
    this.fallback = undefined;
    return had;
  }
}

function signedBy(pem: string, issuerPem: string): boolean {
  try {
    const cert = new X509Certificate(pem);
    const issuer = new X509Certificate(issuerPem);
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}
