// What happened to every file transfer: the evidence a firmware or diagnostics case judges. The
// servers and the client only produce records; who keeps them (this log, the case trace) is the
// caller's choice, so nothing here imports the trace hub.
import type { FileTransferEvent, TraceEventInput } from '../trace/types.js';

export type TransferProtocol = FileTransferEvent['protocol'];
export type TransferDirection = FileTransferEvent['direction'];
export type TransferOutcome = FileTransferEvent['outcome'];

export interface TransferRecord {
  harnessRole: 'server' | 'client';
  protocol: TransferProtocol;
  direction: TransferDirection;
  /** Path on the server, decoded and normalised, e.g. /firmware/fw-1.bin. */
  path: string;
  /** Name the uploader gave the file (multipart filename, or the last path segment). */
  filename?: string;
  /** HTTP method (POST multipart for form uploads) or FTP command. */
  request: string;
  /** HTTP status or FTP reply code that settled it; 0 when none was exchanged. */
  status: number;
  /** Bytes actually moved: sent (download) or received and kept (upload). */
  bytes: number;
  /** SHA-256, hex, of exactly those bytes. */
  sha256: string;
  outcome: TransferOutcome;
  /** Why it was refused or aborted, or a short description. */
  detail?: string;
  /** The client (harness = server) or the server's host:port (harness = client). */
  remoteAddress: string;
  remotePort?: number;
  /** FTP login name. */
  user?: string;
  /** Resume offset (FTP REST, HTTP Range). */
  offset?: number;
  /** Case-relative ms (the clock the servers were given). */
  startedAt: number;
  endedAt: number;
  /** The received file, for uploads the harness received (never written to the trace). */
  content?: Buffer;
}

export type TransferListener = (record: TransferRecord) => void;

/** The trace event for a record: what `TraceHub.record` takes. The content stays out of the trace. */
export function transferTraceEvent(r: TransferRecord): TraceEventInput {
  const event: Omit<FileTransferEvent, 'seq' | 't' | 'wall'> = {
    kind: 'file-transfer', harnessRole: r.harnessRole, protocol: r.protocol, direction: r.direction,
    path: r.path, request: r.request, status: r.status, bytes: r.bytes, sha256: r.sha256,
    outcome: r.outcome, remoteAddress: r.remoteAddress, startedAt: r.startedAt,
  };
  if (r.filename !== undefined) event.filename = r.filename;
  if (r.offset) event.offset = r.offset;
  if (r.user !== undefined) event.user = r.user;
  if (r.detail !== undefined) event.detail = r.detail;
  return event;
}

/** One line for logs and failure messages. */
export function describeTransfer(r: TransferRecord): string {
  const who = r.harnessRole === 'server' ? `from ${r.remoteAddress}` : `to ${r.remoteAddress}`;
  const sha = r.bytes ? ` sha256=${r.sha256.slice(0, 16)}…` : '';
  return `${r.protocol.toUpperCase()} ${r.request} ${r.path} ${who}: ${r.outcome} (${r.status || 'no reply'}), ` +
    `${r.bytes} bytes${sha}${r.detail ? ` — ${r.detail}` : ''}`;
}

interface Waiter {
  predicate: (r: TransferRecord) => boolean;
  resolve: (r: TransferRecord | undefined) => void;
}

export class TransferLog {
  private readonly entries: TransferRecord[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Set<TransferListener>();

  get records(): readonly TransferRecord[] {
    return this.entries;
  }

  add(record: TransferRecord): void {
    this.entries.push(record);
    for (const waiter of [...this.waiters]) {
      if (safely(() => waiter.predicate(record))) waiter.resolve(record);
    }
    for (const listener of this.listeners) safely(() => listener(record));
  }

  subscribe(listener: TransferListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  find(predicate: (r: TransferRecord) => boolean): TransferRecord | undefined {
    return this.entries.find((r) => safely(() => predicate(r)));
  }

  /**
   * The first record, already logged or still to come, that matches; undefined when none came
   * within `timeoutMs` or `signal` aborted. Never rejects: a missing transfer is the SUT's finding,
   * which the caller words.
   */
  waitFor(predicate: (r: TransferRecord) => boolean, timeoutMs: number, signal?: AbortSignal): Promise<TransferRecord | undefined> {
    const logged = this.find(predicate);
    if (logged || signal?.aborted) return Promise.resolve(logged);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        predicate,
        resolve: (r) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          this.waiters.delete(waiter);
          resolve(r);
        },
      };
      const onAbort = () => waiter.resolve(undefined);
      const timer = setTimeout(onAbort, timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(waiter);
    });
  }

  /** Forget the records (between cases); waiters keep waiting for new ones. */
  clear(): void {
    this.entries.length = 0;
  }
}

function safely<T>(fn: () => T): T | false {
  try {
    return fn();
  } catch {
    return false; // a predicate or listener bug must not break recording
  }
}
