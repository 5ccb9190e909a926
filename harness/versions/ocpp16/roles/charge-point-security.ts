// How the harness answers the Security Whitepaper's requests when it plays the charge point (the CSMS
// under test sends them): certificates installed, listed and deleted, a signed certificate checked
// against the CSR it answers, ExtendedTriggerMessage, GetLog, SignedUpdateFirmware, and a new
// AuthorizationKey. Like charge-point-defaults-16.ts it only answers and keeps the bookkeeping; what a
// charge point then sends (SignCertificate, LogStatusNotification, …) the case scripts itself. The
// bookkeeping lives in the role, not the connection: a charge point keeps its certificates across reconnects.
import { X509Certificate } from 'node:crypto';
import { authorizationKeyProblems } from '../../../security/basic-auth.js';
import { certificateHashData, pemCertificates, sameHashData, type CertificateHashData } from '../../../security/certificate-hash.js';
import { certificateKeyThumbprint, type NewCsr } from '../../../security/csr-request.js';
import type { Handler, HandlerTable } from '../../../roles/link.js';

export type CertificateUse = 'CentralSystemRootCertificate' | 'ManufacturerRootCertificate';

export interface InstalledCertificate {
  certificateType: CertificateUse;
  pem: string;
  hashData: CertificateHashData;
}

/** What the harness charge point remembers about its security, across connections. */
export class ChargePointSecurityMemory {
  readonly certificates: InstalledCertificate[] = [];
  /** The AuthorizationKey the CSMS set last (ChangeConfiguration Accepted), until a case takes it. */
  newAuthorizationKey?: string;
  /** The CSR of the last SignCertificate.req, with its key. */
  pendingCsr?: NewCsr;
  /** The certificate of the last CertificateSigned.req it accepted, with the key of its CSR. */
  signed?: { certificate: string; keyPem: string };
  /** Why the last CertificateSigned.req was rejected. */
  lastRejection?: string;

  constructor(trusted: { centralSystemRoot?: string } = {}) {
    if (trusted.centralSystemRoot) {
      for (const pem of pemCertificates(trusted.centralSystemRoot)) this.install('CentralSystemRootCertificate', pem);
    }
  }

  install(certificateType: CertificateUse, pem: string): InstalledCertificate {
    const hashData = certificateHashData(pem);
    const existing = this.certificates.findIndex((c) => c.certificateType === certificateType && sameHashData(c.hashData, hashData));
    if (existing >= 0) this.certificates.splice(existing, 1);
    const entry = { certificateType, pem, hashData };
    this.certificates.push(entry);
    return entry;
  }

  find(hashData: Partial<CertificateHashData>): InstalledCertificate | undefined {
    return this.certificates.find((c) => sameHashData(hashData, c.hashData));
  }

  /** A CertificateSigned chain: the leaf must carry the CSR's key and be issued by a root it trusts (A02.FR.07/08). */
  async verifySigned(chain: string): Promise<{ ok: true; certificate: string } | { ok: false; why: string }> {
    const pems = pemCertificates(chain);
    if (!pems.length) return { ok: false, why: 'no PEM certificate in certificateChain' };
    if (!this.pendingCsr) return { ok: false, why: 'no SignCertificate.req is pending' };
    let leaf: X509Certificate;
    try {
      leaf = new X509Certificate(pems[0]!);
    } catch (err) {
      return { ok: false, why: `the certificate cannot be read: ${(err as Error).message}` };
    }
    if (await certificateKeyThumbprint(pems[0]!) !== this.pendingCsr.publicKeyThumbprint) return { ok: false, why: 'the certificate does not carry the key of the CSR' };
    const now = Date.now();
    if (Date.parse(leaf.validFrom) > now || Date.parse(leaf.validTo) < now) return { ok: false, why: `the certificate is not valid now (${leaf.validFrom} – ${leaf.validTo})` };
    const issuers = [...pems.slice(1), ...this.certificates.filter((c) => c.certificateType === 'CentralSystemRootCertificate').map((c) => c.pem)];
    const issued = issuers.some((pem) => {
      try {
        const issuer = new X509Certificate(pem);
        return leaf.checkIssued(issuer) && leaf.verify(issuer.publicKey);
      } catch {
        return false;
      }
    });
    return issued ? { ok: true, certificate: pems[0]! } : { ok: false, why: 'the certificate is not issued by a CentralSystemRootCertificate the charge point trusts' };
  }
}

const CERTIFICATE_USES = new Set<string>(['CentralSystemRootCertificate', 'ManufacturerRootCertificate']);
const TRIGGERABLE = new Set(['LogStatusNotification', 'FirmwareStatusNotification', 'Heartbeat', 'MeterValues', 'SignChargePointCertificate', 'StatusNotification']);

function isCaCertificate(pem: string): boolean {
  try {
    return new X509Certificate(pem).ca;
  } catch {
    return false;
  }
}

/** The security requests' answers; `plain` is the ChangeConfiguration of charge-point-defaults-16. */
export function chargePointSecurityDefaults16(memory: ChargePointSecurityMemory, plain: HandlerTable): HandlerTable {
  const changeConfiguration: Handler = (p, call, link) => {
    if (p.key === 'AuthorizationKey') {
      // Write-only (whitepaper §7.2); a value outside 16–40 hex digits is refused.
      if (authorizationKeyProblems(String(p.value)).length) return { status: 'Rejected' };
      memory.newAuthorizationKey = String(p.value);
      return { status: 'Accepted' };
    }
    return plain.ChangeConfiguration ? plain.ChangeConfiguration(p, call, link) : { status: 'NotSupported' };
  };
  return {
    ChangeConfiguration: changeConfiguration,
    CertificateSigned: async (p) => {
      const verdict = await memory.verifySigned(String(p.certificateChain ?? ''));
      if (!verdict.ok) {
        memory.lastRejection = verdict.why;
        return { status: 'Rejected' };
      }
      memory.signed = { certificate: verdict.certificate, keyPem: memory.pendingCsr!.keyPem };
      memory.pendingCsr = undefined;
      return { status: 'Accepted' };
    },
    InstallCertificate: (p) => {
      const type = String(p.certificateType);
      const pem = pemCertificates(String(p.certificate ?? ''))[0];
      if (!CERTIFICATE_USES.has(type) || !pem || !isCaCertificate(pem)) return { status: 'Rejected' };
      memory.install(type as CertificateUse, pem);
      return { status: 'Accepted' };
    },
    GetInstalledCertificateIds: (p) => {
      const found = memory.certificates.filter((c) => c.certificateType === p.certificateType);
      return found.length ? { status: 'Accepted', certificateHashData: found.map((c) => c.hashData) } : { status: 'NotFound' };
    },
    DeleteCertificate: (p) => {
      const entry = memory.find((p.certificateHashData ?? {}) as Partial<CertificateHashData>);
      if (!entry) return { status: 'NotFound' };
      memory.certificates.splice(memory.certificates.indexOf(entry), 1);
      return { status: 'Accepted' };
    },
    ExtendedTriggerMessage: (p) => ({ status: TRIGGERABLE.has(String(p.requestedMessage)) ? 'Accepted' : 'Rejected' }),
    GetLog: (p) => ({ status: 'Accepted', filename: `${String(p.logType) === 'SecurityLog' ? 'security' : 'diagnostics'}-log-${Number(p.requestId)}.txt` }),
    SignedUpdateFirmware: () => ({ status: 'Accepted' }),
  };
}
