// The harness as CSMS: an HTTP(S) server that accepts charge point WebSocket upgrades.
// Records the handshake (path, identity, offered and chosen subprotocol, Authorization header) and,
// at security profiles 2 and 3, every TLS handshake with its facts (see security/tls-facts.ts).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { WebSocketServer, type WebSocket } from 'ws';
import { DEFAULT_LIMITS, type Limits } from '../config/limits.js';
import { checkBasicAuth } from '../security/basic-auth.js';
import { cipherList, TLS_MIN_VERSION } from '../security/cipher-suites.js';
import type { ServerSecurity } from '../security/security-settings.js';
import { tlsErrorText, tlsFacts } from '../security/tls-facts.js';
import type { TraceHub } from '../trace/recorder.js';
import type { TlsFacts } from '../trace/types.js';
import { FrameChannel } from './frame-channel.js';

export interface ServerOptions {
  host: string;
  port: number;
  /** The subprotocol the harness speaks, e.g. ocpp1.6. */
  subprotocol: string;
  /** Only this identity is accepted (others get 404), when set. */
  identity?: string;
  /** Told when another identity tries to connect (refused). */
  onStranger?: (identity: string) => void;
  maxFrameBytes: number;
  /** Frame reading, connections per identity and the handshake deadline (defaults: DEFAULT_LIMITS). */
  limits?: Pick<Limits, 'frameBytes' | 'truncatedFrameChars' | 'connectionsPerIdentity' | 'handshakeMs'>;
  /** The harness was configured with a basicAuthPassword (recorded with every connection, for the checks). */
  basicAuthExpected?: boolean;
  /**
   * Security profile 1–3: Basic auth checked (401 otherwise), TLS at 2 and 3, client certificates at 3.
   * Absent: plain ws:// exactly as before (profile 0).
   */
  security?: ServerSecurity;
}

export type ConnectionListener = (channel: FrameChannel) => void;

export class WsServerEndpoint {
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly listeners = new Set<ConnectionListener>();
  private readonly sockets = new Set<WebSocket>();
  /** While set, upgrades are refused with this HTTP status (the CSMS "is down"). */
  private refusing: number | undefined;
  /** Upgrades still to answer as a CSMS that supports none of the offered subprotocols. */
  private disagreeing = 0;

  /** TLS facts of each established connection, for its ws-open event. */
  private readonly tlsBySocket = new WeakMap<object, TlsFacts>();
  private readonly limits: NonNullable<ServerOptions['limits']>;
  /** Open WebSocket connections per identity (limits.connectionsPerIdentity). */
  private readonly openPerIdentity = new Map<string, number>();
  /** Handshake deadlines of TCP connections that have not upgraded yet, by remote address and port. */
  private readonly handshakeDeadlines = new Map<string, NodeJS.Timeout>();

  constructor(private readonly hub: TraceHub, private readonly opts: ServerOptions) {
    this.limits = opts.limits ?? DEFAULT_LIMITS;
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: opts.maxFrameBytes,
      // Choose our subprotocol when offered; otherwise none (OCPP-J 1.6 §3.1.2). Judged later.
      handleProtocols: (offered) => {
        if (this.disagreeing > 0) {
          this.disagreeing -= 1;
          return false;
        }
        return offered.has(opts.subprotocol) ? opts.subprotocol : false;
      },
    });
    const answerPlainRequest = (_req: IncomingMessage, res: import('node:http').ServerResponse) => {
      res.writeHead(426, { 'content-type': 'text/plain' }).end('OCPP-J endpoint: WebSocket upgrade required\n');
    };
    const tls = opts.security?.tls;
    this.http = tls ? this.createTlsServer(tls, answerPlainRequest) : createServer(answerPlainRequest);
    this.http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
    // Wall-clock deadline for TCP (+ TLS) + the upgrade request: a peer trickling bytes cannot hold a
    // socket (Node's own headersTimeout is only checked every 30 s).
    this.http.on('connection', (socket: import('node:net').Socket) => {
      const key = `${socket.remoteAddress}:${socket.remotePort}`;
      const timer = setTimeout(() => {
        this.handshakeDeadlines.delete(key);
        this.hub.record({ kind: 'ws-error', message: `no complete WebSocket upgrade from ${socket.remoteAddress} within limits.handshakeMs = ${this.limits.handshakeMs} ms; connection dropped` });
        socket.destroy();
      }, this.limits.handshakeMs);
      timer.unref();
      this.handshakeDeadlines.set(key, timer);
      socket.once('close', () => {
        clearTimeout(timer);
        this.handshakeDeadlines.delete(key);
      });
    });
  }

  private handshakeDone(socket: Duplex): void {
    const s = socket as Duplex & { remoteAddress?: string; remotePort?: number };
    const key = `${s.remoteAddress}:${s.remotePort}`;
    clearTimeout(this.handshakeDeadlines.get(key));
    this.handshakeDeadlines.delete(key);
  }

  private secureContextOptions(tls: NonNullable<ServerSecurity['tls']>, certificate?: { key: string; cert: string }) {
    return {
      key: certificate?.key ?? tls.key, cert: certificate?.cert ?? tls.cert, ...(tls.ca ? { ca: tls.ca } : {}),
      minVersion: TLS_MIN_VERSION, maxVersion: tls.maxVersion, ciphers: cipherList(tls.maxVersion), honorCipherOrder: true,
      // Accept at the TLS layer and decide in code, so the trace can say why a certificate was refused.
      requestCert: tls.requireClientCertificate, rejectUnauthorized: false,
    };
  }

  /**
   * Present another server certificate to new connections (e.g. an expired one for a negative case);
   * no argument: back to the configured one. Connections already open keep theirs.
   */
  setServerCertificate(certificate?: { key: string; cert: string }): void {
    const tls = this.opts.security?.tls;
    if (!tls) throw new Error('setServerCertificate needs a wss:// endpoint (security profile 2 or 3)');
    (this.http as unknown as import('node:tls').Server).setSecureContext(this.secureContextOptions(tls, certificate));
    this.hub.record({ kind: 'note', text: certificate ? 'the CSMS presents another server certificate to new connections' : 'the CSMS presents its configured server certificate again' });
  }

  /**
   * The AuthorizationKey the charger was just given (TC_073: A01.FR.03, the old one is no longer
   * accepted) for new connections; no argument: the configured one again.
   */
  setBasicAuthPassword(password?: string): void {
    const security = this.opts.security;
    if (!security || security.profile === 0 || security.profile === 3) throw new Error('setBasicAuthPassword needs security profile 1 or 2');
    this.configuredPassword ??= security.basicAuthPassword;
    security.basicAuthPassword = password ?? this.configuredPassword;
    this.hub.record({ kind: 'note', text: password ? 'the CSMS accepts only the new AuthorizationKey from now on' : 'the CSMS accepts the configured AuthorizationKey again' });
  }

  private configuredPassword?: string;

  /**
   * Security profile 3 for new connections of a profile 2 endpoint (TC_083: the charger upgrades):
   * client certificates are asked for and checked, and no password is expected.
   */
  upgradeToProfile3(clientCa: string): void {
    const security = this.opts.security;
    const tls = security?.tls;
    if (!security || !tls) throw new Error('upgradeToProfile3 needs a wss:// endpoint (security profile 2)');
    tls.ca = clientCa;
    security.profile = 3;
    delete security.basicAuthPassword;
    tls.requireClientCertificate = true;
    const server = this.http as unknown as import('node:tls').Server & { requestCert?: boolean };
    server.requestCert = true; // read per connection by Node's TLS server
    server.setSecureContext(this.secureContextOptions(tls));
    this.hub.record({ kind: 'note', text: 'the CSMS runs security profile 3 for new connections (client certificates)' });
  }

  /** wss://: TLS 1.2+, only the whitepaper's suites; at profile 3 the client certificate is judged here. */
  private createTlsServer(tls: NonNullable<ServerSecurity['tls']>, handler: Parameters<typeof createServer>[1]): Server {
    const server = createHttpsServer(this.secureContextOptions(tls), handler!);
    server.on('secureConnection', (socket: TLSSocket) => {
      socket.on('error', () => undefined);
      const facts = tlsFacts(socket, 'server');
      const remoteAddress = socket.remoteAddress;
      if (tls.requireClientCertificate && facts.chain !== 'ok') {
        // A00.FR.407: no valid client certificate, or an invalid certification path → terminate.
        const code = facts.clientCertificatePresented ? facts.chain ?? 'CLIENT_CERT_NOT_VERIFIED' : 'NO_CLIENT_CERTIFICATE';
        const message = facts.clientCertificatePresented
          ? `client certificate refused: its chain does not verify against the configured CA (${code})`
          : 'no client certificate presented (security profile 3 needs one, A00.FR.401/402)';
        this.hub.record({ kind: 'tls', outcome: 'refused', facts, remoteAddress, error: { code, message } });
        socket.destroy();
        return;
      }
      this.tlsBySocket.set(socket, facts);
      this.hub.record({ kind: 'tls', outcome: 'established', facts, remoteAddress });
    });
    server.on('tlsClientError', (err: Error & { code?: string }, socket: TLSSocket) => {
      const facts: TlsFacts = { harnessSide: 'server' };
      const servername = (socket as TLSSocket & { servername?: string | false }).servername;
      if (typeof servername === 'string' && servername) facts.servername = servername;
      this.hub.record({
        kind: 'tls', outcome: 'failed', facts, remoteAddress: socket.remoteAddress,
        error: { ...(err.code ? { code: err.code } : {}), message: tlsErrorText(err.message) },
      });
    });
    return server as unknown as Server;
  }

  listen(): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.opts.port, this.opts.host, () => {
        this.http.off('error', reject);
        const address = this.http.address();
        const port = typeof address === 'object' && address ? address.port : this.opts.port;
        resolve({ host: this.opts.host, port });
      });
    });
  }

  /** Refuse every upgrade with `status` (e.g. 503) until accept() — an unreachable CSMS, on purpose. */
  refuse(status = 503): void {
    this.refusing = status;
  }

  accept(): void {
    this.refusing = undefined;
    this.disagreeing = 0;
  }

  /**
   * Answer the next `count` upgrades as a CSMS that supports none of the offered subprotocols: the
   * handshake completes without Sec-WebSocket-Protocol (the role then closes it, OCPP-J 1.6 §3.2).
   */
  disagreeOnSubprotocol(count = 1): void {
    this.disagreeing = count;
  }

  onConnection(listener: ConnectionListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => {
      this.http.closeAllConnections?.();
      this.http.close(() => resolve());
    });
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => undefined); // a reset during the handshake must not crash us
    this.handshakeDone(socket);
    const path = (req.url ?? '/').split('?')[0];
    const lastSegment = path.split('/').filter(Boolean).pop() ?? '';
    let identity = lastSegment;
    try {
      identity = decodeURIComponent(lastSegment);
    } catch {
      // keep the raw segment; the identity is then reported as received
    }
    if (this.refusing !== undefined) {
      this.hub.record({ kind: 'ws-error', status: this.refusing, message: `upgrade for ${JSON.stringify(path)} refused on purpose: the harness CSMS is offline` });
      socket.end(`HTTP/1.1 ${this.refusing} Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    if (identity && this.opts.identity && identity !== this.opts.identity) {
      // Another charger, not the system under test: shown, never judged as the SUT's.
      this.hub.record({ kind: 'note', text: `refused (HTTP 404) an upgrade for ${JSON.stringify(path)}: identity ${JSON.stringify(identity)} is not the charge point under test (${JSON.stringify(this.opts.identity)})` });
      this.opts.onStranger?.(identity);
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    if (!identity) {
      this.hub.record({
        kind: 'ws-error', status: 404,
        message: `upgrade for ${JSON.stringify(path)} refused: no identity in the path`,
      });
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const open = this.openPerIdentity.get(identity) ?? 0;
    if (open >= this.limits.connectionsPerIdentity) {
      this.hub.record({ kind: 'ws-error', status: 503, message: `upgrade for ${JSON.stringify(path)} refused: ${open} connections of ${JSON.stringify(identity)} are open (limits.connectionsPerIdentity = ${this.limits.connectionsPerIdentity})` });
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const security = this.opts.security;
    if (security && !this.admit(req, socket, identity, security)) return;
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',').map((s) => s.trim()).filter(Boolean);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.sockets.add(ws);
      this.openPerIdentity.set(identity, (this.openPerIdentity.get(identity) ?? 0) + 1);
      ws.on('close', () => {
        this.sockets.delete(ws);
        const left = (this.openPerIdentity.get(identity) ?? 1) - 1;
        if (left > 0) this.openPerIdentity.set(identity, left);
        else this.openPerIdentity.delete(identity);
      });
      const channel = new FrameChannel(ws, this.hub, {
        url: req.url ?? '/',
        identity,
        offeredProtocols: offered,
        chosenProtocol: ws.protocol || null,
        authorization: req.headers.authorization,
        remoteAddress: req.socket.remoteAddress,
        secure: 'encrypted' in req.socket && Boolean((req.socket as { encrypted?: boolean }).encrypted),
        basicAuthExpected: this.opts.basicAuthExpected ?? false,
        ...(security ? { securityProfile: security.profile } : {}),
        ...(this.tlsBySocket.has(req.socket) ? { tls: this.tlsBySocket.get(req.socket)! } : {}),
      }, this.limits);
      for (const listener of this.listeners) listener(channel);
    });
  }

  /**
   * Profile 3: the client certificate must name this charge point (CN, A00.FR.405) and, when a CPO
   * name is configured, its organisation (O, A00.FR.404). Profiles 1 and 2: Basic auth, else 401.
   * Refusals are recorded with their reason (never the password) and answered before the upgrade.
   */
  private admit(req: IncomingMessage, socket: Duplex, identity: string, security: ServerSecurity): boolean {
    const refuse = (status: 401 | 403, code: string, message: string, extraHeaders = '') => {
      this.hub.record({ kind: 'ws-error', status, code, message });
      const text = status === 401 ? 'Unauthorized' : 'Forbidden';
      socket.end(`HTTP/1.1 ${status} ${text}\r\n${extraHeaders}Connection: close\r\nContent-Length: 0\r\n\r\n`);
      return false;
    };
    if (security.profile === 3) {
      const subject = (req.socket as TLSSocket).getPeerCertificate?.()?.subject as Record<string, string | string[]> | undefined;
      const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
      const fields = { CN: first(subject?.CN), O: first(subject?.O) };
      if (fields.CN !== identity) {
        return refuse(403, 'CLIENT_CERT_WRONG_IDENTITY', `client certificate CN ${JSON.stringify(fields.CN ?? '')} is not the charge point ${JSON.stringify(identity)} of the URL (A00.FR.405)`);
      }
      if (security.tls?.cpoName !== undefined && fields.O !== security.tls.cpoName) {
        return refuse(403, 'CLIENT_CERT_WRONG_ORGANIZATION', `client certificate O ${JSON.stringify(fields.O ?? '')} is not the CPO ${JSON.stringify(security.tls.cpoName)} (A00.FR.404)`);
      }
    }
    if (security.basicAuthPassword !== undefined) {
      const verdict = checkBasicAuth(req.headers.authorization, identity, security.basicAuthPassword);
      if (!verdict.ok) return refuse(401, verdict.code, `HTTP Basic authentication failed: ${verdict.reason}`, 'WWW-Authenticate: Basic realm="OCPP", charset="UTF-8"\r\n');
    }
    return true;
  }
}

