// The charge point's side of a file transfer, for when the harness plays the charge point
// (TC_044/045 _CSMS): fetch the firmware from the location the CSMS gave, upload a diagnostics file
// to the location it gave. HTTP(S) through global fetch; FTP through basic-ftp.
//
// FTP paths follow RFC 1738, as curl does: the URL path is relative to the login directory
// (ftp://h/diag/ is "diag" beneath it); a leading %2F makes it absolute.
import { Readable, Writable } from 'node:stream';
import { Client, FTPError } from 'basic-ftp';
import { ByteTally, sha256Hex } from './byte-tally.js';
import type { TransferListener, TransferRecord } from './transfer-log.js';

export interface ClientRecording {
  clock: () => number;
  onTransfer: TransferListener;
}

export interface DownloadOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /** Record the transfer (harnessRole 'client') here, e.g. into the case trace. */
  recording?: ClientRecording;
}

export interface UploadOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  /**
   * HTTP only. 'POST' (default) posts a multipart/form-data form to the location, as most chargers
   * do; 'PUT' puts the raw bytes at location/filename.
   */
  httpMethod?: 'POST' | 'PUT';
  /** Form field of the file in a multipart POST. Default "file". */
  formField?: string;
  recording?: ClientRecording;
}

export interface Downloaded {
  bytes: Buffer;
  sha256: string;
}

export interface UploadResult {
  ok: boolean;
  /** HTTP status or FTP reply code; 0 when the server never answered. */
  status: number;
  /** What happened, for the trace or a DiagnosticsStatusNotification decision. */
  detail: string;
  /** Bytes handed to the server. */
  bytes: number;
}

export type TransferFailure = 'refused' | 'aborted' | 'timeout' | 'cancelled' | 'unsupported';

/** A download that did not deliver the file. */
export class TransferError extends Error {
  override readonly name = 'TransferError';
  constructor(readonly reason: TransferFailure, message: string, readonly status = 0) {
    super(message);
  }
}

/** Fetch the whole file at `url` (http, https, ftp). Throws TransferError when it did not arrive. */
export async function download(url: string, options: DownloadOptions): Promise<Downloaded> {
  const target = parseTarget(url);
  const deadline = new Deadline(options.timeoutMs, options.signal);
  const started = options.recording?.clock() ?? 0;
  const request = target.protocol === 'ftp' ? 'RETR' : 'GET';
  const tally = new CollectingTally();
  try {
    const status = target.protocol === 'ftp'
      ? await ftpDownload(target, tally, deadline)
      : await httpDownload(target, tally, deadline);
    const bytes = tally.content();
    record(options.recording, target, started, { direction: 'download', request, status, bytes: bytes.length, sha256: tally.sha256, outcome: 'completed' });
    return { bytes, sha256: tally.sha256 };
  } catch (err) {
    const failure = asTransferError(err, deadline);
    record(options.recording, target, started, {
      direction: 'download', request, status: failure.status, bytes: tally.bytes, sha256: tally.sha256,
      outcome: failure.reason === 'refused' ? 'refused' : 'aborted', detail: failure.message,
    });
    throw failure;
  } finally {
    deadline.dispose();
  }
}

/**
 * Upload `content` as `filename` to the directory `location` (GetDiagnostics.req location is a
 * directory). Never throws for a failed transfer: `ok` says whether the server took the file.
 */
export async function upload(location: string, filename: string, content: Uint8Array, options: UploadOptions): Promise<UploadResult> {
  let target: Target;
  try {
    target = parseTarget(location);
  } catch (err) {
    return { ok: false, status: 0, detail: (err as Error).message, bytes: 0 };
  }
  const deadline = new Deadline(options.timeoutMs, options.signal);
  const started = options.recording?.clock() ?? 0;
  const data = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const method = options.httpMethod ?? 'POST';
  const request = target.protocol === 'ftp' ? 'STOR' : method === 'POST' ? 'POST multipart' : 'PUT';
  // The path the client addresses: the location itself for a form POST, else location/filename.
  const path = target.protocol !== 'ftp' && method === 'POST' ? target.path : joinPath(target.path, filename);
  const base = { direction: 'upload' as const, request, filename, sha256: sha256Hex(data) };
  try {
    const status = target.protocol === 'ftp'
      ? await ftpUpload(target, ftpJoin(target.ftpPath, filename), data, deadline)
      : await httpUpload(target, filename, data, method, options.formField ?? 'file', deadline);
    record(options.recording, { ...target, path }, started, { ...base, status, bytes: data.length, outcome: 'completed' });
    return { ok: true, status, detail: `uploaded ${data.length} bytes as ${filename} to ${path}`, bytes: data.length };
  } catch (err) {
    const failure = asTransferError(err, deadline);
    record(options.recording, { ...target, path }, started, {
      ...base, status: failure.status, bytes: 0, sha256: sha256Hex(Buffer.alloc(0)),
      outcome: failure.reason === 'refused' ? 'refused' : 'aborted', detail: failure.message,
    });
    return { ok: false, status: failure.status, detail: failure.message, bytes: 0 };
  } finally {
    deadline.dispose();
  }
}

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────

async function httpDownload(target: Target, tally: CollectingTally, deadline: Deadline): Promise<number> {
  const res = await fetch(target.href, { headers: target.headers, signal: deadline.signal });
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new TransferError('refused', `HTTP ${res.status} ${res.statusText}`.trim(), res.status);
  }
  if (res.body) for await (const chunk of res.body) tally.add(chunk);
  return res.status;
}

async function httpUpload(target: Target, filename: string, data: Buffer, method: 'POST' | 'PUT', field: string, deadline: Deadline): Promise<number> {
  let res: Response;
  if (method === 'PUT') {
    const url = new URL(target.href);
    url.pathname = joinPath(url.pathname, encodeURIComponent(filename));
    res = await fetch(url, {
      method: 'PUT', body: new Uint8Array(data), signal: deadline.signal,
      headers: { ...target.headers, 'content-type': 'application/octet-stream' },
    });
  } else {
    const form = new FormData();
    form.append(field, new Blob([new Uint8Array(data)], { type: 'application/octet-stream' }), filename);
    res = await fetch(target.href, { method: 'POST', body: form, headers: target.headers, signal: deadline.signal });
  }
  await res.body?.cancel().catch(() => undefined);
  if (!res.ok) throw new TransferError('refused', `HTTP ${res.status} ${res.statusText}`.trim(), res.status);
  return res.status;
}

// ── FTP ──────────────────────────────────────────────────────────────────────────────────────

async function withFtp<T>(target: Target, deadline: Deadline, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(deadline.timeoutMs);
  // Closing the client rejects whatever it is doing: that is how a timeout or a cancel stops it.
  const stop = () => client.close();
  deadline.signal.addEventListener('abort', stop, { once: true });
  try {
    await client.access({ host: target.hostname, port: target.port, user: target.user, password: target.password, secure: false });
    return await work(client);
  } finally {
    deadline.signal.removeEventListener('abort', stop);
    client.close();
  }
}

function ftpDownload(target: Target, tally: CollectingTally, deadline: Deadline): Promise<number> {
  return withFtp(target, deadline, async (client) => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        tally.add(chunk);
        done();
      },
    });
    const response = await client.downloadTo(sink, target.ftpPath);
    return response.code;
  });
}

function ftpUpload(target: Target, ftpPath: string, data: Buffer, deadline: Deadline): Promise<number> {
  return withFtp(target, deadline, async (client) => {
    const response = await client.uploadFrom(Readable.from([data]), ftpPath);
    return response.code;
  });
}

// ── shared ───────────────────────────────────────────────────────────────────────────────────

interface Target {
  protocol: 'http' | 'https' | 'ftp';
  /** The URL without credentials (fetch refuses URLs that carry them). */
  href: string;
  hostname: string;
  port: number;
  /** host:port, for the record. */
  host: string;
  /** Decoded URL path, e.g. /firmware/fw-1.bin. */
  path: string;
  /** The path as the FTP client sends it (relative to the login directory, RFC 1738). */
  ftpPath: string;
  user: string;
  password: string;
  headers: Record<string, string>;
}

function parseTarget(raw: string): Target {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TransferError('unsupported', `not a URL: ${JSON.stringify(raw)}`);
  }
  const protocol = url.protocol.slice(0, -1);
  if (protocol !== 'http' && protocol !== 'https' && protocol !== 'ftp') {
    throw new TransferError('unsupported', `transfer protocol ${url.protocol} is not supported (http, https, ftp)`);
  }
  const user = safeDecode(url.username);
  const password = safeDecode(url.password);
  const headers: Record<string, string> = {};
  if (protocol !== 'ftp' && (user || password)) {
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  }
  const rawPath = protocol === 'ftp' ? url.pathname.replace(/;type=[aid]$/i, '') : url.pathname;
  const path = safeDecode(rawPath) || '/';
  url.username = '';
  url.password = '';
  const defaultPort = protocol === 'ftp' ? 21 : protocol === 'https' ? 443 : 80;
  return {
    protocol, href: url.href, hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: Number(url.port || defaultPort),
    host: url.host, path, ftpPath: ftpPathOf(rawPath), headers,
    user: user || 'anonymous', password: user ? password : (password || 'anonymous@'),
  };
}

/** RFC 1738: segments are relative to the login directory; %2F (an encoded leading '/') is the root. */
function ftpPathOf(urlPath: string): string {
  const relative = urlPath.replace(/^\//, '');
  return /^%2F/i.test(relative) ? safeDecode(relative) : relative.split('/').map(safeDecode).join('/');
}

/** A file in an FTP directory path that may be relative ('' = the login directory). */
function ftpJoin(dir: string, name: string): string {
  return dir.replace(/\/+$/, '') === '' && !dir.startsWith('/') ? name : `${dir.replace(/\/+$/, '')}/${name}`;
}

function joinPath(dir: string, name: string): string {
  return `${dir.replace(/\/+$/, '')}/${name.replace(/^\/+/, '')}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A ByteTally that also keeps the bytes: the caller of download() wants the file. */
class CollectingTally extends ByteTally {
  private readonly chunks: Buffer[] = [];

  override add(chunk: Uint8Array): void {
    super.add(chunk);
    this.chunks.push(Buffer.from(chunk));
  }

  content(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** One signal for "the time is up" and "the caller gave up", told apart afterwards. */
class Deadline {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onOuterAbort = () => this.controller.abort(new TransferError('cancelled', 'transfer cancelled'));

  constructor(readonly timeoutMs: number, private readonly outer?: AbortSignal) {
    this.signal = this.controller.signal;
    this.timer = setTimeout(() => this.controller.abort(new TransferError('timeout', `no complete transfer within ${timeoutMs} ms`)), timeoutMs);
    if (outer?.aborted) this.onOuterAbort();
    else outer?.addEventListener('abort', this.onOuterAbort, { once: true });
  }

  /** Why the signal fired, if it did. */
  get failure(): TransferError | undefined {
    const reason: unknown = this.signal.reason;
    return this.signal.aborted && reason instanceof TransferError ? reason : undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }
}

function asTransferError(err: unknown, deadline: Deadline): TransferError {
  const stopped = deadline.failure;
  if (stopped) return stopped;
  if (err instanceof TransferError) return err;
  if (err instanceof FTPError) return new TransferError(err.code >= 500 ? 'refused' : 'aborted', `FTP ${err.message}`, err.code);
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return new TransferError('aborted', `${err instanceof Error ? err.message : String(err)}${cause}`);
}

function record(
  recording: ClientRecording | undefined, target: Pick<Target, 'protocol' | 'path' | 'host'>, startedAt: number,
  fields: Pick<TransferRecord, 'direction' | 'request' | 'status' | 'bytes' | 'sha256' | 'outcome'> & Partial<Pick<TransferRecord, 'detail' | 'filename'>>,
): void {
  if (!recording) return;
  const entry: TransferRecord = {
    harnessRole: 'client', protocol: target.protocol, path: target.path, remoteAddress: target.host,
    startedAt, endedAt: recording.clock(), ...fields,
  };
  try {
    recording.onTransfer(entry);
  } catch {
    // recording must not turn a transfer into a failure
  }
}
