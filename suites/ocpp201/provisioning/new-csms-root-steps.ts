// Shared steps of the migration tables with a new CSMS root (TC_B_47_CS, TC_B_50_CS): the certificates of
// the run's PKI, the memory state "CertificateInstalled for CSMSRootCertificate <new CSMS Root certificate 2>",
// the server certificate the harness presents, and finding a root in GetInstalledCertificateIdsResponse.
import type { HarnessConfig } from '../../../harness/config/types.js';
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import { Inconclusive } from '../../../harness/dsl/errors.js';
import { hashDataIn, sameHashData, type CertificateHashData } from '../../../harness/security/certificate-hash.js';
import { readEntryPem, readManifest } from '../../../harness/security/load-pki.js';

type Ctx = ChargePointSutContext;

export interface Root2Material {
  /** The CSMS root the station trusts now (the run's CA): the "old" root. */
  oldRoot: string;
  /** CSMS root 2, signed by the old one (M05.FR.10): the "new CSMS Root certificate 2". */
  newRoot: string;
  /** A server certificate of the harness's host issued by root 2. */
  newServer: { key: string; cert: string };
}

/** Root 2 and its server certificate from the run's PKI directory; INCONCLUSIVE (a configuration to fix) without them. */
export async function root2Material(cfg: HarnessConfig, table: string): Promise<Root2Material> {
  const dir = cfg.security?.pkiDir;
  if (!dir) throw new Inconclusive(`${table} takes CSMS root 2 and its server certificate from the run's PKI: configure security.pkiDir (made by \`ocpp-harness pki init\`)`);
  const manifest = await readManifest(dir);
  if (!manifest.entries['csms-root-ca-2'] || !manifest.entries['csms-server-root-2']) {
    throw new Inconclusive(`${dir} has no CSMS root 2 (it was made by an older \`pki init\`): make the PKI again with \`ocpp-harness pki init\` and install its CSMS root in the station`);
  }
  return {
    oldRoot: await readEntryPem(dir, manifest, manifest.use.ca, 'cert'),
    newRoot: await readEntryPem(dir, manifest, 'csms-root-ca-2', 'cert'),
    newServer: {
      key: await readEntryPem(dir, manifest, 'csms-server-root-2', 'key'),
      cert: await readEntryPem(dir, manifest, 'csms-server-root-2', 'cert'),
    },
  };
}

/**
 * Memory state "CertificateInstalled" with root 2. A station that does not install it leaves the case
 * without its precondition: INCONCLUSIVE, not FAIL (its store may be full, M05.FR.06).
 */
export async function installNewRoot(t: Ctx, cp: CaseLink, pki: Root2Material, table: string): Promise<void> {
  await t.step(0, 'Memory state: InstallCertificate CSMSRootCertificate with CSMS root 2 (signed by the installed root)', async () => {
    const res = await cp.call('InstallCertificate', { certificateType: 'CSMSRootCertificate', certificate: pki.newRoot }, {
      requirement: `${table} memory state CertificateInstalled; Part 2 M05.FR.01: the station answers InstallCertificate`,
    });
    if (res.payload.status !== 'Accepted') {
      throw new Inconclusive(`the memory state could not be set up: InstallCertificate of CSMS root 2 was answered ${String(res.payload.status)}${reasonOf(res.payload)}`);
    }
  });
}

function reasonOf(payload: Record<string, unknown>): string {
  const info = payload.statusInfo as { reasonCode?: unknown; additionalInfo?: unknown } | undefined;
  return info?.reasonCode ? ` (${String(info.reasonCode)}${info.additionalInfo ? `: ${String(info.additionalInfo)}` : ''})` : '';
}

/** Present root 2's server certificate alone: only a station that trusts root 2 verifies it. */
export function presentNewRootCertificate(t: Ctx, pki: Root2Material): void {
  t.csms.security.setServerCertificate(pki.newServer);
  t.note('the harness presents a server certificate issued by CSMS root 2, without intermediates');
}

/**
 * From here on: root 2's server certificate with root 2 as intermediate, which verifies under the old root
 * and under root 2 alone — the station may have dropped the old root after connecting with the new (M05.FR.13).
 */
export function presentCertificateForEitherRoot(t: Ctx, pki: Root2Material): void {
  t.csms.security.setServerCertificate({ key: pki.newServer.key, cert: `${pki.newServer.cert.trim()}\n${pki.newRoot.trim()}\n` });
}

/**
 * Expect (judged from the trace) that the GetInstalledCertificateIdsResponse `resultSeq` lists `pem` as a
 * CSMSRootCertificate (present) or no longer does; the hash data are the harness's own, in each algorithm.
 */
export function expectCsmsRootListed(t: Ctx, opts: { resultSeq: number; name: string; pem: string; present: boolean; requirement: string; level?: 'MUST' | 'SHOULD' }): void {
  t.csms.security.expect({
    check: 'certificateListed', resultSeq: opts.resultSeq, certificate: opts.name, present: opts.present, certificateType: 'CSMSRootCertificate',
    hashes: (['SHA256', 'SHA384', 'SHA512'] as const).map((alg) => hashDataIn(opts.pem, alg)),
    requirement: opts.requirement, ...(opts.level ? { level: opts.level } : {}),
  });
}

/** Whether a GetInstalledCertificateIdsResponse lists `pem` as a CSMSRootCertificate (for a precondition, not a finding). */
export function listsCsmsRoot(payload: Record<string, unknown>, pem: string): boolean {
  const chain = Array.isArray(payload.certificateHashDataChain) ? payload.certificateHashDataChain as Array<Record<string, unknown>> : [];
  return chain.some((entry) => {
    if (!entry || entry.certificateType !== 'CSMSRootCertificate') return false;
    const h = (entry.certificateHashData ?? {}) as Partial<CertificateHashData>;
    const alg = h.hashAlgorithm === 'SHA384' || h.hashAlgorithm === 'SHA512' ? h.hashAlgorithm : 'SHA256';
    return sameHashData(h, hashDataIn(pem, alg));
  });
}
