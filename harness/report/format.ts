// Plain-text renderings shared by the writers: trace lines, findings, steps, durations.
// Callers pass redacted data; nothing here masks secrets by itself.
import type { Finding } from '../checks/finding.js';
import type { Sut, TraceEvent } from '../trace/types.js';
import type { CaseResult, StepResult } from './result.js';

export function sutDisplayName(sut: Sut): string {
  return sut === 'ChargePoint' ? 'Charge Point' : 'CSMS';
}

/** `1.23 s` */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function formatOffset(t: number): string {
  return `+${t.toFixed(1)}ms`;
}

function oneLine(s: string): string {
  return s.replace(/\r\n|\r|\n/g, '\\n');
}

/** → harness sent it, ← the system under test sent it. */
export function arrow(dir: 'in' | 'out'): string {
  return dir === 'out' ? '→' : '←';
}

export interface TraceLineOptions {
  /** Show the connection id on every line (useful when the trace has several connections). */
  showConn?: boolean;
}

/** `#3 +12.3ms → [2,"…","BootNotification",{…}]  schema: ok` and one line for every other event kind. */
export function formatTraceLine(ev: TraceEvent, options: TraceLineOptions = {}): string {
  const conn = options.showConn && ev.conn !== undefined ? ` c${ev.conn}` : '';
  const head = `#${ev.seq} ${formatOffset(ev.t)}${conn}`;
  switch (ev.kind) {
    case 'frame': {
      const body = ev.binary ? `(binary frame, base64) ${ev.raw}` : oneLine(ev.raw);
      const notes: string[] = [];
      if (ev.schema !== undefined) notes.push(`schema: ${ev.schema}`);
      if (ev.deliberatelyInvalid) notes.push('deliberately invalid');
      return `${head} ${arrow(ev.dir)} ${body}${notes.length ? `  ${notes.join('; ')}` : ''}`;
    }
    case 'ws-open': {
      const parts = [
        `url=${ev.url}`,
        `identity=${ev.identity}`,
        `offered=[${ev.offeredProtocols.join(',')}]`,
        `protocol=${ev.chosenProtocol ?? '(none)'}`,
      ];
      if (ev.authorization !== undefined) parts.push(`authorization=${ev.authorization}`);
      if (ev.remoteAddress) parts.push(`remote=${ev.remoteAddress}`);
      if (ev.tls) parts.push(`tls=${ev.tls.protocol ?? '?'}/${ev.tls.cipher?.standardName ?? ev.tls.cipher?.name ?? '?'}`);
      if (ev.inherited) parts.push('inherited');
      return `${head} ⇄ ws-open ${parts.join(' ')}`;
    }
    case 'ws-close':
      return `${head} ⇄ ws-close code=${ev.code} by=${ev.by}${ev.reason ? ` reason=${JSON.stringify(ev.reason)}` : ''}`;
    case 'ws-error':
      return `${head} ⚠ ws-error ${ev.code ? `${ev.code}: ` : ''}${oneLine(ev.message)}${ev.status !== undefined ? ` (HTTP ${ev.status})` : ''}`;
    case 'http-upgrade':
      return `${head} ⇄ http-upgrade ${ev.url} → HTTP ${ev.status} offered=[${ev.offeredProtocols.join(',')}] protocol=${ev.chosenProtocol ?? '(none)'}`;
    case 'case-end': {
      const parts: string[] = [];
      if (ev.abort) parts.push(`${ev.abort.verdict}: ${oneLine(ev.abort.reason)}`);
      if (ev.stoppedEarly) parts.push(`stopped early: ${oneLine(ev.stoppedEarly)}`);
      return `${head} ■ case-end${parts.length ? ` ${parts.join('; ')}` : ''}`;
    }
    case 'step':
      return `${head} ── step ${ev.step} ${ev.phase}: ${ev.title}`;
    case 'stimulus':
      return `${head} ⚙ stimulus ${ev.action} ${JSON.stringify(ev.params)} → ${ev.outcome}${ev.detail ? `: ${oneLine(ev.detail)}` : ''}`;
    case 'note':
      return `${head} · note: ${oneLine(ev.text)}`;
    case 'conditions': {
      const what = ev.phase === 'pre' ? '§1.3 pre-conditions' : '§1.3 post-conditions';
      const tail = [ev.done?.length ? `done: ${ev.done.join('; ')}` : '', ev.problem ? `PROBLEM: ${oneLine(ev.problem)}` : ''].filter(Boolean).join(' · ');
      return `${head} ══ ${what} ${ev.edge}${tail ? ` — ${tail}` : ''}`;
    }
    case 'expect':
      return `${head} · expect ${JSON.stringify(ev.expectation)}`;
    case 'file-transfer':
      return `${head} ⇅ ${ev.protocol} ${ev.direction} ${ev.request} ${ev.path} → ${ev.outcome} (status ${ev.status}, ${ev.bytes} bytes, sha256 ${ev.sha256.slice(0, 12)}…, ${ev.harnessRole === 'server' ? 'from' : 'to'} ${ev.remoteAddress})`;
    case 'tls': {
      const f = ev.facts;
      const parts = [`${f.protocol ?? '(no version)'}`, f.cipher ? (f.cipher.standardName ?? f.cipher.name) : '(no cipher)'];
      if (f.servername) parts.push(`sni=${f.servername}`);
      if (f.clientCertificatePresented !== undefined) parts.push(`client-cert=${f.clientCertificatePresented ? 'presented' : 'none'}`);
      if (f.peerCertificate) parts.push(`peer=${JSON.stringify(f.peerCertificate.subject)} issuer=${JSON.stringify(f.peerCertificate.issuer)} valid ${f.peerCertificate.validFrom} – ${f.peerCertificate.validTo}`);
      if (f.chain) parts.push(`chain=${f.chain}`);
      if (f.hostCheck) parts.push(`host=${f.hostCheck}`);
      const error = ev.error ? ` — ${ev.error.code ? `${ev.error.code}: ` : ''}${oneLine(ev.error.message)}` : '';
      return `${head} 🔒 tls ${ev.outcome} (harness = ${f.harnessSide}) ${parts.join(' ')}${error}`;
    }
    default: {
      const other = ev as { kind?: string };
      return `${head} ? ${other.kind ?? 'event'} ${JSON.stringify(ev)}`;
    }
  }
}

/** The whole trace, one line per event; connection ids shown when there is more than one connection. */
export function formatTrace(events: readonly TraceEvent[]): string {
  const conns = new Set(events.map((e) => e.conn).filter((c) => c !== undefined));
  return events.map((e) => formatTraceLine(e, { showConn: conns.size > 1 })).join('\n');
}

export function findingStep(f: Finding): string {
  return f.step !== undefined ? `step ${f.step}` : 'no step';
}

/** The two axes of a finding: its spec level, and whether the OCTT's own tool validation fails it too. */
export function findingAxes(f: Finding): string {
  return `${f.level} · ${octtAxisText(f)}`;
}

export function octtAxisText(f: Finding): string {
  return f.octt === 'fails' ? 'OCTT fails this' : 'the OCTT does not check this';
}

/** `[checkId] (MUST · OCTT fails this) step N: requirement / expected: … / actual: … / evidence: #3, #4` */
export function formatFinding(f: Finding): string {
  const evidence = f.evidence.length ? f.evidence.map((n) => `#${n}`).join(', ') : '(none)';
  return `[${f.checkId}] (${findingAxes(f)}) ${findingStep(f)}: ${f.requirement} / expected: ${f.expected} / actual: ${f.actual} / evidence: ${evidence}`;
}

/** A finding with the trace lines of its evidence beneath it. */
export function formatFindingWithEvidence(f: Finding, trace: readonly TraceEvent[]): string {
  const bySeq = new Map(trace.map((e) => [e.seq, e]));
  const lines = [
    `[${f.checkId}] (${findingAxes(f)}) ${findingStep(f)}`,
    `  requirement: ${f.requirement}`,
    `  expected:    ${f.expected}`,
    `  actual:      ${f.actual}`,
    `  evidence:    ${f.evidence.length ? f.evidence.map((n) => `#${n}`).join(', ') : '(none)'}`,
  ];
  for (const seq of f.evidence) {
    const ev = bySeq.get(seq);
    lines.push(`    ${ev ? formatTraceLine(ev) : `#${seq} (not in trace)`}`);
  }
  return lines.join('\n');
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** A fixed-width text table of the steps with their timings. */
export function formatStepsTable(steps: readonly StepResult[]): string {
  if (steps.length === 0) return '(no steps recorded)';
  const rows = steps.map((s) => [
    String(s.step),
    s.status,
    `+${s.startMs.toFixed(1)}ms`,
    s.endMs !== undefined ? `+${s.endMs.toFixed(1)}ms` : '-',
    s.endMs !== undefined ? `${(s.endMs - s.startMs).toFixed(1)}ms` : '-',
    s.title,
  ]);
  const header = ['step', 'status', 'start', 'end', 'took', 'title'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** Title used for a case everywhere: `<ID> <title>`. */
export function caseTitle(c: Pick<CaseResult, 'id' | 'title'>): string {
  return `${c.id} ${c.title}`;
}
