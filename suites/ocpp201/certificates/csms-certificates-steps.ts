// Shared steps of the block M (certificate management) tables with the CSMS under test: the configured
// certificates of the test data, the CSMS-side reusable states CertificateInstalled and GetInstalledCertificates
// (Part 6 Tables 708, 709), and what the harness station's store answers (harness/versions/ocpp201/roles/
// charging-station-certificates.ts).
import { readFile } from 'node:fs/promises';
import type { Matcher, MatchValue } from '../../../harness/checks/match.js';
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { CsmsSutContext } from '../../../harness/dsl/context.js';
import { hashDataIn, type HashAlgorithm } from '../../../harness/security/certificate-hash.js';
import { issueCertificate } from '../../../harness/security/certificate-factory.js';
import { readEntryPem, readManifest } from '../../../harness/security/load-pki.js';
import type { InboundCall } from '../../../harness/rpc/session.js';
import { stationCertificates, type StationCertificateStore } from '../../../harness/versions/ocpp201/roles/charging-station-certificates.js';

type Ctx = CsmsSutContext;
export type RootUse = 'CSMSRootCertificate' | 'ManufacturerRootCertificate';

/** Certificates made for a run without a PKI, once per process, so every case of the run names the same ones. */
const made = new Map<RootUse, Promise<string>>();

/**
 * The configured certificate of a type (the test data the CSMS is asked to install): the run PKI's CSMS or
 * manufacturer root; without a PKI, security.ca for the CSMS root, else a root CA made for the run.
 */
export async function configuredCertificate(t: Pick<Ctx, 'cfg'>, use: RootUse): Promise<string> {
  const dir = t.cfg.security?.pkiDir;
  if (dir) {
    const manifest = await readManifest(dir);
    return readEntryPem(dir, manifest, use === 'CSMSRootCertificate' ? manifest.use.ca : 'manufacturer-root-ca', 'cert');
  }
  if (use === 'CSMSRootCertificate' && t.cfg.security?.ca) return readFile(t.cfg.security.ca, 'utf8');
  let pem = made.get(use);
  if (!pem) {
    const now = Date.now();
    const name = use === 'CSMSRootCertificate' ? 'OCPP Harness Test CSMS Root CA' : 'OCPP Harness Test Manufacturer Root CA';
    pem = issueCertificate({
      purpose: 'ca', kind: 'ec', subject: { commonName: name, organization: 'ocpp-harness' },
      notBefore: new Date(now - 3_600_000), notAfter: new Date(now + 365 * 86_400_000),
    }).then((c) => c.certificate.toString('pem'));
    made.set(use, pem);
  }
  return pem;
}

/** The PEM as sent, whatever line endings and final newline the CSMS gives it. */
export function samePem(pem: string): MatchValue {
  const body = pem.trim();
  return { anyOf: [...new Set([pem, body, `${body}\n`, body.replace(/\n/g, '\r\n'), `${body.replace(/\n/g, '\r\n')}\r\n`])] };
}

/** The harness station's certificate store (kept across connections). */
export const storeOf = (t: Pick<Ctx, 'cp'>): StationCertificateStore => stationCertificates(t.cp.security.memory);

/**
 * certificateType of a GetInstalledCertificateIdsRequest (a list) checked as recorded data: exactly [`wanted`],
 * containing it (`contains`), or — with `orOmitted` — absent as well. The matcher names the element that meets it.
 */
export function certificateTypeMatcher(payload: Record<string, unknown>, wanted: string, opts: { exactly?: boolean; orOmitted?: boolean }): Matcher {
  const types = payload.certificateType;
  if (types === undefined && opts.orOmitted) return { certificateType: { present: false } };
  if (opts.exactly) return { 'certificateType.0': wanted, 'certificateType.1': { present: false } };
  const i = Array.isArray(types) ? types.indexOf(wanted) : -1;
  return { [`certificateType.${Math.max(i, 0)}`]: wanted };
}

/**
 * Reusable state CertificateInstalled (Table 709): the CSMS is asked to install the configured certificate,
 * sends InstallCertificateRequest with that type and certificate, and the harness station answers (Accepted by
 * its store unless the case said otherwise). Returns the request.
 */
export async function certificateInstalled(t: Ctx, link: CaseLink, opts: { step: number; use: RootUse; certificate: string; table: string; typeLevel?: 'MUST' | 'SHOULD' }): Promise<InboundCall> {
  return t.step(opts.step, `The CSMS is asked to install the configured ${opts.use} and sends InstallCertificateRequest; the station answers`, async () => {
    await t.sut.do('InstallCertificate', { certificateType: opts.use, certificate: opts.certificate });
    const call = await link.expectCall('InstallCertificate', {
      match: { certificateType: opts.use, certificate: samePem(opts.certificate) },
      ...(opts.typeLevel ? { matchLevel: opts.typeLevel } : {}),
      requirement: `${opts.table}, reusable state CertificateInstalled (Table 709) step 1: certificateType is ${opts.use} and certificate is the configured one (Part 2 M05)`,
    });
    await call.replied;
    return call;
  });
}

/**
 * The CSMS is asked for GetInstalledCertificateIds of `types` (none: all) and sends it; the type check is
 * recorded on the request as `check` says. Returns the request (answered by the store or a case's handler).
 */
export async function installedIdsRequested(t: Ctx, link: CaseLink, opts: { step: number; title: string; types?: string[]; check: (payload: Record<string, unknown>) => Matcher; requirement: string }): Promise<InboundCall> {
  return t.step(opts.step, opts.title, async () => {
    await t.sut.do('GetInstalledCertificateIds', opts.types ? { certificateType: opts.types } : {});
    const call = await link.expectCall('GetInstalledCertificateIds', { requirement: `${opts.requirement} (the request arrives; Part 2 M03)` });
    link.checkCall(call, { match: opts.check(call.frame.payload as Record<string, unknown>), requirement: opts.requirement });
    await call.replied;
    return call;
  });
}

/** A GetInstalledCertificateIds answer listing these certificates (root certificates: their own issuer) in `alg`. */
export function installedAnswer(entries: Array<{ use: string; pem: string }>, alg: HashAlgorithm = 'SHA256'): Record<string, unknown> {
  return { status: 'Accepted', certificateHashDataChain: entries.map((e) => ({ certificateType: e.use, certificateHashData: hashDataIn(e.pem, alg) })) };
}
