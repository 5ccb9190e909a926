// Security Whitepaper checks on the charge point under test, as recorded expectations judged from the
// trace (so `rejudge` decides the same): a certificate listed (or not) in GetInstalledCertificateIds.conf
// by the harness's own hash data; a reconnection admitted at a security profile (the server refused a
// wrong password or certificate with a ws-error code); a connection that must not happen (a bad server
// certificate); the TLS facts of a connection (version, suite, client certificate).
import { sameHashData, type CertificateHashData } from '../security/certificate-hash.js';
import { isWhitepaperSuite } from '../security/cipher-suites.js';
import type { TraceEvent } from '../trace/types.js';
import type { Finding } from './finding.js';

interface Common { step?: number; requirement: string; level?: 'MUST' | 'SHOULD'; octt?: 'fails' | 'not-checked' }

export type SecurityExpectation = Common & { type: 'security' } & (
  /**
   * The answer frame `resultSeq` lists (present) or does not list (absent) the certificate: 1.6's
   * certificateHashData, or 2.0.1's certificateHashDataChain (entries of `certificateType` when given).
   */
  | { check: 'certificateListed'; resultSeq: number; certificate: string; hashes: CertificateHashData[]; present: boolean; certificateType?: string }
  /** A connection from `identity` opened between afterSeq and untilSeq (admitted by the harness at `profile`). */
  | { check: 'reconnect'; afterSeq: number; untilSeq: number; identity: string; profile: number; what: string }
  /**
   * No connection opened between afterSeq and untilSeq (the harness presented a bad server certificate);
   * with `pathIncludes`, only connections whose upgrade path contains it count (one endpoint of several).
   */
  | { check: 'noConnection'; afterSeq: number; untilSeq: number; identity: string; what: string; pathIncludes?: string }
  /** The TLS facts of connection `conn` (its ws-open event). */
  | { check: 'tls'; conn: number; identity: string; clientCertificate: boolean; serialNumber?: string }
  /** The CSR of SignCertificate.req (frame `callSeq`) as the harness-as-CA judged it (checkCsr). */
  | { check: 'csr'; callSeq: number; problems: string[] }
);

const between = (events: readonly TraceEvent[], after: number, until: number) => events.filter((e) => e.seq > after && e.seq <= until);

export function evaluateSecurity(e: SecurityExpectation, events: readonly TraceEvent[]): Finding[] {
  const base = { level: e.level ?? 'MUST', step: e.step, requirement: e.requirement } as const;
  switch (e.check) {
    case 'certificateListed': {
      const frame = events[e.resultSeq];
      const payload = frame && frame.kind === 'frame' ? payloadOf(frame.raw) : undefined;
      const listed = listedHashData(payload, e.certificateType);
      const found = listed.some((h) => e.hashes.some((mine) => sameHashData(h, mine)));
      if (found === e.present) return [];
      return [{
        checkId: 'security.certificateHashData', ...base,
        expected: `${e.certificate} ${e.present ? 'listed' : 'no longer listed'} (serial ${e.hashes[0]?.serialNumber ?? '?'}, the harness's own hash data)`,
        actual: `${listed.length} certificate(s) listed: ${listed.map((h) => `serial ${String(h.serialNumber)}`).join(', ') || 'none'} (frame #${e.resultSeq})`,
        evidence: [e.resultSeq],
      }];
    }
    case 'reconnect': {
      const seen = between(events, e.afterSeq, e.untilSeq);
      if (seen.some((x) => x.kind === 'ws-open' && !x.inherited && x.identity === e.identity)) return [];
      const refusals = seen.filter((x) => x.kind === 'ws-error' || (x.kind === 'tls' && x.outcome !== 'established'));
      return [{
        checkId: 'security.reconnect', ...base,
        expected: `the charge point reconnects ${e.what} (admitted at security profile ${e.profile})`,
        actual: refusals.length
          ? refusals.slice(0, 3).map((x) => `${x.kind === 'ws-error' ? `HTTP ${x.status ?? '?'} ${x.code ?? ''}` : `TLS ${x.kind === 'tls' ? x.error?.code ?? x.outcome : ''}`} (event #${x.seq})`).join('; ')
          : 'no connection',
        evidence: refusals.map((x) => x.seq),
      }];
    }
    case 'noConnection': {
      const opened = between(events, e.afterSeq, e.untilSeq).filter((x) => x.kind === 'ws-open' && !x.inherited && x.identity === e.identity
        && (e.pathIncludes === undefined || x.url.includes(e.pathIncludes)));
      if (!opened.length) return [];
      const first = opened[0]!;
      return [{
        checkId: 'security.serverCertificateAccepted', ...base,
        expected: `no connection${e.pathIncludes ? ` on ${e.pathIncludes}` : ''} while the harness presents ${e.what}`,
        actual: `the charge point connected${first.kind === 'ws-open' && e.pathIncludes ? ` on ${first.url}` : ''} (event #${first.seq})`,
        evidence: opened.map((x) => x.seq),
      }];
    }
    case 'csr': return csrFinding(e, base);
    case 'tls': {
      const open = events.find((x) => x.kind === 'ws-open' && !x.inherited && x.conn === e.conn);
      const tls = open && open.kind === 'ws-open' ? open.tls : undefined;
      const problems: string[] = [];
      if (!tls) problems.push('not a TLS connection');
      else {
        if (!/^TLSv1\.[23]$/.test(tls.protocol ?? '')) problems.push(`version ${tls.protocol ?? 'unknown'}, not TLS 1.2 or above (A00.FR.312)`);
        const suite = tls.cipher?.standardName ?? tls.cipher?.name ?? '';
        if (!isWhitepaperSuite(suite)) problems.push(`cipher suite ${suite || 'unknown'} is not one of the whitepaper's (A00.FR.318)`);
        if (e.clientCertificate) {
          const cert = tls.peerCertificate;
          if (!cert) problems.push('no client certificate (A00.FR.401)');
          else {
            if (!cert.serialNumber) problems.push('the client certificate has no serial number');
            const cn = /(?:^|\n|,\s*)CN=([^,\n]+)/.exec(cert.subject)?.[1];
            const norm = (x: string) => x.toLowerCase().replace(/^0+(?=.)/, '');
            if (e.serialNumber && norm(cert.serialNumber) !== norm(e.serialNumber)) problems.push(`the client certificate (serial ${cert.serialNumber}) is not the one just signed (serial ${e.serialNumber})`);
            if (cn !== e.identity) problems.push(`the client certificate's CN is ${JSON.stringify(cn ?? '')}, not the charge point ${JSON.stringify(e.identity)} (A00.FR.405)`);
            const weak = weakKey(cert.publicKey);
            if (weak) problems.push(`the client certificate's key is ${weak} (OCTT Table 102 step 4: RSA/DSA at least 2048 bits, elliptic curve at least 224 bits)`);
          }
        }
      }
      if (!problems.length) return [];
      return [{ checkId: 'security.tls', ...base, expected: 'TLS 1.2+ with a whitepaper suite' + (e.clientCertificate ? ', a client certificate with a serial number and CN = the identity' : ''), actual: problems.join('; '), evidence: open ? [open.seq] : [] }];
    }
  }
}

/** The key of a traced certificate (`RSA-1024`, `EC-P192`) when it is shorter than the tables allow, else undefined. */
export function weakKey(label: string | undefined): string | undefined {
  const rsa = /^(?:RSA|DSA)-(\d+)$/.exec(label ?? '');
  if (rsa && Number(rsa[1]) < 2048) return `${label} (fewer than 2048 bits)`;
  const ec = /^EC-[A-Za-z]*?(\d+)[a-z0-9]*$/.exec(label ?? '');
  if (ec && Number(ec[1]) < 224) return `${label} (fewer than 224 bits)`;
  return undefined;
}

function csrFinding(e: Extract<SecurityExpectation, { check: 'csr' }>, base: Pick<Finding, 'level' | 'step' | 'requirement'>): Finding[] {
  if (!e.problems.length) return [];
  return [{ checkId: 'security.csr', ...base, expected: 'a PEM PKCS#10 CSR with a valid signature, CN = the identity, O = the CpoName and a key of sufficient size', actual: `${e.problems.join('; ')} (frame #${e.callSeq})`, evidence: [e.callSeq] }];
}

/** The hash data a GetInstalledCertificateIds answer lists (1.6: certificateHashData; 2.0.1: certificateHashDataChain). */
function listedHashData(payload: Record<string, unknown> | undefined, certificateType: string | undefined): Partial<CertificateHashData>[] {
  if (Array.isArray(payload?.certificateHashData)) return payload.certificateHashData as Partial<CertificateHashData>[];
  if (!Array.isArray(payload?.certificateHashDataChain)) return [];
  return (payload.certificateHashDataChain as Array<Record<string, unknown>>)
    .filter((entry) => entry && typeof entry === 'object' && (certificateType === undefined || entry.certificateType === certificateType))
    .map((entry) => (entry.certificateHashData ?? {}) as Partial<CertificateHashData>);
}

function payloadOf(raw: string): Record<string, unknown> | undefined {
  try {
    const frame = JSON.parse(raw) as unknown[];
    return frame[0] === 3 && frame[2] && typeof frame[2] === 'object' ? frame[2] as Record<string, unknown> : undefined;
  } catch {
    return undefined;
  }
}
