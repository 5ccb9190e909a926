// The harness as charge point, watching only the WebSocket handshake: it offers the subprotocols it is
// told to, records the CSMS's HTTP answer and, after a 101, whether the CSMS closes the connection by
// itself (OCPP-J 1.6 §3.2: a CSMS that agrees on none of the offered subprotocols completes the
// handshake without Sec-WebSocket-Protocol and then closes at once). The ws client cannot be used for
// this: it aborts a handshake whose answer lacks the subprotocol before the CSMS could close it.
import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import type { TraceHub } from '../trace/recorder.js';
import { endpointUrl } from './client.js';

export interface ProbeOptions {
  url: string;
  identity: string;
  subprotocols: string[];
  password?: string;
  /** Give up waiting for the HTTP answer after this long. */
  timeoutMs: number;
  /** After a 101, how long the CSMS has to close the connection by itself. */
  closeWithinMs: number;
  /** Profile 3: the client certificate to present (the probe watches the handshake; it does not judge TLS). */
  tls?: { cert?: string; key?: string };
}

export interface ProbeOutcome {
  /** HTTP status of the answer; 0 when none came. */
  status: number;
  chosenProtocol: string | null;
  /** ms from the 101 until the CSMS closed; null when it did not within closeWithinMs; undefined without a 101. */
  closedByPeerAfterMs?: number | null;
}

export function probeHandshake(hub: Pick<TraceHub, 'record'>, opts: ProbeOptions): Promise<ProbeOutcome> {
  const url = endpointUrl(opts.url, opts.identity);
  const target = new URL(url.replace(/^ws/, 'http'));
  const headers: Record<string, string> = {
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
  };
  if (opts.subprotocols.length) headers['Sec-WebSocket-Protocol'] = opts.subprotocols.join(', ');
  if (opts.password !== undefined) {
    headers.Authorization = `Basic ${Buffer.from(`${opts.identity}:${opts.password}`).toString('base64')}`;
  }
  const record = (outcome: ProbeOutcome) => hub.record({
    kind: 'http-upgrade', url, status: outcome.status, offeredProtocols: opts.subprotocols,
    chosenProtocol: outcome.chosenProtocol,
    ...(outcome.closedByPeerAfterMs !== undefined ? { closedByPeerAfterMs: outcome.closedByPeerAfterMs } : {}),
  });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: ProbeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      record(outcome);
      resolve(outcome);
    };
    const req = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
      headers, rejectUnauthorized: false,
      ...(opts.tls?.cert && opts.tls.key ? { cert: opts.tls.cert, key: opts.tls.key } : {}),
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish({ status: 0, chosenProtocol: null });
    }, opts.timeoutMs);
    req.on('response', (res) => {
      res.resume();
      finish({ status: res.statusCode ?? 0, chosenProtocol: protocolOf(res.headers['sec-websocket-protocol']) });
    });
    req.on('upgrade', (res, socket: Socket, head: Buffer) => {
      clearTimeout(timer);
      const chosenProtocol = protocolOf(res.headers['sec-websocket-protocol']);
      const upgradedAt = performance.now();
      socket.on('error', () => undefined);
      let closeTimer: NodeJS.Timeout | undefined;
      const closed = () => {
        clearTimeout(closeTimer);
        socket.destroy();
        finish({ status: res.statusCode ?? 101, chosenProtocol, closedByPeerAfterMs: performance.now() - upgradedAt });
      };
      // A close frame (opcode 8) or the end of the TCP stream: the CSMS closed. Anything else is ignored.
      const isClose = (chunk: Buffer) => chunk.length > 0 && (chunk[0] & 0x0f) === 0x8;
      socket.on('data', (chunk: Buffer) => {
        if (isClose(chunk)) closed();
      });
      socket.on('end', closed);
      socket.on('close', closed);
      // The close may have come with the 101 itself.
      if (isClose(head)) return closed();
      closeTimer = setTimeout(() => {
        socket.destroy();
        finish({ status: res.statusCode ?? 101, chosenProtocol, closedByPeerAfterMs: null });
      }, opts.closeWithinMs);
    });
    req.on('error', () => finish({ status: 0, chosenProtocol: null }));
    req.end();
  });
}

function protocolOf(header: string | string[] | undefined): string | null {
  return typeof header === 'string' ? header : null;
}
