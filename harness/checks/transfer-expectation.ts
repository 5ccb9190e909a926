// Pure evaluation of a `transfer` expectation: the harness, as a charge point, fetched firmware from
// (or uploaded diagnostics to) the location the system under test gave, and one such transfer
// completed. Judged from the `file-transfer` events the transfer client recorded (harnessRole
// 'client'), so `rejudge` decides exactly what the run decided.
import type { FileTransferEvent, TraceEvent } from '../trace/types.js';
import type { TransferExpectation } from './expectation.js';
import type { Finding } from './finding.js';

/** The client transfers of the expectation's direction inside its window, in trace order. */
export function transfersOf(e: TransferExpectation, events: readonly TraceEvent[]): FileTransferEvent[] {
  return events.filter((ev): ev is FileTransferEvent =>
    ev.kind === 'file-transfer' && ev.harnessRole === 'client' && ev.direction === e.direction
    && ev.seq > e.afterSeq && ev.seq <= e.untilSeq);
}

export function evaluateTransfer(e: TransferExpectation, events: readonly TraceEvent[]): Finding[] {
  const transfers = transfersOf(e, events);
  if (transfers.some((t) => t.outcome === 'completed')) return [];
  const what = e.direction === 'download' ? `a download from ${e.location}` : `an upload to ${e.location}`;
  return [{
    checkId: 'transfer.failed', level: e.level ?? 'MUST', step: e.step, requirement: e.requirement,
    expected: `${what} that completes`,
    actual: transfers.length
      ? transfers.map(describe).join('; ')
      : `no ${e.direction} was made between events #${e.afterSeq} and #${e.untilSeq} (the location could not be used)`,
    evidence: transfers.length ? transfers.map((t) => t.seq) : [e.untilSeq],
  }];
}

function describe(t: FileTransferEvent): string {
  const status = t.status ? `${t.protocol === 'ftp' ? 'FTP' : 'HTTP'} ${t.status}` : 'no reply';
  const why = t.detail === undefined ? status : t.detail.includes(String(t.status)) ? t.detail : `${status}: ${t.detail}`;
  return `${t.protocol.toUpperCase()} ${t.request} ${t.path} at ${t.remoteAddress}: ${t.outcome} (${why}), ${t.bytes} bytes (event #${t.seq})`;
}
