// Pure evaluation of a `transfer` expectation, judged from the `file-transfer` events of the trace, so
// `rejudge` decides exactly what the run decided. Two sides:
// - harnessRole 'client' (CSMS under test): the harness, as a charge point, fetched firmware from (or
//   uploaded diagnostics to) the location the system under test gave, and one such transfer completed;
// - harnessRole 'server' (charge point under test): the transfer the charge point's status notifications
//   claim (Downloaded, Uploaded) really happened on the harness's file servers — of the path the harness
//   gave, complete, under the file name announced — or, for a failure it reports, was at least attempted.
import type { FileTransferEvent, TraceEvent } from '../trace/types.js';
import type { TransferExpectation } from './expectation.js';
import type { Finding } from './finding.js';

/** The facts of a transfer a decision needs: the trace event and the file servers' log record both have them. */
export type TransferFacts = Pick<FileTransferEvent, 'harnessRole' | 'direction' | 'path' | 'bytes' | 'outcome'> & { filename?: string };

/** Whether a transfer is one the expectation is about: its side, direction and path. */
export function transferConcerns(e: TransferExpectation, t: TransferFacts): boolean {
  if (t.harnessRole !== (e.harnessRole ?? 'client') || t.direction !== e.direction) return false;
  return e.path === undefined || pathCovers(e.path, t.path);
}

/** Whether a transfer settles the expectation. */
export function transferMeets(e: TransferExpectation, t: TransferFacts): boolean {
  if (!transferConcerns(e, t)) return false;
  if (e.outcome === 'attempted') return true;
  return t.outcome === 'completed' && t.bytes >= (e.minBytes ?? 0) && (e.filename === undefined || t.filename === e.filename);
}

/** The transfers the expectation is about inside its window, in trace order. */
export function transfersOf(e: TransferExpectation, events: readonly TraceEvent[]): FileTransferEvent[] {
  return events.filter((ev): ev is FileTransferEvent =>
    ev.kind === 'file-transfer' && ev.seq > e.afterSeq && ev.seq <= e.untilSeq && transferConcerns(e, ev));
}

export function evaluateTransfer(e: TransferExpectation, events: readonly TraceEvent[]): Finding[] {
  const transfers = transfersOf(e, events);
  if (transfers.some((t) => transferMeets(e, t))) return [];
  return [{
    checkId: 'transfer.failed', level: e.level ?? 'MUST', step: e.step, requirement: e.requirement,
    expected: e.harnessRole === 'server' ? expectedServed(e) : `${e.direction === 'download' ? `a download from ${e.location}` : `an upload to ${e.location}`} that completes`,
    actual: transfers.length
      ? transfers.map((t) => describe(t, e)).join('; ')
      : e.harnessRole === 'server'
        ? `no ${e.direction} of ${e.path ?? e.location} reached the harness's file servers between events #${e.afterSeq} and #${e.untilSeq}`
        : `no ${e.direction} was made between events #${e.afterSeq} and #${e.untilSeq} (the location could not be used)`,
    evidence: transfers.length ? transfers.map((t) => t.seq) : [e.untilSeq],
  }];
}

function expectedServed(e: TransferExpectation): string {
  const what = e.direction === 'download'
    ? `a download of ${e.path ?? e.location} from the harness (${e.location})`
    : `an upload${e.filename === undefined ? '' : ` of "${e.filename}"`} to ${e.path ?? e.location} on the harness (${e.location})`;
  const how = e.outcome === 'attempted'
    ? 'attempted (any outcome)'
    : `that completes${e.minBytes ? ` with at least ${e.minBytes} bytes` : ''}`;
  return `${what}, ${how}${e.claim ? `, as ${e.claim} claims` : ''}`;
}

function describe(t: FileTransferEvent, e: TransferExpectation): string {
  const status = t.status ? `${t.protocol === 'ftp' ? 'FTP' : 'HTTP'} ${t.status}` : 'no reply';
  const why = t.detail === undefined ? status : t.detail.includes(String(t.status)) ? t.detail : `${status}: ${t.detail}`;
  if (t.harnessRole === 'server') {
    const name = e.filename !== undefined && t.filename !== undefined ? `, file name "${t.filename}"` : '';
    return `${t.protocol.toUpperCase()} ${t.request} ${t.path} from ${t.remoteAddress}: ${t.outcome} (${why}), ${t.bytes} bytes${name} (event #${t.seq})`;
  }
  return `${t.protocol.toUpperCase()} ${t.request} ${t.path} at ${t.remoteAddress}: ${t.outcome} (${why}), ${t.bytes} bytes (event #${t.seq})`;
}

/** A rule path covers a path: a rule ending in '/' everything beneath that directory, any other exactly itself. */
function pathCovers(rule: string, path: string): boolean {
  if (!rule.endsWith('/')) return rule === path;
  const dir = rule.replace(/\/+$/, '');
  return dir === '' || path === dir || path.startsWith(`${dir}/`);
}
