// The harness's FTP file server (harness = CSMS): chargers download firmware from it and upload
// diagnostics to it, over the same FileStore the HTTP server uses.
//
// Why purpose-built rather than a package:
// - ftp-srv 4.6.3, the best-known Node FTP server, pulls in 50 packages, among them ip 1.x (a
//   published advisory on isPublic/isPrivate, CVE-2024-29415, that 1.x does not fix), bunyan with the
//   native optional dtrace-provider, moment, bluebird, uuid 3 and yargs 15 (a CLI parser a library
//   has no use for). Its last release is from December 2024. ftpd is unmaintained. Either would be
//   the largest dependency of the project, for a test tool that must run offline on 127.0.0.1.
// - A harness needs what such servers hide: exact records (which file, how many bytes, SHA-256,
//   completed / refused / aborted, who), refusals on purpose (550 on a chosen path, a download cut
//   at byte N), and a clear verdict for a client that disappears mid-transfer. Wrapping a general
//   server's events around that costs about as much as speaking the protocol.
// - Chargers use a small, well-known subset of RFC 959 / RFC 2428: USER, PASS, SYST, FEAT, OPTS
//   UTF8, PWD, CWD, TYPE, PASV, EPSV, SIZE, MDTM, REST, RETR, STOR, APPE, DELE, LIST, NLST, QUIT,
//   ABOR. That is what this server speaks (see ftp-session.ts), passive mode only: active mode
//   (PORT/EPRT) gets 502 and a trace note, since from a CSMS behind NAT it rarely works anyway.
// Not here: FTPS (AUTH TLS gets 502), active mode, RNFR/RNTO, MLSD (clients fall back to LIST).
import { createServer, type Server, type Socket } from 'node:net';
import type { FileStore } from './file-store.js';
import type { SocketRegistry } from './ftp-passive.js';
import { FtpSession, type FtpSessionSettings } from './ftp-session.js';
import type { TransferListener } from './transfer-log.js';

export interface FtpFileServerOptions {
  host: string;
  port: number;
  store: FileStore;
  /** Case-relative milliseconds, stamped on every record. */
  clock: () => number;
  onTransfer: TransferListener;
  onNote?: (text: string) => void;
  user: string;
  password: string;
  allowAnonymous?: boolean;
  /** IPv4 address to announce in PASV replies (the harness's address as the charger sees it, behind NAT). */
  passiveAddress?: string;
  /** How long to wait for the client to open a data connection. Default 10 s. */
  dataConnectTimeoutMs?: number;
  /** Idle control connections are closed after this long. Default 5 min. */
  idleTimeoutMs?: number;
  /** Larger uploads (the whole file, for APPE) are refused with 552. Default: the store's limits.uploadBytesPerFile. */
  maxUploadBytes?: number;
  /** A data connection that sends nothing for this long during an upload is aborted (426). Default limits.uploadIdleMs. */
  uploadIdleMs?: number;
  /** More simultaneous control connections are turned away with 421. Default 32. */
  maxSessions?: number;
}

export class FtpFileServer {
  private readonly server: Server;
  private readonly sessions = new Set<FtpSession>();
  private readonly sockets = new Set<Socket>();
  private readonly listeners = new Set<Server>();
  private readonly settings: FtpSessionSettings;
  private readonly registry: SocketRegistry;

  constructor(private readonly opts: FtpFileServerOptions) {
    this.settings = {
      store: opts.store, clock: opts.clock, onTransfer: opts.onTransfer, onNote: opts.onNote ?? (() => undefined),
      user: opts.user, password: opts.password, allowAnonymous: opts.allowAnonymous ?? false,
      passiveAddress: opts.passiveAddress,
      dataConnectTimeoutMs: opts.dataConnectTimeoutMs ?? 10_000,
      idleTimeoutMs: opts.idleTimeoutMs ?? 300_000,
      maxUploadBytes: opts.maxUploadBytes ?? opts.store.spool.perFile,
      uploadIdleMs: opts.uploadIdleMs ?? 10_000,
    };
    this.registry = {
      track: (socket) => {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
      },
      trackListener: (listener) => {
        this.listeners.add(listener);
        listener.once('close', () => this.listeners.delete(listener));
      },
    };
    this.server = createServer((socket) => this.accept(socket));
    this.server.on('error', () => undefined); // after listen(), an accept error must not crash the harness
  }

  listen(): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.opts.port, this.opts.host, () => {
        this.server.off('error', reject);
        const address = this.server.address();
        resolve({ host: this.opts.host, port: typeof address === 'object' && address ? address.port : this.opts.port });
      });
    });
  }

  /** Control connections open now. */
  get sessionCount(): number {
    return this.sessions.size;
  }

  /** Ends every session (421), every data connection and passive listener, then stops listening. */
  async close(): Promise<void> {
    const stopped = new Promise<void>((resolve) => (this.server.listening ? this.server.close(() => resolve()) : resolve()));
    for (const session of this.sessions) session.shutdown();
    for (const socket of this.sockets) socket.destroy();
    const passives = [...this.listeners].map((l) => new Promise<void>((resolve) => (l.listening ? l.close(() => resolve()) : resolve())));
    await Promise.all([stopped, ...passives]);
  }

  private accept(socket: Socket): void {
    this.registry.track(socket);
    socket.on('error', () => undefined);
    if (this.sessions.size >= (this.opts.maxSessions ?? 32)) {
      socket.end('421 Too many connections, try again later\r\n');
      return;
    }
    const session = new FtpSession(socket, this.settings, this.registry);
    this.sessions.add(session);
    socket.once('close', () => this.sessions.delete(session));
  }
}
