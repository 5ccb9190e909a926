// A small OCPP 2.0.1 CSMS for the reference charging station's tests: ocpp-rpc on 127.0.0.1, port 0
// (ws://, or wss:// with a given server certificate), answering the station's CALLs with defaults a test
// can override, recording every CALL it gets and the path of every connection.

import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import ocppRpc from 'ocpp-rpc';
import type { RpcServerClientLike, RpcServerLike, RpcServerOptions } from '../../../harness/peers/ocpp-rpc.js';

type Payload = Record<string, unknown>;

export interface ReceivedCall {
  action: string;
  payload: Payload;
  at: number;
}

/** An answer: a payload, or `{ error: code }` for a CALLERROR, or 'silent' to never answer. */
export type Answer = Payload | { error: string } | 'silent';

const RPCServer = (ocppRpc as unknown as { RPCServer: new (o: Partial<RpcServerOptions>) => RpcServerLike }).RPCServer;
const createRPCError = (ocppRpc as unknown as { createRPCError(code: string, msg?: string): Error }).createRPCError;
const NOREPLY = (ocppRpc as unknown as { NOREPLY: symbol }).NOREPLY;

export class TestCsms201 {
  readonly calls: ReceivedCall[] = [];
  readonly connectedAt: number[] = [];
  /** The path (without the identity) of each accepted connection, in order. */
  readonly endpoints: string[] = [];
  readonly refusedAt: number[] = [];
  /** The Basic-auth password of each accepted connection (undefined: none sent). */
  readonly passwords: (string | undefined)[] = [];
  /** Per action: what to answer (first match wins over the default). */
  readonly answers = new Map<string, (p: Payload, n: number) => Answer>();
  bootStatus: 'Accepted' | 'Pending' | 'Rejected' = 'Accepted';
  bootInterval = 300;
  /** Refuse WebSocket upgrades while true. */
  refuse = false;
  acceptedTokens = new Set(['TOKEN-OK']);
  client?: RpcServerClientLike;
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly server: RpcServerLike, readonly url: string, private readonly https?: HttpsServer) {}

  /** With `tls`: a wss:// server presenting that certificate (its chain in `cert`). */
  static async start(opts: { tls?: { key: string; cert: string } } = {}): Promise<TestCsms201> {
    const server = new RPCServer({ protocols: ['ocpp2.0.1'], strictMode: true, respondWithDetailedErrors: false });
    let csms: TestCsms201;
    if (opts.tls) {
      const https = createHttpsServer({ key: opts.tls.key, cert: opts.tls.cert });
      https.on('upgrade', server.handleUpgrade);
      await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
      csms = new TestCsms201(server, `wss://127.0.0.1:${(https.address() as AddressInfo).port}`, https);
    } else {
      const http = await server.listen(0, '127.0.0.1');
      csms = new TestCsms201(server, `ws://127.0.0.1:${(http.address() as AddressInfo).port}`);
    }
    server.auth((accept, reject, handshake) => {
      if (csms.refuse) {
        csms.refusedAt.push(Date.now());
        reject(503, 'not now');
        return;
      }
      csms.endpoints.push(handshake.endpoint);
      csms.passwords.push((handshake as { password?: Buffer }).password?.toString('utf8'));
      accept();
    });
    server.on('client', (client) => csms.attach(client));
    return csms;
  }

  private attach(client: RpcServerClientLike): void {
    this.client = client;
    this.connectedAt.push(Date.now());
    client.handle(({ method, params }) => {
      const payload = (params ?? {}) as Payload;
      this.calls.push({ action: method, payload, at: Date.now() });
      for (const w of [...this.waiters]) w();
      const n = this.calls.filter((c) => c.action === method).length;
      const custom = this.answers.get(method);
      const answer = custom ? custom(payload, n) : this.defaultAnswer(method, payload);
      if (answer === 'silent') return NOREPLY;
      if ('error' in answer && typeof answer.error === 'string') throw createRPCError(answer.error, 'test');
      return answer;
    });
  }

  private defaultAnswer(action: string, p: Payload): Answer {
    const tokenStatus = (t: unknown): string => (this.acceptedTokens.has(String((t as Payload | undefined)?.idToken)) ? 'Accepted' : 'Invalid');
    switch (action) {
      case 'BootNotification':
        return { currentTime: new Date().toISOString(), interval: this.bootInterval, status: this.bootStatus };
      case 'Heartbeat':
        return { currentTime: new Date().toISOString() };
      case 'Authorize':
        return { idTokenInfo: { status: tokenStatus(p.idToken) } };
      case 'TransactionEvent':
        return p.idToken ? { idTokenInfo: { status: tokenStatus(p.idToken) } } : {};
      default:
        return {};
    }
  }

  of(action: string): ReceivedCall[] {
    return this.calls.filter((c) => c.action === action);
  }

  /** The first call of `action` at index ≥ from that matches. */
  waitFor(action: string, match: (p: Payload) => boolean = () => true, timeoutMs = 3000, from = 0): Promise<ReceivedCall> {
    const find = (): ReceivedCall | undefined => this.calls.slice(from).find((c) => c.action === action && match(c.payload));
    const found = find();
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const c = find();
        if (!c) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(c);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${action} (got: ${this.calls.slice(from).map((c) => c.action).join(', ')})`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  /** Send a CSMS-initiated request to the connected station. */
  async call(action: string, payload: Payload): Promise<Payload> {
    if (!this.client) throw new Error('no station connected');
    return (await this.client.call(action, payload)) as Payload;
  }

  async dropClient(): Promise<void> {
    await this.client?.close({ force: true });
  }

  async close(): Promise<void> {
    await this.server.close({ force: true });
    if (this.https) {
      this.https.closeAllConnections();
      await new Promise<void>((resolve) => this.https!.close(() => resolve()));
    }
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
