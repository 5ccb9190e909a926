// The core of the OCPP 2.0.1 reference charging station: the WebSocket connection (ocpp-rpc, subprotocol
// ocpp2.0.1, strict), network connection profiles with their priority and fallback (B09/B10), the
// reconnect back-off (Part 4 §5.3), BootNotification and Heartbeat (B01–B03), the front of every
// inbound CALL (registration rules, payload validation with 2.0.1 codes) and the outbound queue.

import {
  CLOSED,
  RPCClient,
  createRPCError,
  type RpcClientLike,
  type RpcHandlerArgs,
} from '../../../../peers/ocpp-rpc.js';
import { FrameLog, TimerBag, asRecord, errText, int, newMessageId, str } from '../../../../peers/peer-util.js';
import { answerBadMessagesAs201 } from '../csms/rpc201.js';
import type { DeviceModel } from './device-model.js';
import { Outbox, type OutItem } from './outbox.js';
import type { ChargingStation201Quirk } from './quirks.js';
import { checkPayload201, strictValidator201 } from './schemas.js';
import { nowIso, type BootReason, type Payload, type Registration } from './types.js';

export interface Session {
  client: RpcClientLike;
  closed: boolean;
  reconnectDelayMs?: number;
}

export type InboundHandler = (p: Payload, args: RpcHandlerArgs) => unknown;

export interface NetworkProfile {
  ocppCsmsUrl: string;
  securityProfile: number;
  messageTimeout: number;
  raw: Payload;
}

/**
 * How a connection attempt relates to a migration (B10): the first-priority profile after a reboot that
 * moved away from the last successful one is 'migrating'; going back to that one is 'previous'.
 */
export type AttemptKind = 'normal' | 'migrating' | 'previous';

/** Which CSMS root a TLS attempt trusts (M05.FR.14–FR.16). */
export type Trust = 'current' | 'fallback';

/** What the core asks of the station's security module for wss:// attempts (profiles 2 and 3). */
export interface ConnectionSecurity {
  trustFor(kind: AttemptKind, retryWithFallback: boolean): Trust;
  retriesWithFallback(kind: AttemptKind): boolean;
  canUseProfile(securityProfile: number): boolean;
  wsOptions(profile: NetworkProfile, trust: Trust): Record<string, unknown>;
  /** Whether the attempt failed on the CSMS's certificate. */
  certificateFailed(err: unknown): boolean;
  connected(profile: NetworkProfile, trust: Trust): void;
}

export interface CoreOptions {
  identity: string;
  vendor: string;
  model: string;
  password?: string;
  quirks: ReadonlySet<ChargingStation201Quirk>;
  log: (line: string) => void;
  reconnectDelayMs: number;
  defaultBootRetryS: number;
  resumeDelayMs: number;
  rebootMs: number;
}

export interface CoreHooks {
  /** The boot was Accepted (first time since the station (re)booted). */
  bootAccepted: Array<() => void>;
  /** Back online without a reboot, after `offlineMs` without a connection. */
  resumed: Array<(offlineMs: number) => void>;
  /** The connection went. */
  disconnected: Array<() => void>;
}

export class StationCore {
  readonly identity: string;
  readonly quirks: ReadonlySet<ChargingStation201Quirk>;
  readonly timers = new TimerBag();
  readonly frameLog = new FrameLog();
  readonly outbox: Outbox;
  readonly hooks: CoreHooks = { bootAccepted: [], resumed: [], disconnected: [] };
  /** Network connection profiles by configuration slot. */
  readonly profiles = new Map<number, NetworkProfile>();
  /** TLS (profiles 2 and 3): set by the security module. */
  security?: ConnectionSecurity;

  stopped = true;
  registration: Registration = 'none';
  networkUp = true;
  powered = true;

  private session?: Session;
  private needsBoot = true;
  private bootReason: BootReason = 'PowerUp';
  private failures = 0;
  /** Index into NetworkConfigurationPriority of the profile in use, and failed attempts on it. */
  private profileIndex = 0;
  private failuresOnProfile = 0;
  /** NetworkConfigurationPriority as it was at the last boot (a new value takes effect after a reboot). */
  private priority: number[] = [1];
  /** The slot of the last successful connection, and — while a reboot moved the first priority away from it — that slot (B10). */
  private lastConnectedSlot?: number;
  private migratingFrom?: number;
  /** M05.FR.14: the next attempt verifies the CSMS with the old (fallback) root. */
  private retryWithFallbackRoot = false;
  private offlineSince?: number;
  private reconnectTimer?: NodeJS.Timeout;
  private bootRetryTimer?: NodeJS.Timeout;
  private heartbeatTimer?: NodeJS.Timeout;
  private readonly handlers = new Map<string, InboundHandler>();

  constructor(private readonly opts: CoreOptions, readonly dm: DeviceModel, url: string, securityProfile = opts.password ? 1 : 0) {
    this.identity = opts.identity;
    this.quirks = opts.quirks;
    this.profiles.set(1, { ocppCsmsUrl: url, securityProfile, messageTimeout: dm.int('OCPPCommCtrlr', 'MessageTimeout', 'Default'), raw: {} });
    this.outbox = new Outbox(
      {
        canSend: (item) => this.canSend(item),
        send: (item) => this.sendItem(item),
        connectionToken: () => this.session,
        connected: () => !!this.session && !this.session.closed,
        attempts: () => this.dm.int('OCPPCommCtrlr', 'MessageAttempts', 'TransactionEvent'),
        retryIntervalS: () => this.dm.int('OCPPCommCtrlr', 'MessageAttemptInterval', 'TransactionEvent'),
        retries: !this.quirks.has('no-transaction-event-retry'),
        log: (l) => this.log(l),
        isStopped: () => this.stopped,
      },
      this.timers,
    );
    dm.onChange((def) => {
      if (def.name === 'OCPPCommCtrlr' && def.variable === 'HeartbeatInterval' && this.isOnline()) this.restartHeartbeat();
    });
  }

  log(line: string): void {
    this.opts.log(`[cs201 ${this.identity}] ${line}`);
  }

  bg(label: string, p: Promise<unknown>): void {
    p.catch((err: unknown) => this.log(`${label} failed: ${errText(err)}`));
  }

  /** Run fn after the current handler has answered (what a request causes follows its CALLRESULT). */
  later(fn: () => unknown, ms = 0): void {
    this.timers.after(ms, () => {
      const r = fn();
      if (r instanceof Promise) this.bg('deferred step', r);
    });
  }

  handle(action: string, fn: InboundHandler): void {
    this.handlers.set(action, fn);
  }

  isOnline(): boolean {
    return !!this.session && !this.session.closed && this.registration === 'Accepted';
  }

  get connected(): boolean {
    return !!this.session && !this.session.closed && this.session.client.state === 1;
  }

  private canSend(item: OutItem): boolean {
    if (!this.session || this.session.closed) return false;
    if (this.registration === 'Accepted') return true;
    return this.registration === 'Pending' && !!item.whilePending;
  }

  /** The slot whose profile the station uses now. */
  get activeSlot(): number {
    return this.priority[this.profileIndex % this.priority.length] ?? 1;
  }

  // ---------------------------------------------------------------- lifecycle

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.needsBoot = true;
    this.bootReason = 'PowerUp';
    this.takePriority();
    await this.connect();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.timers.clearAll();
    this.registration = 'none';
    const s = this.session;
    this.session = undefined;
    if (s && !s.closed) {
      s.closed = true;
      await closeClient(s.client);
    }
    this.outbox.dropTransient();
  }

  /** Reboot: close the connection, come back after rebootMs with a BootNotification giving `reason`. */
  async reboot(reason: BootReason): Promise<void> {
    this.needsBoot = true;
    this.bootReason = reason;
    this.registration = 'none';
    this.stopHeartbeat();
    this.timers.cancel(this.bootRetryTimer);
    this.outbox.dropTransient();
    this.takePriority();
    const s = this.session;
    if (s && !s.closed) {
      s.reconnectDelayMs = this.opts.rebootMs;
      await closeClient(s.client);
    } else {
      this.scheduleReconnect(this.opts.rebootMs);
    }
  }

  /** The network goes: the connection drops without a closing handshake and stays down. */
  networkDown(): void {
    this.networkUp = false;
    this.timers.cancel(this.reconnectTimer);
    this.dropNow();
  }

  /** Drop the connection at once: nothing more goes out on it, even before its close event. */
  private dropNow(): void {
    const s = this.session;
    if (!s || s.closed) return;
    s.closed = true;
    this.offlineSince ??= Date.now();
    void s.client.close({ force: true }).catch(() => undefined);
  }

  networkUpAgain(): void {
    if (this.networkUp) return;
    this.networkUp = true;
    this.failures = 0;
    if (!this.session && this.powered) this.scheduleReconnect(0);
  }

  powerDown(): void {
    this.powered = false;
    this.needsBoot = true;
    this.bootReason = 'PowerUp';
    this.registration = 'none';
    this.stopHeartbeat();
    this.timers.cancel(this.bootRetryTimer);
    this.timers.cancel(this.reconnectTimer);
    this.outbox.dropTransient();
    this.dropNow();
  }

  powerUp(): void {
    this.powered = true;
    this.failures = 0;
    this.takePriority();
    if (!this.session) this.scheduleReconnect(0);
  }

  /** A (re)boot reads NetworkConfigurationPriority afresh and starts at its first slot (B10). */
  private takePriority(): void {
    const slots = this.dm.list('OCPPCommCtrlr', 'NetworkConfigurationPriority').map(Number).filter((n) => this.profiles.has(n));
    this.priority = slots.length > 0 ? slots : [1];
    this.profileIndex = 0;
    this.failuresOnProfile = 0;
    this.retryWithFallbackRoot = false;
    this.migratingFrom = this.lastConnectedSlot !== undefined && this.priority[0] !== this.lastConnectedSlot && this.priority.includes(this.lastConnectedSlot)
      ? this.lastConnectedSlot : undefined;
  }

  private attemptKind(slot: number): AttemptKind {
    if (this.migratingFrom === undefined) return 'normal';
    return slot === this.migratingFrom ? 'previous' : 'migrating';
  }

  // ---------------------------------------------------------------- connection

  private async connect(): Promise<void> {
    this.reconnectTimer = undefined;
    if (this.stopped || !this.networkUp || !this.powered) return;
    const slot = this.activeSlot;
    const profile = this.profiles.get(slot) ?? this.profiles.get(1)!;
    const kind = this.attemptKind(slot);
    const trust = this.security?.trustFor(kind, this.retryWithFallbackRoot) ?? 'current';
    this.retryWithFallbackRoot = false;
    const secure = profile.securityProfile >= 2;
    if (secure && !this.security?.canUseProfile(profile.securityProfile)) {
      this.log(`slot ${slot} needs security profile ${profile.securityProfile}, which this station cannot use (no CSMS root or client certificate)`);
    }
    const client = new RPCClient({
      endpoint: profile.ocppCsmsUrl.replace(/\/+$/, ''),
      identity: this.identity,
      protocols: ['ocpp2.0.1'],
      strictMode: true,
      strictModeValidators: [strictValidator201],
      // Profiles 1 and 2 send Basic auth; profile 3 authenticates with its client certificate.
      password: profile.securityProfile === 1 || profile.securityProfile === 2 ? this.password() : undefined,
      ...(secure && this.security ? { wsOpts: this.security.wsOptions(profile, trust) } : {}),
      callConcurrency: 1,
      callTimeoutMs: this.dm.int('OCPPCommCtrlr', 'MessageTimeout', 'Default') * 1000,
      pingIntervalMs: this.dm.int('OCPPCommCtrlr', 'WebSocketPingInterval') * 1000,
      reconnect: false,
      respondWithDetailedErrors: false,
    });
    const session: Session = { client, closed: false };
    this.session = session;
    client.on('message', (ev) => this.frameLog.record(this.identity, ev.outbound, ev.message));
    client.on('badMessage', (ev) => this.log(`bad message from the CSMS: ${ev.error.message}`));
    // The same Part 4 rule as the reference CSMS (an unknown message type answered with its readable id);
    // it only uses the client's 'badMessage' event and sendRaw, which a client connection has as well.
    answerBadMessagesAs201(client as unknown as Parameters<typeof answerBadMessagesAs201>[0], (text) => this.log(text));
    client.on('strictValidationFailure', (ev) => this.log(`strict validation failed (${ev.outbound ? 'ours' : 'theirs'}) for ${ev.method}: ${ev.error.message}`));
    client.on('socketError', (err) => this.log(`socket error: ${err.message}`));
    this.attachHandlers(session);
    try {
      await client.connect();
    } catch (err) {
      session.closed = true;
      if (this.session === session) this.session = undefined;
      if (this.stopped || !this.networkUp || !this.powered) return;
      if (secure && this.security?.certificateFailed(err) && trust === 'current' && this.security.retriesWithFallback(kind)) {
        // M05.FR.14: reconnecting (not migrating) and the new root does not verify the CSMS: try the old one.
        this.log(`the CSMS certificate does not verify with the new CSMS root (${errText(err)}); retrying with the fallback root`);
        this.retryWithFallbackRoot = true;
        this.scheduleReconnect(0);
        return;
      }
      this.failures++;
      this.failuresOnProfile++;
      if (this.failuresOnProfile >= Math.max(1, this.dm.int('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts')) && this.priority.length > 1) {
        this.profileIndex = (this.profileIndex + 1) % this.priority.length;
        this.failuresOnProfile = 0;
        this.log(`slot ${slot} failed; falling back to slot ${this.activeSlot}`);
      }
      const delay = this.backOffMs();
      this.log(`connect failed (${errText(err)}); retrying in ${delay} ms`);
      this.scheduleReconnect(delay);
      return;
    }
    if (this.stopped || session.closed || !this.networkUp || !this.powered) {
      if (this.session === session) this.session = undefined;
      session.closed = true;
      void closeClient(client);
      return;
    }
    this.failures = 0;
    this.failuresOnProfile = 0;
    this.lastConnectedSlot = slot;
    this.migratingFrom = undefined;
    if (secure) this.security?.connected(profile, trust);
    this.dm.setInternal('OCPPCommCtrlr', 'ActiveNetworkProfile', String(slot));
    client.on('close', () => this.onSessionClosed(session));
    this.log(`connected to slot ${slot} (subprotocol '${client.protocol ?? ''}')`);
    const offlineMs = this.offlineSince === undefined ? 0 : Date.now() - this.offlineSince;
    this.offlineSince = undefined;
    if (this.needsBoot && !(this.bootReason !== 'PowerUp' && this.quirks.has('reboot-without-boot-notification'))) {
      this.bg('boot', this.boot(session, this.bootReason));
    } else {
      // A reconnection without a reboot: no BootNotification.
      const wasBoot = this.needsBoot;
      this.needsBoot = false;
      this.registration = 'Accepted';
      this.restartHeartbeat();
      if (wasBoot) {
        this.log('quirk reboot-without-boot-notification: no BootNotification');
        for (const h of this.hooks.bootAccepted) h();
        this.outbox.pump();
        return;
      }
      this.outbox.holdFor(this.opts.resumeDelayMs);
      for (const h of this.hooks.resumed) h(offlineMs);
      if (this.quirks.has('offline-queue-newest-first')) this.outbox.reverseTransactionMessages();
    }
  }

  private password(): string | undefined {
    const set = this.dm.find('SecurityCtrlr', 'BasicAuthPassword')?.value;
    const password = set ? set : this.opts.password;
    return password && this.quirks.has('basic-auth-password-base64') ? Buffer.from(password, 'utf8').toString('base64') : password;
  }

  /** Part 4 §5.3: RetryBackOffWaitMinimum, doubled per failed attempt up to RetryBackOffRepeatTimes, plus a random part. */
  private backOffMs(): number {
    if (this.quirks.has('reconnect-without-back-off')) return this.opts.reconnectDelayMs;
    const minimum = Math.max(this.dm.int('OCPPCommCtrlr', 'RetryBackOffWaitMinimum') * 1000, this.opts.reconnectDelayMs);
    const doublings = Math.min(Math.max(0, this.failures - 1), this.dm.int('OCPPCommCtrlr', 'RetryBackOffRepeatTimes'));
    const random = Math.floor(Math.random() * this.dm.int('OCPPCommCtrlr', 'RetryBackOffRandomRange') * 1000);
    return Math.min(minimum * 2 ** doublings + random, 3_600_000);
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
    this.offlineSince ??= Date.now();
    this.registration = 'none';
    this.stopHeartbeat();
    this.timers.cancel(this.bootRetryTimer);
    this.outbox.dropTransient();
    for (const h of this.hooks.disconnected) h();
    if (this.stopped || !this.networkUp || !this.powered) {
      this.log('connection closed; staying offline');
      return;
    }
    const delay = session.reconnectDelayMs ?? this.backOffFirst();
    this.log(`connection closed; reconnecting in ${delay} ms`);
    this.scheduleReconnect(delay);
  }

  private backOffFirst(): number {
    this.failures = 1;
    return this.backOffMs();
  }

  // ---------------------------------------------------------------- outbound

  private async sendItem(item: OutItem): Promise<Payload> {
    const session = this.session;
    if (!session || session.closed) throw new Error(`cannot send ${item.action}: not connected`);
    if (item.raw) {
      session.client.sendRaw(JSON.stringify([2, newMessageId(), item.action, item.payload]));
      return {};
    }
    const problem = checkPayload201(item.action, 'req', item.payload);
    if (problem) throw new Error(`refusing to send an invalid ${item.action}: ${problem.description}`);
    return asRecord(await session.client.call(item.action, item.payload));
  }

  /** Queue a station-initiated CALL. */
  enqueue(action: string, payload: Payload, opts: Parameters<Outbox['enqueue']>[2] = {}): Promise<Payload | undefined> {
    return this.outbox.enqueue(action, payload, opts);
  }

  /** Send now, bypassing the queue (BootNotification; the quirk status-before-boot-accepted). */
  async sendNow(action: string, payload: Payload): Promise<Payload> {
    const session = this.session;
    if (!session || session.closed) throw new Error(`cannot send ${action}: not connected`);
    const problem = checkPayload201(action, 'req', payload);
    if (problem) throw new Error(`refusing to send an invalid ${action}: ${problem.description}`);
    return asRecord(await session.client.call(action, payload));
  }

  // ---------------------------------------------------------------- boot and heartbeat

  /** Send BootNotification on the current connection (also on TriggerMessage while Pending). */
  async boot(session: Session | undefined = this.session, reason: BootReason = this.bootReason): Promise<void> {
    if (!session || session.closed) return;
    this.timers.cancel(this.bootRetryTimer);
    let res: Payload;
    try {
      res = await this.sendNow('BootNotification', {
        reason,
        chargingStation: { model: this.opts.model, vendorName: this.opts.vendor, firmwareVersion: '2.0.1-ref' },
      });
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
      if (interval > 0) this.dm.setInternal('OCPPCommCtrlr', 'HeartbeatInterval', String(interval));
      this.restartHeartbeat();
      this.log(`boot accepted (interval ${interval} s)`);
      if (first) for (const h of this.hooks.bootAccepted) h();
      this.outbox.pump();
      return;
    }
    this.registration = status === 'Pending' ? 'Pending' : 'Rejected';
    this.stopHeartbeat();
    let waitMs = (interval > 0 ? interval : this.opts.defaultBootRetryS) * 1000;
    if (this.quirks.has('boot-retry-too-early')) waitMs = Math.floor(waitMs / 4);
    this.log(`boot ${this.registration}; next BootNotification in ${waitMs} ms`);
    if (this.registration === 'Pending' && this.quirks.has('status-before-boot-accepted')) {
      this.bg('StatusNotification', this.sendNow('StatusNotification', { timestamp: nowIso(), connectorStatus: 'Available', evseId: 1, connectorId: 1 }));
    }
    this.outbox.pump();
    this.scheduleBoot(session, waitMs);
  }

  private scheduleBoot(session: Session, ms: number): void {
    this.timers.cancel(this.bootRetryTimer);
    this.bootRetryTimer = this.timers.after(ms, () => {
      if (!session.closed && this.session === session) this.bg('boot', this.boot(session, this.bootReason));
    });
  }

  restartHeartbeat(): void {
    this.stopHeartbeat();
    const s = this.dm.int('OCPPCommCtrlr', 'HeartbeatInterval');
    if (s <= 0) return;
    this.heartbeatTimer = this.timers.every(s * 1000, () => {
      if (this.isOnline()) void this.enqueue('Heartbeat', {});
    });
  }

  private stopHeartbeat(): void {
    this.timers.cancel(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }

  // ---------------------------------------------------------------- inbound

  private attachHandlers(session: Session): void {
    const client = session.client;
    for (const [action, fn] of this.handlers) client.handle(action, (args) => this.inbound(action, args, fn));
    client.handle(({ method }) => {
      if (this.registration === 'Rejected' && !this.quirks.has('answers-while-rejected')) throw createRPCError('SecurityError', 'the boot was rejected');
      throw createRPCError('NotImplemented', `unknown action ${method}`);
    });
  }

  private inbound(action: string, args: RpcHandlerArgs, fn: InboundHandler): unknown {
    if (this.registration === 'Rejected' && !this.quirks.has('answers-while-rejected')) {
      // B03.FR.08: while Rejected, CSMS requests are answered with SecurityError.
      throw createRPCError('SecurityError', `${action} refused: the boot was rejected`);
    }
    const problem = checkPayload201(action, 'req', args.params);
    if (problem) throw createRPCError(problem.code, problem.description);
    return fn(asRecord(args.params), args);
  }
}

/** Close a client politely, then by force after 1 s. */
async function closeClient(client: RpcClientLike): Promise<void> {
  let t: NodeJS.Timeout | undefined;
  try {
    await Promise.race([client.close({ code: 1000 }), new Promise<void>((resolve) => { t = setTimeout(resolve, 1000); })]);
  } catch {
    // a broken socket may throw; forced below
  } finally {
    if (t) clearTimeout(t);
  }
  if (client.state !== CLOSED) await client.close({ force: true }).catch(() => undefined);
}
