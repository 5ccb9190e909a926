// The charge point's certificate store (Security Whitepaper ed. 3 §2.5, use cases M03–M05): the
// Central System and manufacturer root certificates it trusts, bounded by CertificateStoreMaxLength,
// and its own ChargePointCertificate with its private key (profile 3). Root certificates are
// checked before they are installed: a parsable X.509 CA certificate within its validity.
import { certificateHashData, hashDataIn, sameHashData, type CertificateHashData, type HashAlgorithm } from '../../../../security/certificate-hash.js';
import { x509 } from '../../../../security/x509.js';

export type RootType = 'CentralSystemRootCertificate' | 'ManufacturerRootCertificate';

export interface ClientCertificate { cert: string; key: string }

/** Why `pem` cannot serve as a trusted root now, or undefined when it can. */
export function rootProblem(pem: string, now = new Date()): string | undefined {
  let cert: x509.X509Certificate;
  try {
    cert = new x509.X509Certificate(pem);
  } catch (err) {
    return `not an X.509 certificate: ${(err as Error).message}`;
  }
  if (cert.notBefore > now) return `not valid before ${cert.notBefore.toISOString()}`;
  if (cert.notAfter < now) return `expired on ${cert.notAfter.toISOString()}`;
  const basic = cert.getExtension(x509.BasicConstraintsExtension);
  if (!basic?.ca) return 'not a CA certificate (basicConstraints cA is not set)';
  return undefined;
}

export class CertificateStore {
  private readonly roots: Record<RootType, string[]> = { CentralSystemRootCertificate: [], ManufacturerRootCertificate: [] };
  /** The ChargePointCertificate in use (profile 3), and the key pair awaiting its certificate. */
  clientCertificate?: ClientCertificate;

  constructor(private readonly maxLength: number, initial: Partial<Record<RootType, string[]>> = {}) {
    for (const type of Object.keys(this.roots) as RootType[]) this.roots[type].push(...(initial[type] ?? []));
  }

  trusted(type: RootType): readonly string[] {
    return this.roots[type];
  }

  get size(): number {
    return this.roots.CentralSystemRootCertificate.length + this.roots.ManufacturerRootCertificate.length;
  }

  /** Install a root: Accepted (also when already present), Rejected with a reason, or Failed (store full). */
  install(type: RootType, pem: string): { status: 'Accepted' | 'Rejected' | 'Failed'; problem?: string } {
    const problem = rootProblem(pem);
    if (problem) return { status: 'Rejected', problem };
    const hash = certificateHashData(pem);
    if (this.roots[type].some((c) => sameHashData(certificateHashData(c), hash))) return { status: 'Accepted' };
    if (this.size >= this.maxLength) return { status: 'Failed', problem: `the store holds ${this.size} certificates (CertificateStoreMaxLength)` };
    this.roots[type].push(pem.trim());
    return { status: 'Accepted' };
  }

  hashes(type: RootType, alg: HashAlgorithm = 'SHA256'): CertificateHashData[] {
    return this.roots[type].map((pem) => hashDataIn(pem, alg));
  }

  /** Delete the root with this hash data: Accepted, or NotFound. */
  delete(hash: Partial<CertificateHashData>): 'Accepted' | 'NotFound' {
    const alg = (hash.hashAlgorithm ?? 'SHA256') as HashAlgorithm;
    for (const type of Object.keys(this.roots) as RootType[]) {
      const i = this.roots[type].findIndex((pem) => sameHashData(hash, hashDataIn(pem, alg)));
      if (i >= 0) {
        this.roots[type].splice(i, 1);
        return 'Accepted';
      }
    }
    return 'NotFound';
  }
}
