// The harness's file servers for firmware and diagnostics cases (harness = CSMS): HTTP and FTP over
// one FileStore and one TransferLog. A case serves an image, hands the charger a URL, and afterwards
// asks the log what really happened.
import { networkInterfaces } from 'node:os';
import type { Limits } from '../config/limits.js';
import { FileStore } from './file-store.js';
import { FtpFileServer } from './ftp-file-server.js';
import { HttpFileServer } from './http-file-server.js';
import { normalizePath } from './paths.js';
import { TransferLog, type TransferListener } from './transfer-log.js';

export interface FileServersOptions {
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** Default 0: any free port. */
  httpPort?: number;
  ftpPort?: number;
  /**
   * Host written into the URLs handed to the charger (and, when IPv4, into PASV replies). Default: `host`; when
   * `host` is a wildcard (0.0.0.0, ::), this machine's first non-internal IPv4 address.
   */
  advertisedHost?: string;
  /** FTP login the URLs carry. Default ocpp / ocpp. */
  ftpUser?: string;
  ftpPassword?: string;
  allowAnonymousFtp?: boolean;
  /** Case-relative milliseconds for the records. Default: ms since the servers started. */
  clock?: () => number;
  /** Called with every record after the log has it: e.g. `(r) => hub.record(transferTraceEvent(r))`. */
  onTransfer?: TransferListener;
  /** Things worth a trace note that are no transfer (a refused FTP login, active mode asked for). */
  onNote?: (text: string) => void;
  /** Larger uploads are refused (HTTP 413, FTP 552). Default: limits.uploadBytesPerFile (64 MiB). */
  maxUploadBytes?: number;
  /** Upload size per file and per run, and the idle time of an upload (defaults: DEFAULT_LIMITS). */
  limits?: Partial<Pick<Limits, 'uploadBytesPerFile' | 'uploadBytesPerRun' | 'uploadIdleMs'>>;
  /** How long the FTP server waits for a data connection. Default 10 s. */
  ftpDataConnectTimeoutMs?: number;
}

export interface FileServers {
  readonly store: FileStore;
  readonly log: TransferLog;
  /** e.g. http://127.0.0.1:41234/ */
  readonly httpBase: string;
  /** e.g. ftp://ocpp:ocpp@127.0.0.1:41235/ */
  readonly ftpBase: string;
  /** URL of a path on the HTTP server (segments percent-encoded). */
  httpUrl(path: string): string;
  /** URL of a path on the FTP server, credentials included. */
  ftpUrl(path: string): string;
  /** Closes both servers and every connection, including FTP data connections. */
  close(): Promise<void>;
}

export async function startFileServers(options: FileServersOptions = {}): Promise<FileServers> {
  const host = options.host ?? '127.0.0.1';
  const advertised = options.advertisedHost ?? (isWildcard(host) ? firstExternalIPv4() ?? '127.0.0.1' : host);
  const t0 = performance.now();
  const clock = options.clock ?? (() => Math.round((performance.now() - t0) * 1000) / 1000);
  const store = new FileStore({
    ...(options.limits?.uploadBytesPerRun ? { uploadBytesPerRun: options.limits.uploadBytesPerRun } : {}),
    uploadBytesPerFile: options.maxUploadBytes ?? options.limits?.uploadBytesPerFile,
  });
  const uploadIdleMs = options.limits?.uploadIdleMs;
  const log = new TransferLog();
  const onTransfer: TransferListener = (record) => {
    log.add(record);
    try {
      options.onTransfer?.(record);
    } catch {
      // a recording callback's bug must not break the transfer that is being answered
    }
  };
  const onNote = (text: string) => {
    try {
      options.onNote?.(text);
    } catch {
      // as above
    }
  };
  const user = options.ftpUser ?? 'ocpp';
  const password = options.ftpPassword ?? 'ocpp';

  const http = new HttpFileServer({ host, port: options.httpPort ?? 0, store, clock, onTransfer, ...(uploadIdleMs ? { uploadIdleMs } : {}) });
  const ftp = new FtpFileServer({
    host, port: options.ftpPort ?? 0, store, clock, onTransfer, onNote, user, password,
    allowAnonymous: options.allowAnonymousFtp, ...(uploadIdleMs ? { uploadIdleMs } : {}),
    dataConnectTimeoutMs: options.ftpDataConnectTimeoutMs,
    // Only an address the operator named goes into PASV (NAT); otherwise the one the client reached.
    ...(options.advertisedHost && /^\d{1,3}(\.\d{1,3}){3}$/.test(options.advertisedHost) ? { passiveAddress: options.advertisedHost } : {}),
  });
  const httpPort = (await http.listen()).port;
  let ftpPort: number;
  try {
    ftpPort = (await ftp.listen()).port;
  } catch (err) {
    await http.close();
    store.dispose();
    throw err;
  }

  const hostPart = advertised.includes(':') ? `[${advertised}]` : advertised;
  const httpBase = `http://${hostPart}:${httpPort}/`;
  const ftpBase = `ftp://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${hostPart}:${ftpPort}/`;
  return {
    store, log, httpBase, ftpBase,
    httpUrl: (path) => httpBase + encodePath(path),
    ftpUrl: (path) => ftpBase + encodePath(path),
    async close() {
      await Promise.all([http.close(), ftp.close()]);
      store.dispose(); // the uploads' temporary folder goes with the servers
    },
  };
}

/** The path without its leading '/', each segment percent-encoded; a trailing '/' is kept. */
function encodePath(path: string): string {
  const normal = normalizePath(path).slice(1).split('/').map(encodeURIComponent).join('/');
  return path.endsWith('/') && normal !== '' ? `${normal}/` : normal;
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

function firstExternalIPv4(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}
