// The built-in reference CSMS for OCPP 2.0.1 (OCPP-J, subprotocol ocpp2.0.1), built on ocpp-rpc's
// RPCServer in strict mode. It answers what a charging station sends (csms/handlers.ts) and sends the
// CSMS-initiated requests it is asked for (csms/requests.ts); each fault (csms/quirks.ts) is one switch
// at the one place where it bites.

import type { AddressInfo } from 'node:net';
import { admit, createCsmsHttpServer, type HttpLikeServer } from '../../../peers/csms-http-server.js';
import type { ServerSecurity } from '../../../security/security-settings.js';
import type { StimulusOutcome } from '../../../sut/control.js';
import { attachHandlers201, type ReceivedReport } from './csms/handlers.js';
import { IdTokenAuthority, type IdTokenLists201 } from './csms/id-tokens.js';
import { csms201QuirkSet, type Csms201Quirk } from './csms/quirks.js';
import { Registrations, type BootStatus201 } from './csms/registration.js';
import { CSMS_201_REQUESTS, prepareRequest } from './csms/requests.js';
import { SUBPROTOCOL_201, answerBadMessagesAs201, checkPayload201, strictValidator201 } from './csms/rpc201.js';
import {
  FrameLog,
  RPCServer,
  TimerBag,
  errText,
  str,
  type FrameListener,
  type FrameRecord,
  type RpcServerClientLike,
  type RpcServerLike,
} from './csms/shared.js';
import { TransactionBook, type KnownTransaction } from './csms/transactions.js';

export { CSMS_201_QUIRKS, CSMS_201_QUIRK_DESCRIPTIONS, type Csms201Quirk } from './csms/quirks.js';
export type { BootStatus201 } from './csms/registration.js';

export interface ReferenceCsms201Options {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** interval of an Accepted BootNotificationResponse (default 2 s). */
  heartbeatIntervalS?: number;
  /** Authorization lists; an idToken on none of them is Unknown. */
  idTokens?: IdTokenLists201;
  /** groupIdToken given with every Accepted idTokenInfo, when set. */
  groupIdToken?: string;
  /** When set, the WebSocket upgrade needs HTTP Basic auth `identity:password` (else 401). */
  password?: string;
  quirks?: Iterable<string>;
  log?: (line: string) => void;
  /** Delay of the `late-response` quirk (default 1500 ms). */
  lateResponseMs?: number;
  /** What the first BootNotification of each station gets (default Accepted); later boots are Accepted. */
  bootStatus?: BootStatus201;
  /** interval of a Pending or Rejected BootNotificationResponse (default: heartbeatIntervalS). */
  retryIntervalS?: number;
  /** The vendorId whose DataTransfer it implements (default `org.ocpp-harness`). */
  knownVendorId?: string;
  /** Timeout of the CALLs it sends (default 30 s). */
  callTimeoutMs?: number;
  /**
   * Security profiles 1–3 (Part 2 A00): Basic auth `identity:password` at 1 and 2, wss:// at 2 and 3 with
   * the given certificates, client certificates (CN = the identity) at 3. Without it: `password` only.
   */
  security?: ServerSecurity;
}

/** Setup actions beside the requests (see `perform`). */
const SETUP_ACTIONS = ['setBootStatus'] as const;
const ACTIONS = new Set<string>([...CSMS_201_REQUESTS, ...SETUP_ACTIONS]);
const BOOT_STATUSES = new Set(['Accepted', 'Pending', 'Rejected']);

export class ReferenceCsms201 {
  private readonly host: string;
  private readonly port: number;
  private heartbeatIntervalS: number;
  private retryIntervalS: number;
  private readonly password?: string;
  private readonly quirks: ReadonlySet<Csms201Quirk>;
  private readonly lateResponseMs: number;
  private readonly logLine: (line: string) => void;
  private readonly callTimeoutMs: number;
  private readonly knownVendorId: string;

  private readonly timers = new TimerBag();
  private readonly frameLog = new FrameLog();
  private readonly clients = new Map<string, RpcServerClientLike>();
  private readonly registrations: Registrations;
  private readonly tokens: IdTokenAuthority;
  private readonly transactionBook = new TransactionBook();
  private readonly receivedReports = new Map<string, Map<number, ReceivedReport>>();
  private nextRequestId = 1;
  private nextRemoteStartId = 1;
  private server?: RpcServerLike;
  private httpServer?: HttpLikeServer;
  private readonly security?: ServerSecurity;

  constructor(options: ReferenceCsms201Options = {}) {
    this.host = options.host ?? '127.0.0.1';
    this.port = options.port ?? 0;
    this.heartbeatIntervalS = options.heartbeatIntervalS ?? 2;
    this.retryIntervalS = options.retryIntervalS ?? this.heartbeatIntervalS;
    this.password = options.password;
    this.quirks = csms201QuirkSet(options.quirks);
    this.lateResponseMs = options.lateResponseMs ?? 1500;
    this.logLine = options.log ?? (() => {});
    this.callTimeoutMs = options.callTimeoutMs ?? 30_000;
    this.knownVendorId = options.knownVendorId ?? 'org.ocpp-harness';
    this.registrations = new Registrations(options.bootStatus ?? 'Accepted');
    this.tokens = new IdTokenAuthority(options.idTokens, options.groupIdToken);
    this.security = options.security;
  }

  // ---------------------------------------------------------------- public API

  /** Start listening; the URL is the base a charging station appends its identity to. */
  async listen(): Promise<{ url: string }> {
    if (this.server) throw new Error('already listening');
    const server = new RPCServer({
      protocols: [SUBPROTOCOL_201],
      strictMode: true,
      strictModeValidators: [strictValidator201],
      callConcurrency: 1,
      callTimeoutMs: this.callTimeoutMs,
      pingIntervalMs: 0,
      respondWithDetailedErrors: false,
    });
    server.on('error', (err) => this.log(`server error: ${err.message}`));
    server.on('upgradeAborted', (ev) => this.log(`upgrade from '${ev.identity}' aborted: ${errText(ev.error)}`));
    server.auth((accept, reject, handshake) => {
      if (this.security && this.security.profile > 0) {
        const admission = admit(this.security, handshake.request, handshake.identity, this.password ?? this.security.basicAuthPassword, this.quirks);
        if (!admission.ok) {
          this.log(`rejecting '${handshake.identity}': ${admission.why}`);
          reject(admission.status, admission.status === 401 ? 'Unauthorized' : 'Forbidden');
          return;
        }
      } else if (this.password !== undefined && handshake.password?.toString('utf8') !== this.password) {
        this.log(`rejecting '${handshake.identity}': bad or missing basic auth`);
        reject(401, 'Unauthorized');
        return;
      }
      if (handshake.protocols.has(SUBPROTOCOL_201)) {
        accept({}, SUBPROTOCOL_201);
        return;
      }
      // Part 4 §3.1: complete the handshake without a subprotocol, then close at once.
      accept({ noSubprotocol: true }, false);
    });
    server.on('client', (client) => this.onClient(client));
    // Our own HTTP(S) server: ocpp-rpc's listen() leaves a listen error (port in use) unhandled.
    const { server: http, upgradeTarget } = createCsmsHttpServer(this.security, this.quirks, (_req, res) => res.writeHead(404).end());
    for (const target of upgradeTarget) target.on('upgrade', server.handleUpgrade);
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(this.port, this.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.httpServer = http;
    const { port } = http.address() as AddressInfo;
    const host = this.host.includes(':') ? `[${this.host}]` : this.host;
    const url = `${this.security?.tls ? 'wss' : 'ws'}://${host}:${port}/ocpp`;
    this.log(`listening on ${url}`);
    return { url };
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.timers.clearAll();
    if (!server) return;
    const clients = [...this.clients.values()];
    this.clients.clear();
    let t: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.allSettled(clients.map((c) => c.close({ code: 1001, reason: 'CSMS closing' }))),
        new Promise<void>((resolve) => {
          t = setTimeout(resolve, 1000);
        }),
      ]);
    } finally {
      if (t) clearTimeout(t);
    }
    await Promise.allSettled(clients.map((c) => c.close({ force: true })));
    await server.close({ force: true });
    const http = this.httpServer;
    this.httpServer = undefined;
    if (http) {
      (http as { closeAllConnections?: () => void }).closeAllConnections?.();
      if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  }

  /** The SUT-control vocabulary: every CSMS-initiated 2.0.1 request by name, and `setBootStatus`. */
  readonly actions: readonly string[] = [...ACTIONS];

  knowsAction(action: string): boolean {
    return ACTIONS.has(action);
  }

  /**
   * Send the OCPP 2.0.1 request `action` to a charging station (params: its payload fields plus
   * `identity`, default the most recently connected station). Resolves done once the CALL is written;
   * the answer is only logged. `setBootStatus {status, interval?}`: what the next BootNotification of
   * `identity` (of every station, without one) gets, once; `interval` is the retry interval it carries.
   */
  async perform(action: string, params: Record<string, unknown>): Promise<StimulusOutcome> {
    if (!this.knowsAction(action)) return { outcome: 'unsupported', detail: `unknown action '${action}'` };
    const { identity: rawIdentity, ocpp: _ocpp, ...asked } = params;
    if (action === 'setBootStatus') return this.setBootStatus(asked, str(rawIdentity));
    const identity = str(rawIdentity) ?? [...this.clients.keys()].pop();
    const client = identity === undefined ? undefined : this.clients.get(identity);
    if (!client || identity === undefined) {
      return { outcome: 'failed', detail: `no charging station connected${identity ? ` as '${identity}'` : ''}` };
    }
    const payload = prepareRequest(action, asked, {
      identity, quirks: this.quirks, tokens: this.tokens, transactions: this.transactionBook,
      nextRequestId: () => this.nextRequestId++, nextRemoteStartId: () => this.nextRemoteStartId++,
    });
    const refused = this.quirks.has('requests-while-pending') ? undefined : this.registrations.whyNotSend(identity, action, payload);
    if (refused) return { outcome: 'failed', detail: refused };
    const problem = checkPayload201(action, 'req', payload);
    if (problem) return { outcome: 'failed', detail: `${action} not sent: ${problem.description}` };
    this.registrations.sent(identity, action, payload);
    return this.callAndReportSent(client, identity, action, payload);
  }

  /** Identities of the charging stations connected now. */
  get connectedIdentities(): string[] {
    return [...this.clients.keys()];
  }

  /** Frames sent and received on all connections (raw text cut to 2000 characters). */
  get frames(): readonly FrameRecord[] {
    return this.frameLog.frames;
  }

  onFrame(listener: FrameListener): () => void {
    return this.frameLog.subscribe(listener);
  }

  /** The transactions stations reported (of `identity`, or of all). */
  transactions(identity?: string): KnownTransaction[] {
    return this.transactionBook.list(identity);
  }

  /** The NotifyReport parts received from `identity`, by requestId. */
  reports(identity: string): ReadonlyMap<number, ReceivedReport> {
    return this.reportsOf(identity);
  }

  /** What the last BootNotification of `identity` was answered (undefined before its first). */
  registrationStatus(identity: string): BootStatus201 | undefined {
    return this.registrations.status(identity);
  }

  // ---------------------------------------------------------------- internals

  private log(line: string): void {
    this.logLine(`[csms201] ${line}`);
  }

  private reportsOf(identity: string): Map<number, ReceivedReport> {
    let m = this.receivedReports.get(identity);
    if (!m) {
      m = new Map();
      this.receivedReports.set(identity, m);
    }
    return m;
  }

  private setBootStatus(asked: Record<string, unknown>, identity: string | undefined): StimulusOutcome {
    const status = str(asked.status);
    if (!status || !BOOT_STATUSES.has(status)) return { outcome: 'failed', detail: `setBootStatus: status must be Accepted, Pending or Rejected, not ${JSON.stringify(asked.status)}` };
    if (asked.interval !== undefined) {
      if (typeof asked.interval !== 'number' || !Number.isInteger(asked.interval) || asked.interval < 0) return { outcome: 'failed', detail: 'setBootStatus: interval must be an integer >= 0' };
      this.retryIntervalS = asked.interval;
    }
    this.registrations.setNextBoot(status as BootStatus201, identity);
    this.log(`next boot of ${identity ?? 'every station'}: ${status}`);
    return { outcome: 'done', detail: `next BootNotification answered ${status}` };
  }

  private callAndReportSent(client: RpcServerClientLike, identity: string, action: string, payload: Record<string, unknown>): Promise<StimulusOutcome> {
    return new Promise((resolve) => {
      let settled = false;
      const listener = (ev: { outbound: boolean; payload: unknown[] }): void => {
        if (ev.outbound && ev.payload[3] === payload) finish({ outcome: 'done', detail: 'sent' });
      };
      const finish = (outcome: StimulusOutcome): void => {
        if (settled) return;
        settled = true;
        client.off('call', listener);
        resolve(outcome);
      };
      client.on('call', listener);
      client.call(action, payload).then(
        (res) => {
          this.log(`${identity}: ${action} answered ${JSON.stringify(res)}`);
          finish({ outcome: 'done', detail: 'sent' });
        },
        (err: unknown) => {
          this.log(`${identity}: ${action} failed: ${errText(err)}`);
          finish({ outcome: 'failed', detail: `${action} could not be sent: ${errText(err)}` });
        },
      );
    });
  }

  private onClient(client: RpcServerClientLike): void {
    const identity = client.identity;
    client.on('message', (ev) => this.frameLog.record(identity, ev.outbound, ev.message));
    client.on('badMessage', (ev) => this.log(`${identity}: bad message: ${ev.error.message}`));
    answerBadMessagesAs201(client, (text) => this.log(`${identity}: ${text}`), this.quirks.has('call-error-id-minus-one'));
    client.on('strictValidationFailure', (ev) =>
      this.log(`${identity}: strict validation failed (${ev.outbound ? 'ours' : 'theirs'}) for ${ev.method}: ${ev.error.message}`),
    );
    if (client.session.noSubprotocol === true) {
      this.log(`${identity}: no common subprotocol; closing`);
      void client.close({ code: 1002, reason: `${SUBPROTOCOL_201} subprotocol required` }).catch(() => undefined);
      return;
    }
    const previous = this.clients.get(identity);
    if (previous && previous !== client) void previous.close({ code: 1001, reason: 'replaced' }).catch(() => undefined);
    // Re-inserted so that the map's last key is always the most recently connected station.
    this.clients.delete(identity);
    this.clients.set(identity, client);
    client.on('close', () => {
      if (this.clients.get(identity) === client) this.clients.delete(identity);
      this.log(`${identity}: disconnected`);
    });
    this.log(`${identity}: connected (subprotocol '${client.protocol ?? ''}')`);
    attachHandlers201(client, {
      quirks: this.quirks,
      registrations: this.registrations,
      tokens: this.tokens,
      transactions: this.transactionBook,
      timers: this.timers,
      heartbeatIntervalS: () => this.heartbeatIntervalS,
      retryIntervalS: () => this.retryIntervalS,
      lateResponseMs: this.lateResponseMs,
      knownVendorId: this.knownVendorId,
      reports: (id) => this.reportsOf(id),
      afterBoot: (c, status) => this.afterBoot(c, status),
      sendRaw: (c, frame) => this.sendRaw(c, frame),
      log: (line) => this.log(line),
    });
  }

  /** The requests-while-pending fault: a request B02.FR.01 does not allow, right after a Pending boot. */
  private afterBoot(client: RpcServerClientLike, status: string): void {
    if (status !== 'Pending' || !this.quirks.has('requests-while-pending')) return;
    const payload = prepareRequest('RequestStartTransaction', {}, {
      identity: client.identity, quirks: this.quirks, tokens: this.tokens, transactions: this.transactionBook,
      nextRequestId: () => this.nextRequestId++, nextRemoteStartId: () => this.nextRemoteStartId++,
    });
    this.log(`quirk requests-while-pending: RequestStartTransaction to Pending '${client.identity}'`);
    void this.callAndReportSent(client, client.identity, 'RequestStartTransaction', payload);
  }

  private sendRaw(client: RpcServerClientLike, frame: unknown[]): void {
    try {
      client.sendRaw(JSON.stringify(frame));
    } catch (err) {
      this.log(`${client.identity}: raw send failed: ${errText(err)}`);
    }
  }
}
