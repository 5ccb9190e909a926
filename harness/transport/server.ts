// The harness as CSMS: an HTTP(S) server that accepts charge point WebSocket upgrades.
// Records the handshake (path, identity, offered and chosen subprotocol, Authorization header).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { TraceHub } from '../trace/recorder.js';
import { FrameChannel } from './frame-channel.js';

export interface ServerOptions {
  host: string;
  port: number;
  /** The subprotocol the harness speaks, e.g. ocpp1.6. */
  subprotocol: string;
  /** Only this identity is accepted (others get 404), when set. */
  identity?: string;
  maxFrameBytes: number;
  /** The harness was configured with a basicAuthPassword (recorded with every connection, for the checks). */
  basicAuthExpected?: boolean;
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

  constructor(private readonly hub: TraceHub, private readonly opts: ServerOptions) {
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
    this.http = createServer((_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' }).end('OCPP-J endpoint: WebSocket upgrade required\n');
    });
    this.http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
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
    if (!identity || (this.opts.identity && identity !== this.opts.identity)) {
      this.hub.record({
        kind: 'ws-error', status: 404,
        message: `upgrade for ${JSON.stringify(path)} refused: ${identity ? `identity ${JSON.stringify(identity)} is not the one under test` : 'no identity in the path'}`,
      });
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',').map((s) => s.trim()).filter(Boolean);
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.sockets.add(ws);
      ws.on('close', () => this.sockets.delete(ws));
      const channel = new FrameChannel(ws, this.hub, {
        url: req.url ?? '/',
        identity,
        offeredProtocols: offered,
        chosenProtocol: ws.protocol || null,
        authorization: req.headers.authorization,
        remoteAddress: req.socket.remoteAddress,
        secure: 'encrypted' in req.socket && Boolean((req.socket as { encrypted?: boolean }).encrypted),
        basicAuthExpected: this.opts.basicAuthExpected ?? false,
      });
      for (const listener of this.listeners) listener(channel);
    });
  }
}
