// The harness's HTTP file server (harness = CSMS): GET serves firmware from the FileStore, PUT and
// POST (raw body or multipart/form-data) receive diagnostics. Every GET, PUT and POST ends in exactly
// one TransferRecord: completed, refused (a refusal switch, an unknown file, an upload too large or
// malformed) or aborted (the connection broke, or the case asked for the download to be cut).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { DEFAULT_LIMITS } from '../config/limits.js';
import { ByteTally, sha256Hex } from './byte-tally.js';
import type { FileStore, StoredFile } from './file-store.js';
import type { UploadWriter } from './upload-spool.js';
import { dispositionFilename, multipartBoundary } from './multipart.js';
import { MultipartStream } from './multipart-stream.js';
import { basename, pathOfRequestTarget, resolvePath } from './paths.js';
import { pumpBytes } from './stream-util.js';
import type { TransferListener, TransferRecord } from './transfer-log.js';

export interface HttpFileServerOptions {
  host: string;
  port: number;
  store: FileStore;
  /** Case-relative milliseconds, stamped on every record. */
  clock: () => number;
  onTransfer: TransferListener;
  /** Larger uploads are refused with 413. Default: the store's limits.uploadBytesPerFile (64 MiB). */
  maxUploadBytes?: number;
  /** An upload that sends nothing for this long is answered 408 and dropped (limits.uploadIdleMs). */
  uploadIdleMs?: number;
}

const DEFAULT_UPLOAD_IDLE_MS = DEFAULT_LIMITS.uploadIdleMs;

type RecordFields = Omit<TransferRecord, 'harnessRole' | 'protocol' | 'direction' | 'startedAt' | 'endedAt' | 'remoteAddress' | 'remotePort' | 'path'>;

export class HttpFileServer {
  private readonly http: Server;
  private readonly maxUploadBytes: number;

  constructor(private readonly opts: HttpFileServerOptions) {
    this.maxUploadBytes = opts.maxUploadBytes ?? opts.store.spool.perFile;
    this.http = createServer((req, res) => this.handle(req, res, false));
    // With Expect: 100-continue a refused upload is answered before the client sends the body.
    this.http.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => this.handle(req, res, true));
  }

  listen(): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.opts.port, this.opts.host, () => {
        this.http.off('error', reject);
        const address = this.http.address();
        resolve({ host: this.opts.host, port: typeof address === 'object' && address ? address.port : this.opts.port });
      });
    });
  }

  /** Stops listening and drops every connection; transfers in flight are recorded as aborted. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse, expectsContinue: boolean): void {
    const transfer = new HttpTransfer(req, res, this.opts);
    const run = (): Promise<void> => {
      switch (req.method) {
        case 'GET':
        case 'HEAD':
          return this.download(transfer);
        case 'PUT':
        case 'POST':
          return this.upload(transfer, expectsContinue);
        default:
          res.writeHead(405, { allow: 'GET, HEAD, PUT, POST', 'content-type': 'text/plain' }).end('method not allowed\n');
          return Promise.resolve();
      }
    };
    run().catch((err: unknown) => {
      // A bug here must cost one request, not the server.
      transfer.finish({ request: req.method ?? '?', status: 500, bytes: 0, sha256: sha256Hex(Buffer.alloc(0)), outcome: 'aborted', detail: `harness error: ${String(err)}` });
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  }

  private async download(t: HttpTransfer): Promise<void> {
    const { req, res } = t;
    const isHead = req.method === 'HEAD';
    const request = req.method ?? 'GET';
    const refusal = this.opts.store.downloadRefusal(t.path);
    const file = refusal ? undefined : this.opts.store.file(t.path);
    if (!file) {
      const status = refusal?.httpStatus ?? 404;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(refusal ? 'refused by the test case\n' : 'no such file\n');
      t.finish({ request, status, ...nothingMoved(), outcome: 'refused', detail: refusal ? 'download refused by the test case' : 'no such file' });
      return;
    }
    const content = file.content; // an uploaded file is read from disk once, here
    const range = parseRange(req.headers.range, file.size);
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'content-range': `bytes */${file.size}` }).end();
      t.finish({ request, status: 416, ...nothingMoved(), outcome: 'refused', detail: `range ${req.headers.range} not satisfiable` });
      return;
    }
    const { start, end } = range ?? { start: 0, end: file.size };
    const status = range ? 206 : 200;
    res.writeHead(status, {
      'content-type': file.contentType ?? 'application/octet-stream',
      'content-length': String(end - start),
      'accept-ranges': 'bytes',
      'last-modified': file.modified.toUTCString(),
      ...(range ? { 'content-range': `bytes ${start}-${end - 1}/${file.size}` } : {}),
    });
    if (isHead) {
      res.end(); // a HEAD moves no file, but it is an access to the path: logged as probed
      t.finish({ request, status, ...nothingMoved(), outcome: 'probed', detail: 'HEAD: headers only' });
      return;
    }
    const cutAt = cutPoint(file, start, end);
    const tally = new ByteTally();
    const offset = start || undefined;
    const whole = await pumpBytes(res, content, start, cutAt ?? end, tally);
    if (!whole) {
      t.finish({ request, status, bytes: tally.bytes, sha256: tally.sha256, outcome: 'aborted', offset, detail: 'the client closed the connection during the download' });
      return;
    }
    if (cutAt !== undefined) {
      // end() on the socket sends what is written, then FIN: the client sees a body shorter than
      // Content-Length, like a broken link.
      res.socket?.end();
      t.finish({ request, status, bytes: tally.bytes, sha256: tally.sha256, outcome: 'aborted', offset, detail: `cut by the test case after byte ${cutAt} of ${file.size}` });
      return;
    }
    const finished = await ended(res);
    t.finish({
      request, status, bytes: tally.bytes, sha256: tally.sha256, offset,
      outcome: finished ? 'completed' : 'aborted',
      ...(finished ? {} : { detail: 'the connection closed before the response was complete' }),
    });
  }

  private async upload(t: HttpTransfer, expectsContinue: boolean): Promise<void> {
    const { req, res } = t;
    const boundary = req.method === 'POST' ? multipartBoundary(req.headers['content-type']) : undefined;
    const request = boundary ? 'POST multipart' : (req.method ?? 'PUT');
    const refusal = this.opts.store.uploadRefusal(t.path);
    const declared = Number(req.headers['content-length'] ?? NaN);
    const idleMs = this.opts.uploadIdleMs ?? DEFAULT_UPLOAD_IDLE_MS;
    if (refusal || declared > this.maxUploadBytes) {
      const status = refusal ? (refusal.httpStatus ?? 403) : 413;
      const detail = refusal ? 'upload refused by the test case' : `Content-Length ${declared} exceeds the limit of ${this.maxUploadBytes} bytes (limits.uploadBytesPerFile)`;
      await refuseUpload(req, res, status, expectsContinue, idleMs);
      t.finish({ request, status, ...nothingMoved(), outcome: 'refused', detail });
      return;
    }
    if (expectsContinue) res.writeContinue();
    // The body goes to disk as it comes; a form's parts each to a file of their own, read as they arrive.
    const form = boundary ? new MultipartStream(boundary, () => this.opts.store.spool.begin()) : undefined;
    const writer = form ? undefined : this.opts.store.beginUpload(t.path);
    const sink: BodySink = form ? { write: (chunk) => { form.write(chunk); return form.refusal; } } : writer!;
    const body = await spoolBody(req, sink, idleMs);
    const discard = () => (form ? form.discardAll() : writer!.discard());
    if (body.outcome === 'too-large' || body.outcome === 'idle') {
      discard();
      const status = body.outcome === 'idle' ? 408 : 413;
      const detail = body.outcome === 'too-large'
        ? `body exceeds limits.${body.limit} = ${body.max} bytes`
        : `nothing received for ${idleMs} ms after ${body.tally.bytes} bytes (limits.uploadIdleMs)`;
      res.writeHead(status, { connection: 'close', 'content-type': 'text/plain' }).end(`${detail}\n`, () => req.socket.destroy());
      setTimeout(() => req.socket.destroy(), 1000).unref();
      t.finish({ request, status, bytes: body.tally.bytes, sha256: body.tally.sha256, outcome: body.outcome === 'idle' ? 'aborted' : 'refused', detail });
      return;
    }
    if (body.outcome === 'aborted') {
      discard();
      t.finish({ request, status: 0, bytes: body.tally.bytes, sha256: body.tally.sha256, outcome: 'aborted', detail: `the client closed the connection after ${body.tally.bytes} bytes of the body` });
      return;
    }
    let filename = dispositionFilename(singleHeader(req.headers['content-disposition'])) ?? (basename(t.path) || undefined);
    let storedAt = t.path;
    let bytes = body.tally.bytes;
    let sha256 = body.tally.sha256;
    if (form) {
      form.end();
      const file = form.failure ? undefined : (form.parts.find((p) => p.filename !== undefined) ?? form.parts[0]);
      form.discardAll(file);
      if (!file) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('malformed multipart body\n');
        t.finish({ request, status: 400, bytes, sha256, outcome: 'refused', detail: form.failure ?? 'multipart body without any part' });
        return;
      }
      filename = file.filename ?? filename;
      // A form posted to a location names its file: keep it under that location.
      if (file.filename) storedAt = resolvePath(t.path, basename(file.filename) || 'upload');
      this.opts.store.adoptUpload(storedAt, file.writer);
      bytes = file.tally.bytes;
      sha256 = file.tally.sha256;
    } else {
      writer!.commit();
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    t.finish({
      request, status: 200, bytes, sha256, outcome: 'completed',
      // Small files ride along for the tests and cases that read them; large ones stay on disk.
      ...(bytes <= CONTENT_IN_RECORD_BYTES ? { content: this.opts.store.upload(storedAt) } : {}),
      ...(filename !== undefined ? { filename } : {}),
      ...(storedAt !== t.path ? { detail: `stored as ${storedAt}` } : {}),
    });
  }
}

/** Uploads up to this size are also kept in their transfer record (`content`); larger ones only on disk. */
export const CONTENT_IN_RECORD_BYTES = 1024 * 1024;

/** One request's bookkeeping: when it began, who sent it, and its single record. */
class HttpTransfer {
  readonly path: string;
  private readonly startedAt: number;
  private done = false;

  constructor(readonly req: IncomingMessage, readonly res: ServerResponse, private readonly opts: HttpFileServerOptions) {
    this.path = pathOfRequestTarget(req.url ?? '/');
    this.startedAt = opts.clock();
  }

  finish(fields: RecordFields): void {
    if (this.done) return;
    this.done = true;
    const record: TransferRecord = {
      harnessRole: 'server', protocol: 'http',
      direction: fields.request === 'GET' || fields.request === 'HEAD' ? 'download' : 'upload',
      path: this.path, remoteAddress: this.req.socket.remoteAddress ?? '', remotePort: this.req.socket.remotePort,
      startedAt: this.startedAt, endedAt: this.opts.clock(),
      ...withoutUndefined(fields),
    };
    this.opts.onTransfer(record);
  }
}

function nothingMoved(): { bytes: number; sha256: string } {
  return { bytes: 0, sha256: sha256Hex(Buffer.alloc(0)) };
}

/** Where a cut download stops, when the case asked for one inside this range. */
function cutPoint(file: StoredFile, start: number, end: number): number | undefined {
  const cut = file.cutAfterBytes;
  return cut !== undefined && cut >= start && cut < end ? cut : undefined;
}

/** A single `bytes=` range (first-last, first-, -suffix); multiple ranges get the whole file. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    return suffix === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size : Math.min(size, Number(m[2]) + 1);
  return start >= size || end <= start ? 'unsatisfiable' : { start, end };
}

type SpoolResult =
  | { outcome: 'complete' | 'aborted' | 'idle'; tally: ByteTally }
  | { outcome: 'too-large'; tally: ByteTally; limit: string; max: number };

/** Where a body's chunks go: a spool file, or a form being taken apart. A refusal stops the body. */
type BodySink = Pick<UploadWriter, 'write'>;

/** Write the request body to `writer` as it arrives, within its limits and the idle time. */
function spoolBody(req: IncomingMessage, writer: BodySink, idleMs: number): Promise<SpoolResult> {
  return new Promise((resolve) => {
    const tally = new ByteTally();
    let settled = false;
    const settle = (result: SpoolResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      resolve(result);
    };
    let idle = setTimeout(() => settle({ outcome: 'idle', tally }), idleMs);
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      idle.refresh();
      const refused = writer.write(chunk);
      if (refused) {
        req.pause();
        settle({ outcome: 'too-large', tally, limit: refused.limit, max: refused.max });
        return;
      }
      tally.add(chunk);
    });
    req.on('end', () => settle({ outcome: 'complete', tally }));
    req.on('error', () => settle({ outcome: 'aborted', tally }));
    req.on('close', () => settle({ outcome: req.complete ? 'complete' : 'aborted', tally }));
  });
}

/**
 * Answer a refused upload at once (a client that declared a large body and then sends nothing still
 * gets its answer), then drop what still comes, and the connection once it idles.
 */
async function refuseUpload(req: IncomingMessage, res: ServerResponse, status: number, expectsContinue: boolean, idleMs: number): Promise<void> {
  res.writeHead(status, { connection: 'close', 'content-type': 'text/plain' }).end('upload refused\n');
  if (expectsContinue) return;
  req.resume();
  const idle = setTimeout(() => req.socket.destroy(), Math.min(idleMs, 2000));
  idle.unref();
  req.on('data', () => idle.refresh());
  req.once('close', () => clearTimeout(idle));
}

function ended(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    res.once('finish', () => resolve(true));
    res.once('close', () => resolve(res.writableFinished));
    res.end();
  });
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function withoutUndefined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}
