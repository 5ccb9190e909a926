// The harness's own certificate store when it plays an OCPP 2.0.1 charging station (the CSMS under test
// sends M03–M05 requests): InstallCertificate keeps a CA certificate of a root type, GetInstalledCertificateIds
// lists them (SHA256 unless a case asks for another algorithm), DeleteCertificate removes one by its hash data.
// It lives beside the role's security memory, so it is kept across connections like a station's store.
import { X509Certificate } from 'node:crypto';
import { hashDataIn, pemCertificates, sameHashData, type CertificateHashData, type HashAlgorithm } from '../../../security/certificate-hash.js';
import type { HandlerTable } from '../../../roles/link.js';
import type { ChargePointSecurityMemory } from '../../ocpp16/roles/charge-point-security.js';

/** The InstallCertificateUseEnumType values (root certificates a station installs, Part 2 M05). */
export const INSTALL_CERTIFICATE_USES = ['CSMSRootCertificate', 'ManufacturerRootCertificate', 'V2GRootCertificate', 'MORootCertificate'] as const;

export interface StoredCertificate {
  certificateType: string;
  pem: string;
}

export class StationCertificateStore {
  readonly certificates: StoredCertificate[] = [];
  /** The algorithm GetInstalledCertificateIds reports in (TC_M_20_CSMS runs SHA256, SHA384 and SHA512). */
  hashAlgorithm: HashAlgorithm = 'SHA256';

  install(certificateType: string, pem: string): void {
    const i = this.certificates.findIndex((c) => c.certificateType === certificateType && sameHashData(hashDataIn(c.pem, 'SHA256'), hashDataIn(pem, 'SHA256')));
    if (i >= 0) this.certificates.splice(i, 1); // M05.FR.17: a certificate already present is replaced
    this.certificates.push({ certificateType, pem });
  }

  /** The entries of `types` (all when none), with hash data in the store's algorithm. */
  list(types: readonly string[]): Array<{ certificateType: string; certificateHashData: CertificateHashData }> {
    return this.certificates
      .filter((c) => types.length === 0 || types.includes(c.certificateType))
      .map((c) => ({ certificateType: c.certificateType, certificateHashData: hashDataIn(c.pem, this.hashAlgorithm) }));
  }

  /** Remove the certificate with this hash data (in the algorithm it names): whether one was there. */
  delete(hash: Partial<CertificateHashData>): boolean {
    const alg = (['SHA256', 'SHA384', 'SHA512'] as const).find((a) => a === hash.hashAlgorithm);
    if (!alg) return false;
    const i = this.certificates.findIndex((c) => sameHashData(hash, hashDataIn(c.pem, alg)));
    if (i < 0) return false;
    this.certificates.splice(i, 1);
    return true;
  }
}

const stores = new WeakMap<ChargePointSecurityMemory, StationCertificateStore>();

/** The store of the harness station whose security memory this is; it starts with the CSMS root it trusts. */
export function stationCertificates(memory: ChargePointSecurityMemory): StationCertificateStore {
  let store = stores.get(memory);
  if (!store) {
    store = new StationCertificateStore();
    for (const c of memory.certificates) {
      if (c.certificateType === 'CentralSystemRootCertificate') store.install('CSMSRootCertificate', c.pem);
    }
    stores.set(memory, store);
  }
  return store;
}

function isCaCertificate(pem: string): boolean {
  try {
    return new X509Certificate(pem).ca;
  } catch {
    return false;
  }
}

/** The answers to the CSMS's certificate requests, from the store. */
export function certificateHandlers201(store: StationCertificateStore): HandlerTable {
  return {
    InstallCertificate: (p) => {
      const type = String(p.certificateType);
      const pem = pemCertificates(String(p.certificate ?? ''))[0];
      if (!(INSTALL_CERTIFICATE_USES as readonly string[]).includes(type) || !pem || !isCaCertificate(pem)) return { status: 'Rejected' };
      store.install(type, pem);
      return { status: 'Accepted' };
    },
    GetInstalledCertificateIds: (p) => {
      const types = Array.isArray(p.certificateType) ? p.certificateType.map(String) : [];
      const chain = store.list(types);
      return chain.length ? { status: 'Accepted', certificateHashDataChain: chain } : { status: 'NotFound' };
    },
    DeleteCertificate: (p) => ({ status: store.delete((p.certificateHashData ?? {}) as Partial<CertificateHashData>) ? 'Accepted' : 'NotFound' }),
  };
}
