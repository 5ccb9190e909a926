// The harness as charge point: dials the CSMS, records the upgrade answer and every frame, and at
// security profiles 2 and 3 the TLS handshake with its facts.
import type { ClientRequestArgs } from 'node:http';
import type { Socket } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, type TLSSocket } from 'node:tls';
import { WebSocket } from 'ws';
import type { Limits } from '../config/limits.js';
import { basicAuthHeader } from '../security/basic-auth.js';
import { cipherList, TLS_MIN_VERSION } from '../security/cipher-suites.js';
import type { ClientSecurity } from '../security/security-settings.js';
import { sniFor, tlsErrorText, tlsFacts } from '../security/tls-facts.js';
import type { TraceHub } from '../trace/recorder.js';
import type { DialVerdict, TlsFacts } from '../trace/types.js';
import { FrameChannel } from './frame-channel.js';

export interface DialOptions {
  /** CSMS endpoint; the identity is appended as the last path segment. */
  url: string;
  identity: string;
  subprotocols: string[];
  /** HTTP Basic-auth password (security profile 1). */
  password?: string;
  /** Ends the dial at once (Ctrl-C): the attempt is torn down, not left to time out. */
  signal?: AbortSignal;
  timeoutMs: number;
  maxFrameBytes: number;
  /** How frames over limits.frameBytes are read (defaults: DEFAULT_LIMITS). */
  limits?: Pick<Limits, 'frameBytes' | 'truncatedFrameChars'>;
  /** Profile 2/3 (with a wss:// URL): what to trust and which client certificate to present. */
  tls?: ClientSecurity['tls'];
  /** Recorded with the connection when set. */
  securityProfile?: number;
  /** What the CSMS must do with this dial (recorded with its outcome, judged as security.refusal). */
  dialVerdict?: DialVerdict;
}

export class DialError extends Error {
  override name = 'DialError';
  constructor(message: string, readonly kind: 'refused' | 'handshake' | 'timeout' | 'http' | 'tls', readonly status?: number, readonly code?: string) {
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
    headers.authorization = basicAuthHeader(opts.identity, opts.password);
  }
  const secure = opts.tls !== undefined && url.startsWith('wss:');
  let tls: TlsFacts | undefined;
  const createConnection = secure
    ? verifiedTlsConnection(hub, opts.tls!, opts.timeoutMs, (facts) => { tls = facts; })
    : undefined;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, opts.subprotocols, {
      headers, maxPayload: opts.maxFrameBytes, handshakeTimeout: opts.timeoutMs,
      // Node's http client takes a createConnection that answers through a callback; ws types only the sync form.
      ...(createConnection ? { createConnection: createConnection as unknown as typeof import('node:net').createConnection } : {}),
    });
    let settled = false;
    // ws's handshakeTimeout counts idle time only: a peer trickling a byte every 2 s held a 3 s dial for
    // 153 s. This deadline is wall-clock time from the start of the dial.
    const deadline = setTimeout(() => fail(new DialError(`no WebSocket handshake within ${opts.timeoutMs} ms`, 'timeout')), opts.timeoutMs);
    const onAbort = () => {
      if (settled) return;
      settled = true;
      cleanup();
      hub.record({ kind: 'ws-error', message: 'dial aborted' });
      ws.terminate();
      reject(opts.signal!.reason ?? new Error('dial aborted'));
    };
    const cleanup = () => {
      clearTimeout(deadline);
      opts.signal?.removeEventListener('abort', onAbort);
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const fail = (err: DialError) => {
      if (settled) return;
      settled = true;
      cleanup();
      hub.record({ kind: 'ws-error', message: err.message, ...(err.status ? { status: err.status } : {}), ...(opts.dialVerdict ? { dialVerdict: opts.dialVerdict } : {}) });
      ws.terminate();
      reject(err);
    };
    ws.on('upgrade', (res) => {
      const chosen = res.headers['sec-websocket-protocol'];
      hub.record({
        kind: 'http-upgrade', url, status: res.statusCode ?? 0,
        offeredProtocols: opts.subprotocols, chosenProtocol: typeof chosen === 'string' ? chosen : null,
        ...(opts.dialVerdict ? { dialVerdict: opts.dialVerdict } : {}),
      });
    });
    ws.on('unexpected-response', (_req, res) => {
      hub.record({
        kind: 'http-upgrade', url, status: res.statusCode ?? 0,
        offeredProtocols: opts.subprotocols, chosenProtocol: null,
        ...(opts.dialVerdict ? { dialVerdict: opts.dialVerdict } : {}),
      });
      res.resume();
      fail(new DialError(`the CSMS answered the WebSocket upgrade with HTTP ${res.statusCode}`, 'http', res.statusCode));
    });
    ws.once('open', () => {
      if (settled) return;
      settled = true;
      cleanup();
      ws.removeAllListeners('error');
      resolve(new FrameChannel(ws, hub, {
        url, identity: opts.identity, offeredProtocols: opts.subprotocols,
        chosenProtocol: ws.protocol || null,
        ...(headers.authorization ? { authorization: headers.authorization } : {}),
        ...(opts.securityProfile !== undefined ? { securityProfile: opts.securityProfile } : {}),
        ...(tls ? { tls } : {}),
      }, opts.limits));
    });
    ws.on('error', (err: Error & { code?: string }) => {
      const message = err.message || String(err);
      if (err instanceof TlsRefusal) return fail(new DialError(`TLS with ${url} failed: ${message}`, 'tls', undefined, err.code));
      if (/subprotocol/i.test(message)) fail(new DialError(`WebSocket handshake failed: ${message}`, 'handshake'));
      else if (/timed out|timeout/i.test(message)) fail(new DialError(`no WebSocket handshake within ${opts.timeoutMs} ms`, 'timeout'));
      else fail(new DialError(`cannot connect to ${url}: ${message}`, 'refused'));
    });
  });
}

/** A TLS handshake the harness refused or that failed; its facts are already in the trace. */
class TlsRefusal extends Error {
  override name = 'TlsRefusal';
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

/**
 * A `createConnection` for ws that hands the socket to the HTTP layer only after the CSMS's certificate
 * was verified (chain against the configured CA, then the host name): no byte of the upgrade request
 * (which carries the Basic password) goes to an unverified server, and the trace gets the peer
 * certificate even when it is refused (Node's own rejectUnauthorized would drop it unseen).
 */
function verifiedTlsConnection(hub: TraceHub, tls: NonNullable<ClientSecurity['tls']>, timeoutMs: number, onEstablished: (facts: TlsFacts) => void) {
  return (options: ClientRequestArgs, done: (err: Error | null, socket?: Socket) => void): undefined => {
    const host = String(options.host ?? options.hostname ?? 'localhost').replace(/^\[|\]$/g, '');
    const servername = sniFor(host);
    const socket: TLSSocket = tlsConnect({
      host, port: Number(options.port ?? 443), ...(servername ? { servername } : {}),
      ca: tls.ca, ...(tls.cert && tls.key ? { cert: tls.cert, key: tls.key } : {}),
      minVersion: TLS_MIN_VERSION, maxVersion: tls.maxVersion, ciphers: cipherList(tls.maxVersion),
      rejectUnauthorized: false,
    });
    let settled = false;
    const settle = (err: TlsRefusal | null, facts: TlsFacts, outcome: 'established' | 'refused' | 'failed') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      hub.record({
        kind: 'tls', outcome, facts, remoteAddress: host,
        ...(err ? { error: { code: err.code, message: err.message } } : {}),
      });
      if (err) {
        socket.destroy();
        done(err);
      } else {
        onEstablished(facts);
        done(null, socket);
      }
    };
    const timer = setTimeout(() => settle(new TlsRefusal(`no TLS handshake within ${timeoutMs} ms`, 'ETIMEDOUT'), { harnessSide: 'client' }, 'failed'), timeoutMs);
    socket.once('secureConnect', () => {
      const facts = tlsFacts(socket, 'client');
      if (servername) facts.servername = servername;
      if (facts.chain !== 'ok') {
        return settle(new TlsRefusal(`the CSMS certificate does not verify against the configured CA (${facts.chain})`, facts.chain ?? 'CERT_NOT_VERIFIED'), facts, 'refused');
      }
      // A00.FR.308/412: the certificate must name the host the charge point dialled.
      const hostError = checkServerIdentity(host, socket.getPeerCertificate()) as (Error & { code?: string }) | undefined;
      facts.hostCheck = hostError ? (hostError.code ?? 'ERR_TLS_CERT_ALTNAME_INVALID') : 'ok';
      if (hostError) return settle(new TlsRefusal(hostError.message, facts.hostCheck), facts, 'refused');
      settle(null, facts, 'established');
    });
    socket.on('error', (err: Error & { code?: string }) => {
      settle(new TlsRefusal(tlsErrorText(err.message), err.code ?? 'TLS_ERROR'), { harnessSide: 'client', ...(servername ? { servername } : {}) }, 'failed');
    });
    return undefined;
  };
}
