// The core of the reference charge point: the WebSocket connection (ocpp-rpc), network and power
// state, BootNotification and Heartbeat, the front of every inbound CALL (registration rule, payload
// validation with OCPP 1.6 error codes) and the outbound queue. Feature modules register their
// handlers here and hook into boot and reconnection.

import { checkPayload16 } from '../error-codes.js';
import type { CpQuirk } from '../quirks.js';
import {
  CLOSED,
  NOREPLY,
  RPCClient,
  createRPCError,
  type RpcClientLike,
  type RpcHandlerArgs,
} from '../../../../peers/ocpp-rpc.js';
import { answerBadMessagesAs16, strictValidator16 } from '../rpc16.js';
import { FrameLog, TimerBag, asRecord, errText, int, newMessageId, str } from '../../../../peers/peer-util.js';
import type { ConfigStore } from './config-store.js';
import { Outbox } from './outbox.js';
import { MAX_SECONDS, type Payload, type Registration } from './types.js';

export interface Session {
  client: RpcClientLike;
  closed: boolean;
  /** Delay before the next connection once this one has closed. */
  reconnectDelayMs?: number;
}

export type InboundHandler = (p: Payload, args: RpcHandlerArgs, session: Session) => unknown;

export interface CoreOptions {
  url: string;
  identity: string;
  vendor: string;
  model: string;
  password?: string;
  quirks: ReadonlySet<CpQuirk>;
  log: (line: string) => void;
  reconnectDelayMs: number;
  callTimeoutMs: number;
  defaultBootRetryS: number;
  /** Send BootNotification on every new connection, not only after a (re)boot. */
  bootOnReconnect: boolean;
}

/** Hooks the feature modules give the core. */
export interface CoreHooks {
  /** BootNotification accepted for the first time since (re)boot: report statuses, finish what the boot left. */
  bootAccepted: Array<(session: Session) => void>;
  /** Reconnected after a connection loss without a reboot: catch up. */
  resumed: Array<(session: Session) => void>;
  /** The connection closed (any reason). */
  disconnected: Array<() => void>;
  /** firmwareVersion reported in BootNotification. */
  firmwareVersion: () => string;
  /** A connection attempt failed (e.g. the server certificate did not verify). */
  connectFailed: Array<(err: unknown) => void>;
  /**
   * Security profiles (security.ts): the Basic-auth password and the TLS options of the next
   * connection. Absent: the configured password, plain ws:// or the URL's own TLS defaults.
   */
  connectionSettings?: () => { password?: string; wsOpts?: Record<string, unknown> };
}

export class CpCore {
  readonly identity: string;
  readonly quirks: ReadonlySet<CpQuirk>;
  readonly timers = new TimerBag();
  readonly frameLog = new FrameLog();
  readonly outbox: Outbox;
  readonly hooks: CoreHooks = { bootAccepted: [], resumed: [], disconnected: [], firmwareVersion: () => '0.1.0', connectFailed: [] };
  /** ChangeConfiguration of keys with their own rules: a status, or undefined for the store's rules. */
  readonly changeInterceptors: Array<(key: string, value: string) => string | undefined> = [];
  /** CSMS-initiated actions of profiles this charge point does not implement: CALLERROR NotSupported. */
  readonly unsupported = new Set<string>();

  stopped = true;
  registration: Registration = 'none';
  /** False while `networkDown`. */
  networkUp = true;
  /** False during a power failure. */
  powered = true;

  private session?: Session;
  /** A BootNotification is due on the next connection (after start, reboot, power-up). */
  private needsBoot = true;
  private connectFailures = 0;
  private reconnectTimer?: NodeJS.Timeout;
  private bootRetryTimer?: NodeJS.Timeout;
  private heartbeatTimer?: NodeJS.Timeout;
  private readonly handlers = new Map<string, InboundHandler>();
  /** Ids of CALLs sent raw (outside ocpp-rpc), so their answers are recognised in the log. */
  private readonly rawCallIds = new Set<string>();
  /** Quirk drops-subprotocol-on-retry: the last handshake failed for want of an agreed subprotocol. */
  private offerNoSubprotocol = false;

  constructor(private readonly opts: CoreOptions, readonly config: ConfigStore) {
    this.identity = opts.identity;
    this.quirks = opts.quirks;
    this.outbox = new Outbox(
      {
        canSend: () => this.isOnline(),
        send: (action, payload) => this.send(this.session, action, payload),
        connectionToken: () => this.session,
        attempts: () => this.config.int('TransactionMessageAttempts'),
        retryIntervalS: () => this.config.int('TransactionMessageRetryInterval'),
        log: (l) => this.log(l),
        isStopped: () => this.stopped,
      },
      this.timers,
    );
    config.onChange((key, value) => {
      if (key === 'HeartbeatInterval' && this.isOnline()) this.restartHeartbeat();
      if (key === 'WebSocketPingInterval') this.session?.client.reconfigure({ pingIntervalMs: Number(value) * 1000 });
    });
  }

  log(line: string): void {
    this.opts.log(`[cp ${this.identity}] ${line}`);
  }

  /** Run a promise in the background, logging its failure. */
  bg(label: string, p: Promise<unknown>): void {
    p.catch((err: unknown) => this.log(`${label} failed: ${errText(err)}`));
  }

  /** Run fn after the current handler has answered (status changes follow the CALLRESULT). */
  later(label: string, fn: () => unknown): void {
    this.timers.after(0, () => {
      const r = fn();
      if (r instanceof Promise) this.bg(label, r);
    });
  }

  /** Connected and registered: CALLs may go out. */
  isOnline(): boolean {
    return !!this.session && !this.session.closed && this.registration === 'Accepted';
  }

  get connected(): boolean {
    return !!this.session && !this.session.closed && this.session.client.state === 1;
  }

  get currentSession(): Session | undefined {
    return this.session && !this.session.closed ? this.session : undefined;
  }

  handle(action: string, fn: InboundHandler): void {
    this.handlers.set(action, fn);
  }

  // ---------------------------------------------------------------- lifecycle

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.needsBoot = true;
    if (this.quirks.has('never-connects')) {
      this.log('quirk never-connects: not opening any connection');
      return;
    }
    await this.connect();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.timers.clearAll();
    this.heartbeatTimer = undefined;
    this.bootRetryTimer = undefined;
    this.reconnectTimer = undefined;
    this.registration = 'none';
    const s = this.session;
    this.session = undefined;
    if (s && !s.closed) {
      s.closed = true;
      await this.closeClient(s.client);
    }
    this.outbox.dropTransient();
  }

  /** Close the connection and boot again (reboot, reset, power back). */
  async restart(delayMs = 50): Promise<void> {
    this.needsBoot = true;
    this.registration = 'none';
    this.stopHeartbeat();
    this.timers.cancel(this.bootRetryTimer);
    this.bootRetryTimer = undefined;
    this.outbox.dropTransient();
    const s = this.session;
    if (s && !s.closed) {
      s.reconnectDelayMs = delayMs;
      await this.closeClient(s.client);
    } else {
      this.scheduleReconnect(delayMs);
    }
  }

  /**
   * Close the connection politely and connect again without a reboot (a new AuthorizationKey, a new
   * client certificate or security profile takes effect on the next connection).
   */
  async reconnect(delayMs = 50): Promise<void> {
    const s = this.session;
    if (s && !s.closed) {
      s.reconnectDelayMs = delayMs;
      await this.closeClient(s.client);
    } else {
      this.scheduleReconnect(delayMs);
    }
  }

  /** The network goes down: the connection drops (no closing handshake) and stays down. */
  networkDown(): void {
    this.networkUp = false;
    this.timers.cancel(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const s = this.session;
    if (s && !s.closed) this.dropConnection(s);
  }

  networkUpAgain(): void {
    if (this.networkUp) return;
    this.networkUp = true;
    this.connectFailures = 0;
    if (!this.session && this.powered) this.scheduleReconnect(0);
  }

  /** The power fails: everything volatile goes, the connection drops without a closing handshake. */
  powerDown(): void {
    this.powered = false;
    this.needsBoot = true;
    this.registration = 'none';
    this.stopHeartbeat();
    this.timers.cancel(this.bootRetryTimer);
    this.timers.cancel(this.reconnectTimer);
    this.bootRetryTimer = undefined;
    this.reconnectTimer = undefined;
    this.outbox.dropTransient();
    const s = this.session;
    if (s && !s.closed) this.dropConnection(s);
  }

  powerUp(): void {
    this.powered = true;
    this.connectFailures = 0;
    if (!this.session) this.scheduleReconnect(0);
  }

  // ---------------------------------------------------------------- connection

  private async connect(): Promise<void> {
    this.reconnectTimer = undefined;
    if (this.stopped || !this.networkUp || !this.powered || this.quirks.has('never-connects')) return;
    const noSubprotocol = this.quirks.has('no-subprotocol-offered') || this.offerNoSubprotocol;
    this.offerNoSubprotocol = false;
    const secured = this.hooks.connectionSettings?.();
    const client = new RPCClient({
      endpoint: this.opts.url,
      identity: this.identity,
      // ocpp-rpc refuses strict mode without a subprotocol; our own validation still applies.
      protocols: noSubprotocol ? [] : ['ocpp1.6'],
      strictMode: !noSubprotocol,
      strictModeValidators: [strictValidator16],
      // Quirk basic-auth-unasked: credentials in the clear that no one configured.
      password: secured ? secured.password : this.opts.password ?? (this.quirks.has('basic-auth-unasked') ? 'factory-default-key' : undefined),
      ...(secured?.wsOpts ? { wsOpts: secured.wsOpts } : {}),
      callConcurrency: 1,
      callTimeoutMs: this.opts.callTimeoutMs,
      pingIntervalMs: this.config.int('WebSocketPingInterval') * 1000,
      reconnect: false,
      respondWithDetailedErrors: false,
    });
    const session: Session = { client, closed: false };
    this.session = session;
    client.on('message', (ev) => this.frameLog.record(this.identity, ev.outbound, ev.message));
    client.on('badMessage', (ev) => {
      const id = ev.response?.[1];
      this.log(`bad message from CSMS: ${ev.error.message}${typeof id === 'string' && this.rawCallIds.has(id) ? ' (answer to a raw CALL)' : ''}`);
      if (this.quirks.has('crashes-on-bad-frame')) {
        this.log('quirk crashes-on-bad-frame: the charge point dies');
        // An abrupt end (no close handshake), and stop() keeps it from ever reconnecting.
        (client as unknown as { _ws?: { terminate(): void } })._ws?.terminate();
        void this.stop();
      }
    });
    answerBadMessagesAs16(client, (text) => this.log(text), {
      emptyId: this.quirks.has('call-error-without-id'),
      ignoreCalls: this.quirks.has('ignores-incomplete-call'),
    });
    client.on('strictValidationFailure', (ev) =>
      this.log(`strict validation failed (${ev.outbound ? 'ours' : 'theirs'}) for ${ev.method}: ${ev.error.message}`),
    );
    client.on('socketError', (err) => this.log(`socket error: ${err.message}`));
    this.attachHandlers(session);

    try {
      await client.connect();
    } catch (err) {
      session.closed = true;
      if (this.session === session) this.session = undefined;
      if (this.stopped || !this.networkUp || !this.powered) return;
      for (const h of this.hooks.connectFailed) h(err);
      this.connectFailures++;
      if (this.quirks.has('drops-subprotocol-on-retry') && /no subprotocol/i.test(errText(err))) this.offerNoSubprotocol = true;
      const delay = Math.min(this.opts.reconnectDelayMs * 2 ** (this.connectFailures - 1), 5000);
      this.log(`connect failed (${errText(err)}); retrying in ${delay} ms`);
      this.scheduleReconnect(delay);
      return;
    }
    if (this.stopped || session.closed || !this.networkUp || !this.powered) {
      if (this.session === session) this.session = undefined;
      session.closed = true;
      void this.closeClient(client);
      return;
    }
    this.connectFailures = 0;
    client.on('close', () => this.onSessionClosed(session));
    this.log(`connected (subprotocol '${client.protocol ?? ''}')`);
    if (this.needsBoot || (this.opts.bootOnReconnect && !this.quirks.has('reconnect-without-boot'))) {
      this.bg('boot', this.boot(session));
    } else {
      // A reconnection without a reboot: no BootNotification (§4.2 asks for one after a boot only).
      this.registration = 'Accepted';
      this.restartHeartbeat();
      for (const h of this.hooks.resumed) h(session);
      this.outbox.pump();
    }
  }

  private scheduleReconnect(ms: number): void {
    if (this.stopped || !this.networkUp || !this.powered) return;
    this.timers.cancel(this.reconnectTimer);
    this.reconnectTimer = this.timers.after(ms, () => void this.connect());
  }

  private onSessionClosed(session: Session): void {
    const wasCurrent = this.session === session;
    session.closed = true;
    if (!wasCurrent) return;
    this.session = undefined;
    this.registration = 'none';
    this.stopHeartbeat();
    this.timers.cancel(this.bootRetryTimer);
    this.bootRetryTimer = undefined;
    this.outbox.dropTransient();
    for (const h of this.hooks.disconnected) h();
    if (this.stopped || !this.networkUp || !this.powered) {
      this.log('connection closed; staying offline');
      return;
    }
    const delay = session.reconnectDelayMs ?? this.opts.reconnectDelayMs;
    this.log(`connection closed; reconnecting in ${delay} ms`);
    this.scheduleReconnect(delay);
  }

  /** Close a client: politely, then by force after 1 s. */
  private async closeClient(client: RpcClientLike): Promise<void> {
    let t: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        client.close({ code: 1000 }),
        new Promise<void>((resolve) => {
          t = setTimeout(resolve, 1000);
        }),
      ]);
    } catch {
      // closing a broken socket may throw; forced below
    } finally {
      if (t) clearTimeout(t);
    }
    if (client.state !== CLOSED) await client.close({ force: true }).catch(() => undefined);
  }

  /** Drop the connection without closing handshake; reconnects as usual (unless offline). */
  dropConnection(session: Session): void {
    if (session.closed) return;
    this.log('dropping the connection');
    void session.client.close({ force: true }).catch(() => undefined);
  }

  // ---------------------------------------------------------------- outbound

  /** Send one CALL now and return its result (throws on CALLERROR, timeout, lost connection). */
  async send(session: Session | undefined, action: string, payload: Payload, validate = true): Promise<Payload> {
    if (!session || session.closed) throw new Error(`cannot send ${action}: not connected`);
    if (validate) {
      const problem = checkPayload16(action, 'req', payload);
      if (problem) throw new Error(`refusing to send an invalid ${action}: ${problem.description}`);
    }
    return asRecord(await session.client.call(action, payload));
  }

  /** Queue a charge-point-initiated CALL (see Outbox). */
  enqueue(
    action: string,
    build: () => Payload | undefined,
    opts: { persistent: boolean; onResult?: (res: Payload) => void; key?: string; data?: unknown } = { persistent: false },
  ): Promise<Payload | undefined> {
    if (opts.persistent && !this.isOnline() && this.quirks.has('offline-transaction-messages-dropped')) {
      this.log(`quirk offline-transaction-messages-dropped: ${action} lost`);
      return Promise.resolve(undefined);
    }
    return this.outbox.enqueue(action, build, opts);
  }

  /** Write a CALL outside ocpp-rpc (no queue, no validation); its answer is not awaited. */
  sendRawCall(session: Session, action: string, payload: Payload): void {
    const id = newMessageId();
    this.rawCallIds.add(id);
    this.sendRaw(session, [2, id, action, payload]);
  }

  sendRaw(session: Session, frame: unknown[] | string): void {
    if (session.closed) return;
    try {
      session.client.sendRaw(typeof frame === 'string' ? frame : JSON.stringify(frame));
    } catch (err) {
      this.log(`raw send failed: ${errText(err)}`);
    }
  }

  // ---------------------------------------------------------------- boot and heartbeat

  async boot(session: Session): Promise<void> {
    this.timers.cancel(this.bootRetryTimer);
    this.bootRetryTimer = undefined;
    const payload: Payload = {
      chargePointVendor: this.opts.vendor,
      chargePointModel: this.opts.model,
      firmwareVersion: this.hooks.firmwareVersion(),
    };
    let validate = true;
    if (this.quirks.has('extra-property-in-boot')) {
      payload.firmwareFlavour = 'x';
      validate = false;
    }
    let res: Payload;
    try {
      const answer = this.send(session, 'BootNotification', payload, validate);
      if (this.quirks.has('status-before-boot-answered')) {
        // Written right behind the BootNotification, before its answer can have come (§4.2 forbids it).
        this.sendRawCall(session, 'StatusNotification', { connectorId: 0, errorCode: 'NoError', status: 'Available', timestamp: new Date().toISOString() });
      }
      res = await answer;
    } catch (err) {
      if (session.closed || this.session !== session || this.stopped) return;
      this.log(`BootNotification failed (${errText(err)}); retrying in ${this.opts.defaultBootRetryS} s`);
      this.scheduleBoot(session, this.opts.defaultBootRetryS * 1000);
      return;
    }
    if (session.closed || this.session !== session || this.stopped) return;
    const status = str(res.status);
    const interval = int(res.interval) ?? 0;
    if (status === 'Accepted') {
      const first = this.registration !== 'Accepted';
      this.registration = 'Accepted';
      this.needsBoot = false;
      this.log(`boot accepted (interval ${interval} s)`);
      if (interval > 0 && interval <= MAX_SECONDS) this.config.setInternal('HeartbeatInterval', String(interval));
      this.restartHeartbeat();
      if (first) for (const h of this.hooks.bootAccepted) h(session);
      // Quirk sends-custom-operation: a function OCPP lacks, not wrapped in DataTransfer (§4.3).
      if (first && this.quirks.has('sends-custom-operation')) void this.enqueue('CustomOperation', () => ({ widget: 'frobnicate' }));
      this.outbox.pump();
      return;
    }
    this.registration = status === 'Pending' ? 'Pending' : 'Rejected';
    this.stopHeartbeat();
    let waitMs = (interval > 0 ? Math.min(interval, MAX_SECONDS) : this.opts.defaultBootRetryS) * 1000;
    if (this.quirks.has('boot-retry-too-early')) waitMs = Math.floor(waitMs / 4);
    this.log(`boot ${this.registration}; next BootNotification in ${waitMs} ms`);
    if (this.registration === 'Pending' && this.quirks.has('status-before-boot-accepted')) {
      this.bg('StatusNotification', this.send(session, 'StatusNotification', {
        connectorId: 0, errorCode: 'NoError', status: 'Available', timestamp: new Date().toISOString(),
      }));
    }
    this.scheduleBoot(session, waitMs);
  }

  private scheduleBoot(session: Session, ms: number): void {
    this.timers.cancel(this.bootRetryTimer);
    this.bootRetryTimer = this.timers.after(ms, () => {
      this.bootRetryTimer = undefined;
      if (!session.closed && this.session === session) this.bg('boot', this.boot(session));
    });
  }

  private restartHeartbeat(): void {
    this.stopHeartbeat();
    const s = this.config.int('HeartbeatInterval');
    if (s <= 0) return;
    // Quirk: 0.75 s over the interval — past a 0.5 s tolerance, short of "never".
    const periodMs = s * 1000 + (this.quirks.has('late-heartbeat') ? 750 : 0);
    this.heartbeatTimer = this.timers.every(periodMs, () => {
      if (this.isOnline()) void this.enqueue('Heartbeat', () => ({}));
    });
  }

  private stopHeartbeat(): void {
    this.timers.cancel(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }

  // ---------------------------------------------------------------- inbound CALLs

  private attachHandlers(session: Session): void {
    const client = session.client;
    for (const [action, fn] of this.handlers) {
      client.handle(action, (args) => this.inbound(session, action, args, fn));
    }
    client.handle(({ method }) => {
      if (this.registration === 'Rejected') return NOREPLY;
      if (this.unsupported.has(method)) {
        throw createRPCError('NotSupported', `${method} is not supported by this charge point`);
      }
      if (this.quirks.has('accepts-unknown-action')) return {};
      if (this.quirks.has('not-supported-for-unknown-action')) throw createRPCError('NotSupported', `${method} is not supported`);
      throw createRPCError('NotImplemented', `unknown action ${method}`);
    });
  }

  /** Common front of every handled CALL: registration rule, then payload validation with our error codes. */
  private inbound(session: Session, action: string, args: RpcHandlerArgs, fn: InboundHandler): unknown {
    if (this.registration === 'Rejected') {
      // OCPP 1.6 §4.2: while Rejected, the charge point does not respond to CSMS-initiated messages.
      this.log(`${action} ignored: registration Rejected`);
      return NOREPLY;
    }
    if (this.unsupported.has(action)) {
      throw createRPCError('NotSupported', `${action} is not supported by this charge point`);
    }
    if (!this.quirks.has('lenient-validation')) {
      const problem = checkPayload16(action, 'req', args.params, { doubleR: this.quirks.has('double-r-error-code') });
      if (problem) {
        const id = this.quirks.has('call-error-without-id') ? '' : args.messageId;
        const code = this.quirks.has('type-constraint-for-payload-errors') ? 'TypeConstraintViolation' : problem.code;
        this.sendRaw(session, [4, id, code, problem.description, {}]);
        return NOREPLY;
      }
    }
    return fn(asRecord(args.params), args, session);
  }
}
