// The harness as charge point: dials the CSMS, records the upgrade answer and every frame.
import { WebSocket } from 'ws';
import type { TraceHub } from '../trace/recorder.js';
import { FrameChannel } from './frame-channel.js';

export interface DialOptions {
  /** CSMS endpoint; the identity is appended as the last path segment. */
  url: string;
  identity: string;
  subprotocols: string[];
  /** HTTP Basic-auth password (security profile 1). */
  password?: string;
  timeoutMs: number;
  maxFrameBytes: number;
}

export class DialError extends Error {
  override name = 'DialError';
  constructor(message: string, readonly kind: 'refused' | 'handshake' | 'timeout' | 'http', readonly status?: number) {
    super(message);
  }
}

export function endpointUrl(base: string, identity: string): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(identity)}`;
}

export function dial(hub: TraceHub, opts: DialOptions): Promise<FrameChannel> {
  const url = endpointUrl(opts.url, opts.identity);
  const headers: Record<string, string> = {};
  if (opts.password !== undefined) {
    headers.authorization = `Basic ${Buffer.from(`${opts.identity}:${opts.password}`).toString('base64')}`;
  }
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, opts.subprotocols, {
      headers, maxPayload: opts.maxFrameBytes, handshakeTimeout: opts.timeoutMs,
    });
    let settled = false;
    const fail = (err: DialError) => {
      if (settled) return;
      settled = true;
      hub.record({ kind: 'ws-error', message: err.message, ...(err.status ? { status: err.status } : {}) });
      ws.terminate();
      reject(err);
    };
    ws.on('upgrade', (res) => {
      const chosen = res.headers['sec-websocket-protocol'];
      hub.record({
        kind: 'http-upgrade', url, status: res.statusCode ?? 0,
        offeredProtocols: opts.subprotocols, chosenProtocol: typeof chosen === 'string' ? chosen : null,
      });
    });
    ws.on('unexpected-response', (_req, res) => {
      hub.record({
        kind: 'http-upgrade', url, status: res.statusCode ?? 0,
        offeredProtocols: opts.subprotocols, chosenProtocol: null,
      });
      res.resume();
      fail(new DialError(`the CSMS answered the WebSocket upgrade with HTTP ${res.statusCode}`, 'http', res.statusCode));
    });
    ws.once('open', () => {
      if (settled) return;
      settled = true;
      ws.removeAllListeners('error');
      resolve(new FrameChannel(ws, hub, {
        url, identity: opts.identity, offeredProtocols: opts.subprotocols,
        chosenProtocol: ws.protocol || null,
        ...(headers.authorization ? { authorization: headers.authorization } : {}),
      }));
    });
    ws.on('error', (err: Error & { code?: string }) => {
      const message = err.message || String(err);
      if (/subprotocol/i.test(message)) fail(new DialError(`WebSocket handshake failed: ${message}`, 'handshake'));
      else if (/timed out|timeout/i.test(message)) fail(new DialError(`no WebSocket handshake within ${opts.timeoutMs} ms`, 'timeout'));
      else fail(new DialError(`cannot connect to ${url}: ${message}`, 'refused'));
    });
  });
}
