// Shared steps of the Security cases with the charge point under test (OCTT §2.24): the certificates
// of the run's PKI and finding a certificate in GetInstalledCertificateIds.conf by the harness's own
// calculation of its hash data.
import type { HarnessConfig } from '../../../harness/config/types.js';
import type { Matcher } from '../../../harness/checks/match.js';
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import { hashDataIn, sameHashData, type CertificateHashData } from '../../../harness/security/certificate-hash.js';
import { readEntryPem, readManifest } from '../../../harness/security/load-pki.js';
import type { PkiEntryName } from '../../../harness/security/pki-layout.js';

export const WHITEPAPER = 'OCPP 1.6 Security Whitepaper ed. 3';

/** A PEM of the run's PKI (security.pkiDir), or undefined when the run has none. */
export async function pkiPem(cfg: HarnessConfig, name: PkiEntryName, part: 'cert' | 'key' = 'cert'): Promise<string | undefined> {
  const dir = cfg.security?.pkiDir;
  if (!dir) return undefined;
  return readEntryPem(dir, await readManifest(dir), name, part);
}

/** The hash data entries of a GetInstalledCertificateIds.conf. */
export function installedHashes(payload: Record<string, unknown>): Partial<CertificateHashData>[] {
  return Array.isArray(payload.certificateHashData) ? payload.certificateHashData as Partial<CertificateHashData>[] : [];
}

/** Whether the charge point lists `pem` (hash data computed by the harness, in the algorithm the charger used). */
export function lists(payload: Record<string, unknown>, pem: string): boolean {
  return installedHashes(payload).some((h) => {
    const alg = h.hashAlgorithm === 'SHA384' || h.hashAlgorithm === 'SHA512' ? h.hashAlgorithm : 'SHA256';
    return sameHashData(h, hashDataIn(pem, alg));
  });
}

/** GetInstalledCertificateIds for `type`: the answer's payload. */
export async function installedIds(cp: CaseLink, type: string, requirement: string, expect?: Matcher): Promise<Record<string, unknown>> {
  const res = await cp.call('GetInstalledCertificateIds', { certificateType: type }, { requirement, ...(expect ? { expect } : {}) });
  return res.payload;
}

/** Record that the GetInstalledCertificateIds answer `resultSeq` lists (or no longer lists) `pem`. */
export function expectListed(csms: ChargePointSutContext['csms'], resultSeq: number, name: string, pem: string, present: boolean, requirement: string): void {
  csms.security.expect({
    check: 'certificateListed', resultSeq, certificate: name, present, requirement,
    hashes: (['SHA256', 'SHA384', 'SHA512'] as const).map((alg) => hashDataIn(pem, alg)),
  });
}

/**
 * Reusable state "The Charge Point is triggered to reset" (Tables 100–102): Reset Hard, then the new
 * connection. Records a `reconnect` expectation (the harness admitted it at the run's profile) and
 * returns the new link; the BootNotification and StatusNotifications are the caller's steps.
 */
export async function resetAndReconnect(t: Pick<ChargePointSutContext, 'csms' | 'cfg'>, table: number): Promise<CaseLink> {
  const { csms, cfg } = t;
  const refused = (afterSeq: number) => csms.security.expect({
    check: 'reconnect', afterSeq, untilSeq: Number.MAX_SAFE_INTEGER, identity: cfg.identity, profile: csms.security.profile,
    what: 'after the reset', requirement: `OCTT Table ${table}; ${WHITEPAPER} A00: the connection is admitted at security profile ${csms.security.profile}`,
  });
  let cp: CaseLink;
  try {
    cp = await csms.booted();
  } catch (err) {
    // Refused from the start (e.g. a wrong password): the refusals say why, a finding rather than INCONCLUSIVE.
    if (!(err instanceof Error) || err.name !== 'Inconclusive') throw err; // by name: module copies may differ under test loaders
    refused(0);
    throw new ExpectationUnmet(`the charge point did not get connected: ${err.message}`);
  }
  const reset = await cp.call('Reset', { type: 'Hard' }, { octt: 'not-checked', expect: { status: 'Accepted' }, requirement: `OCTT Table ${table} reusable state: the charge point is triggered to reset (OCPP 1.6 §5.14: Reset Hard is Accepted)` });
  try {
    return await csms.nextConnection({ requirement: `OCTT Table ${table}: after the reset the charge point connects again` });
  } finally {
    refused(reset.answer.seq);
  }
}

/** Steps "BootNotification, then StatusNotification per connector and connector 0" on a new link. */
export async function bootAndStatuses(cp: CaseLink, cfg: HarnessConfig, table: number, bootStep: number, statusStep: number, step: ChargePointSutContext['step']): Promise<void> {
  const boot = await step(bootStep, 'BootNotification, answered Accepted by the harness', () => cp.expectCall('BootNotification', { requirement: `OCTT Table ${table} step ${bootStep}: the charge point sends BootNotification` }));
  await boot.replied;
  await step(statusStep, 'StatusNotification for connector 0 and every connector', async () => {
    for (const connectorId of [0, ...cfg.connectorIds]) {
      await cp.expectCall('StatusNotification', { where: { connectorId }, requirement: `OCTT Table ${table} step ${statusStep}: StatusNotification per connector and connector 0` });
    }
  });
}
