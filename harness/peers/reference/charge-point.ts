// The built-in reference charge point for OCPP 1.6J, built on ocpp-rpc (not on the harness's own
// transport/RPC code, so that the harness can be tested against something independent).
// Behaviour follows OCPP 1.6 edition 2 chapters 3–5; each quirk (quirks.ts) is one switch at the
// one place where it bites.

import type { StimulusOutcome } from '../../sut/control.js';
import { checkPayload16 } from './error-codes.js';
import { isCpQuirk, quirkSet, type CpQuirk } from './quirks.js';
import {
  CLOSED,
  NOREPLY,
  RPCClient,
  answerBadMessagesAs16,
  createRPCError,
  isRpcError,
  strictValidator16,
  type RpcClientLike,
  type RpcHandlerArgs,
} from './rpc.js';
import {
  FrameLog,
  TimerBag,
  asRecord,
  errText,
  int,
  newMessageId,
  str,
  type FrameListener,
  type FrameRecord,
} from './util.js';

export type ConnectorStatus =
  | 'Available'
  | 'Preparing'
  | 'Charging'
  | 'SuspendedEV'
  | 'SuspendedEVSE'
  | 'Finishing'
  | 'Reserved'
  | 'Unavailable'
  | 'Faulted';

export type Registration = 'none' | 'Pending' | 'Accepted' | 'Rejected';

export type StopReason =
  | 'Local'
  | 'Remote'
  | 'EVDisconnected'
  | 'HardReset'
  | 'SoftReset'
  | 'Reboot'
  | 'UnlockCommand'
  | 'DeAuthorized'
  | 'Other';

export interface ReferenceChargePointOptions {
  /** CSMS base URL (ws://host:port/path); the identity is appended as the last path segment. */
  url: string;
  identity: string;
  /** Connector ids (default [1]). */
  connectorIds?: number[];
  vendor?: string;
  model?: string;
  /** HTTP Basic-auth password (security profile 1); the user name is the identity. */
  password?: string;
  quirks?: Iterable<CpQuirk>;
  log?: (line: string) => void;
  /** Delay of the `late-response` quirk (default 1500 ms). */
  lateResponseMs?: number;
  /** Delay before reconnecting after the connection dropped (default 200 ms; doubles on failures, max 5 s). */
  reconnectDelayMs?: number;
  /** Timeout for our own CALLs (default 30 s). */
  callTimeoutMs?: number;
  /** Wait before retrying BootNotification when the CSMS gave interval 0 or did not answer (default 5 s). */
  defaultBootRetryS?: number;
  /** Initial values of configuration keys (any known key, read-only ones included). */
  configuration?: Record<string, string>;
}

export interface ConnectorState {
  connectorId: number;
  status: ConnectorStatus;
  plugged: boolean;
  operative: boolean;
  /** idTag authorised and waiting for the cable. */
  pendingIdTag?: string;
  transaction?: { transactionId?: number; idTag: string; meterStart: number; startedAt: string };
  meterWh: number;
}

export interface ChargePointState {
  started: boolean;
  connected: boolean;
  registration: Registration;
  /** Status of connector 0 (the charge point as a whole). */
  chargePointStatus: 'Available' | 'Unavailable';
  connectors: ConnectorState[];
  /** Transaction messages waiting to be delivered. */
  queuedMessages: number;
}

interface Tx {
  idTag: string;
  meterStart: number;
  startedAt: string;
  transactionId?: number;
}

interface Connector {
  id: number;
  status: ConnectorStatus;
  info?: string;
  plugged: boolean;
  operative: boolean;
  scheduledInoperative: boolean;
  /** Authorised (locally or remotely), waiting for the cable. */
  pendingAuth?: { idTag: string; remote: boolean };
  /** An Authorize or remote start is being worked on. */
  busy: boolean;
  connectionTimer?: NodeJS.Timeout;
  meterTimer?: NodeJS.Timeout;
  tx?: Tx;
  energyWh: number;
  chargingSince?: number;
}

interface Session {
  client: RpcClientLike;
  closed: boolean;
  /** Delay before the next connection once this one has closed. */
  reconnectDelayMs?: number;
}

interface OutItem {
  action: string;
  build: () => Record<string, unknown> | undefined;
  /** Transaction-related: kept while offline, retried on failure (OCPP 1.6 §3.7). */
  persistent: boolean;
  attempts: number;
  onResult?: (res: Record<string, unknown>) => void;
  resolve: (res: Record<string, unknown> | undefined) => void;
}

type KeyType = 'int' | 'bool' | 'measurands' | 'phaseRotation' | 'fixed';

interface ConfigEntry {
  value: string;
  readonly: boolean;
  type: KeyType;
}

type Payload = Record<string, unknown>;

const ACTIONS = ['reboot', 'plugIn', 'unplug', 'presentIdTag'] as const;

/** CSMS-initiated 1.6 actions this charge point recognises but does not support (feature profiles it lacks). */
const KNOWN_UNSUPPORTED = new Set([
  'CancelReservation',
  'ClearChargingProfile',
  'GetCompositeSchedule',
  'GetDiagnostics',
  'GetLocalListVersion',
  'ReserveNow',
  'SendLocalList',
  'SetChargingProfile',
  'UpdateFirmware',
]);

const SUPPORTED_MEASURANDS = new Set([
  'Energy.Active.Import.Register',
  'Power.Active.Import',
  'Current.Import',
  'Voltage',
]);

const PHASE_ROTATIONS = new Set(['NotApplicable', 'Unknown', 'RST', 'RTS', 'SRT', 'STR', 'TRS', 'TSR']);

const POWER_W = 11000;
const CURRENT_A = 16;
const VOLTAGE_V = 230;
/** Upper bound for interval keys, so that setTimeout stays in range. */
const MAX_SECONDS = 2_000_000;

export class ReferenceChargePoint {
  readonly identity: string;
  private readonly url: string;
  private readonly vendor: string;
  private readonly model: string;
  private readonly password?: string;
  private readonly quirks: ReadonlySet<CpQuirk>;
  private readonly logLine: (line: string) => void;
  private readonly lateResponseMs: number;
  private readonly reconnectDelayMs: number;
  private readonly callTimeoutMs: number;
  private readonly defaultBootRetryS: number;

  private readonly timers = new TimerBag();
  private readonly frameLog = new FrameLog();
  private readonly connectors = new Map<number, Connector>();
  private readonly config = new Map<string, ConfigEntry>();
  private cp0: { operative: boolean; status: 'Available' | 'Unavailable' } = { operative: true, status: 'Available' };

  private stopped = true;
  private session?: Session;
  private registration: Registration = 'none';
  private connectFailures = 0;
  private reconnectTimer?: NodeJS.Timeout;
  private bootRetryTimer?: NodeJS.Timeout;
  private heartbeatTimer?: NodeJS.Timeout;
  private rebooting = false;
  private readonly outbox: OutItem[] = [];
  private pumping = false;
  /** Ids of CALLs sent raw (outside ocpp-rpc), so their answers are recognised in the log. */
  private readonly rawCallIds = new Set<string>();

  constructor(options: ReferenceChargePointOptions) {
    this.identity = options.identity;
    this.url = options.url.replace(/\/+$/, '');
    this.vendor = options.vendor ?? 'ocpp-harness';
    this.model = options.model ?? 'reference-cp';
    this.password = options.password;
    this.quirks = quirkSet(options.quirks, isCpQuirk, 'charge point');
    this.logLine = options.log ?? (() => {});
    this.lateResponseMs = options.lateResponseMs ?? 1500;
    this.reconnectDelayMs = options.reconnectDelayMs ?? 200;
    this.callTimeoutMs = options.callTimeoutMs ?? 30_000;
    this.defaultBootRetryS = options.defaultBootRetryS ?? 5;

    const ids = options.connectorIds ?? [1];
    if (ids.length === 0) throw new Error('a charge point needs at least one connector');
    for (const id of ids) {
      if (!Number.isInteger(id) || id < 1) throw new Error(`invalid connector id ${id}`);
      if (this.connectors.has(id)) throw new Error(`duplicate connector id ${id}`);
      this.connectors.set(id, {
        id,
        status: 'Available',
        plugged: false,
        operative: true,
        scheduledInoperative: false,
        busy: false,
        energyWh: 1000,
      });
    }
    this.initConfiguration(ids, options.configuration ?? {});
  }

  // ---------------------------------------------------------------- public API

  /** Connect and boot. Resolves after the first connection attempt (connected, or failed and retrying). */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    if (this.quirks.has('never-connects')) {
      this.log('quirk never-connects: not opening any connection');
      return;
    }
    await this.connect();
  }

  /** Close for good: no reconnect, every timer cleared. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.timers.clearAll();
    for (const c of this.connectors.values()) {
      c.connectionTimer = undefined;
      c.meterTimer = undefined;
    }
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
    this.dropTransientOutbox();
  }

  knowsAction(action: string): boolean {
    return (ACTIONS as readonly string[]).includes(action);
  }

  /** The harness's SUT-control vocabulary for a charge point. */
  async perform(action: string, params: Record<string, unknown>): Promise<StimulusOutcome> {
    if (!this.knowsAction(action)) return { outcome: 'unsupported', detail: `unknown action '${action}'` };
    if (this.stopped) return { outcome: 'failed', detail: 'the charge point is not started' };
    if (action === 'reboot') {
      this.bg('reboot', this.reboot('Reboot'));
      return { outcome: 'done', detail: 'rebooting' };
    }
    const c = this.connectorFrom(params.connectorId);
    if (!c) return { outcome: 'failed', detail: `unknown connector ${String(params.connectorId)}` };
    switch (action) {
      case 'plugIn':
        if (c.plugged) return { outcome: 'failed', detail: `connector ${c.id} is already plugged in` };
        this.plugIn(c);
        return { outcome: 'done' };
      case 'unplug':
        if (!c.plugged) return { outcome: 'failed', detail: `connector ${c.id} is not plugged in` };
        this.unplug(c);
        return { outcome: 'done' };
      default: {
        const idTag = str(params.idTag);
        if (!idTag || idTag.length > 20) return { outcome: 'failed', detail: 'presentIdTag needs an idTag of 1 to 20 characters' };
        this.bg('presentIdTag', this.presentIdTag(c, idTag));
        return { outcome: 'done' };
      }
    }
  }

  get state(): ChargePointState {
    return {
      started: !this.stopped,
      connected: !!this.session && !this.session.closed && this.session.client.state === 1,
      registration: this.registration,
      chargePointStatus: this.cp0.status,
      connectors: [...this.connectors.values()].map((c) => ({
        connectorId: c.id,
        status: c.status,
        plugged: c.plugged,
        operative: c.operative,
        pendingIdTag: c.pendingAuth?.idTag,
        transaction: c.tx
          ? { transactionId: c.tx.transactionId, idTag: c.tx.idTag, meterStart: c.tx.meterStart, startedAt: c.tx.startedAt }
          : undefined,
        meterWh: this.meterWh(c),
      })),
      queuedMessages: this.outbox.length,
    };
  }

  /** Current value of a configuration key, or undefined. */
  configurationValue(key: string): string | undefined {
    return this.config.get(key)?.value;
  }

  /** Frames sent and received (raw text cut to 2000 characters). */
  get frames(): readonly FrameRecord[] {
    return this.frameLog.frames;
  }

  onFrame(listener: FrameListener): () => void {
    return this.frameLog.subscribe(listener);
  }

  // ---------------------------------------------------------------- connection

  private log(line: string): void {
    this.logLine(`[cp ${this.identity}] ${line}`);
  }

  private bg(label: string, p: Promise<unknown>): void {
    p.catch((err: unknown) => this.log(`${label} failed: ${errText(err)}`));
  }

  private async connect(): Promise<void> {
    this.reconnectTimer = undefined;
    if (this.stopped || this.quirks.has('never-connects')) return;
    const noSubprotocol = this.quirks.has('no-subprotocol-offered');
    const client = new RPCClient({
      endpoint: this.url,
      identity: this.identity,
      // ocpp-rpc refuses strict mode without a subprotocol; our own validation still applies.
      protocols: noSubprotocol ? [] : ['ocpp1.6'],
      strictMode: !noSubprotocol,
      strictModeValidators: [strictValidator16],
      password: this.password,
      callConcurrency: 1,
      callTimeoutMs: this.callTimeoutMs,
      pingIntervalMs: this.intConfig('WebSocketPingInterval') * 1000,
      reconnect: false,
      respondWithDetailedErrors: false,
    });
    const session: Session = { client, closed: false };
    this.session = session;
    client.on('message', (ev) => this.frameLog.record(this.identity, ev.outbound, ev.message));
    client.on('badMessage', (ev) => {
      const id = ev.response?.[1];
      this.log(`bad message from CSMS: ${ev.error.message}${typeof id === 'string' && this.rawCallIds.has(id) ? ' (answer to a raw CALL)' : ''}`);
    });
    answerBadMessagesAs16(client, (text) => this.log(text));
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
      if (this.stopped) return;
      this.connectFailures++;
      const delay = Math.min(this.reconnectDelayMs * 2 ** (this.connectFailures - 1), 5000);
      this.log(`connect failed (${errText(err)}); retrying in ${delay} ms`);
      this.scheduleReconnect(delay);
      return;
    }
    if (this.stopped || session.closed) {
      void this.closeClient(client);
      return;
    }
    this.connectFailures = 0;
    client.on('close', () => this.onSessionClosed(session));
    this.log(`connected (subprotocol '${client.protocol ?? ''}')`);
    this.bg('boot', this.boot(session));
  }

  private scheduleReconnect(ms: number): void {
    if (this.stopped) return;
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
    this.dropTransientOutbox();
    if (this.stopped) return;
    const delay = session.reconnectDelayMs ?? this.reconnectDelayMs;
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

  /** Drop the connection without closing handshake (used by a quirk); reconnects as usual. */
  private dropConnection(session: Session): void {
    if (session.closed) return;
    this.log('dropping the connection');
    void session.client.close({ force: true }).catch(() => undefined);
  }

  private isOnline(): boolean {
    return !!this.session && !this.session.closed && this.registration === 'Accepted';
  }

  // ---------------------------------------------------------------- outbound

  /** Send one CALL now and return its result (throws on CALLERROR, timeout, lost connection). */
  private async send(session: Session | undefined, action: string, payload: Payload, validate = true): Promise<Payload> {
    if (!session || session.closed) throw new Error(`cannot send ${action}: not connected`);
    if (validate) {
      const problem = checkPayload16(action, 'req', payload);
      if (problem) throw new Error(`refusing to send an invalid ${action}: ${problem.description}`);
    }
    return asRecord(await session.client.call(action, payload));
  }

  /** Write a CALL outside ocpp-rpc (no queue, no validation); its answer is not awaited. */
  private sendRawCall(session: Session, action: string, payload: Payload): void {
    const id = newMessageId();
    this.rawCallIds.add(id);
    this.sendRaw(session, [2, id, action, payload]);
  }

  private sendRaw(session: Session, frame: unknown[] | string): void {
    if (session.closed) return;
    try {
      session.client.sendRaw(typeof frame === 'string' ? frame : JSON.stringify(frame));
    } catch (err) {
      this.log(`raw send failed: ${errText(err)}`);
    }
  }

  /**
   * Queue a CP-initiated message. The outbox is sent in order, one CALL at a time, only while
   * registered (Accepted). Persistent (transaction) messages survive a lost connection and are
   * retried on CALLERROR; the others are dropped.
   */
  private enqueue(
    action: string,
    build: () => Payload | undefined,
    persistent: boolean,
    onResult?: (res: Payload) => void,
  ): Promise<Payload | undefined> {
    return new Promise((resolve) => {
      this.outbox.push({ action, build, persistent, attempts: 0, onResult, resolve });
      void this.pump();
    });
  }

  private removeFromOutbox(item: OutItem): void {
    const i = this.outbox.indexOf(item);
    if (i >= 0) this.outbox.splice(i, 1);
  }

  private dropTransientOutbox(): void {
    for (const item of [...this.outbox]) {
      if (!item.persistent) {
        this.removeFromOutbox(item);
        item.resolve(undefined);
      }
    }
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.outbox.length > 0 && !this.stopped) {
        const session = this.session;
        if (!session || session.closed || this.registration !== 'Accepted') break;
        const item = this.outbox[0]!;
        const payload = item.build();
        if (!payload) {
          this.removeFromOutbox(item);
          item.resolve(undefined);
          continue;
        }
        try {
          const res = await this.send(session, item.action, payload);
          this.removeFromOutbox(item);
          item.onResult?.(res);
          item.resolve(res);
        } catch (err) {
          if (this.stopped || session.closed || this.session !== session) break;
          if (!item.persistent) {
            this.log(`${item.action} failed: ${errText(err)}`);
            this.removeFromOutbox(item);
            item.resolve(undefined);
            continue;
          }
          item.attempts++;
          const max = Math.max(1, this.intConfig('TransactionMessageAttempts'));
          if (item.attempts >= max) {
            this.log(`${item.action} failed ${item.attempts} times (${errText(err)}); giving up`);
            this.removeFromOutbox(item);
            item.resolve(undefined);
            continue;
          }
          const wait = this.intConfig('TransactionMessageRetryInterval') * 1000 * item.attempts;
          this.log(`${item.action} failed (${isRpcError(err) ? err.rpcErrorCode : errText(err)}); retry in ${wait} ms`);
          if (!(await this.timers.sleep(wait))) break;
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  // ---------------------------------------------------------------- boot and heartbeat

  private async boot(session: Session): Promise<void> {
    this.timers.cancel(this.bootRetryTimer);
    this.bootRetryTimer = undefined;
    const payload: Payload = {
      chargePointVendor: this.vendor,
      chargePointModel: this.model,
      firmwareVersion: '0.1.0',
    };
    let validate = true;
    if (this.quirks.has('extra-property-in-boot')) {
      payload.firmwareFlavour = 'x';
      validate = false;
    }
    let res: Payload;
    try {
      res = await this.send(session, 'BootNotification', payload, validate);
    } catch (err) {
      if (session.closed || this.session !== session || this.stopped) return;
      this.log(`BootNotification failed (${errText(err)}); retrying in ${this.defaultBootRetryS} s`);
      this.scheduleBoot(session, this.defaultBootRetryS * 1000);
      return;
    }
    if (session.closed || this.session !== session || this.stopped) return;
    const status = str(res.status);
    const interval = int(res.interval) ?? 0;
    if (status === 'Accepted') {
      const first = this.registration !== 'Accepted';
      this.registration = 'Accepted';
      this.log(`boot accepted (interval ${interval} s)`);
      if (interval > 0 && interval <= MAX_SECONDS) this.setConfigValue('HeartbeatInterval', String(interval));
      this.restartHeartbeat();
      if (first) this.reportAllStatuses(session);
      void this.pump();
      return;
    }
    this.registration = status === 'Pending' ? 'Pending' : 'Rejected';
    this.stopHeartbeat();
    let waitMs = (interval > 0 ? Math.min(interval, MAX_SECONDS) : this.defaultBootRetryS) * 1000;
    if (this.quirks.has('boot-retry-too-early')) waitMs = Math.floor(waitMs / 4);
    this.log(`boot ${this.registration}; next BootNotification in ${waitMs} ms`);
    if (this.registration === 'Pending' && this.quirks.has('status-before-boot-accepted')) {
      this.bg('StatusNotification', this.send(session, 'StatusNotification', this.statusPayload(0)));
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

  /** After a first Accepted: StatusNotification for connector 0 and each connector, before anything queued. */
  private reportAllStatuses(session: Session): void {
    const ids = [0, ...this.connectors.keys()];
    let rest = ids;
    if (this.quirks.has('two-outstanding-calls') && ids.length >= 2) {
      // First through ocpp-rpc (it is written at once: nothing is outstanding), second raw, right behind it.
      this.bg('StatusNotification', this.send(session, 'StatusNotification', this.statusPayload(ids[0]!)));
      this.sendRawCall(session, 'StatusNotification', this.statusPayload(ids[1]!));
      rest = ids.slice(2);
    }
    const items: OutItem[] = rest.map((id) => ({
      action: 'StatusNotification',
      build: () => this.statusPayload(id),
      persistent: false,
      attempts: 0,
      resolve: () => {},
    }));
    this.outbox.unshift(...items);
  }

  private restartHeartbeat(): void {
    this.stopHeartbeat();
    const s = this.intConfig('HeartbeatInterval');
    if (s <= 0) return;
    // Quirk: 0.75 s over the interval — past a 0.5 s tolerance, short of "never".
    const periodMs = s * 1000 + (this.quirks.has('late-heartbeat') ? 750 : 0);
    this.heartbeatTimer = this.timers.every(periodMs, () => {
      if (this.isOnline()) void this.enqueue('Heartbeat', () => ({}), false);
    });
  }

  private stopHeartbeat(): void {
    this.timers.cancel(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
  }

  // ---------------------------------------------------------------- connectors and transactions

  private connectorFrom(v: unknown): Connector | undefined {
    if (v === undefined && this.connectors.size === 1) return [...this.connectors.values()][0];
    const id = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : int(v);
    return id === undefined ? undefined : this.connectors.get(id);
  }

  private statusPayload(id: number): Payload {
    const c = this.connectors.get(id);
    const payload: Payload = {
      connectorId: id,
      errorCode: 'NoError',
      status: c ? c.status : this.cp0.status,
      timestamp: new Date().toISOString(),
    };
    if (c?.info) payload.info = c.info;
    return payload;
  }

  private setStatus(c: Connector, status: ConnectorStatus, info?: string): void {
    if (c.status === status && c.info === info) return;
    c.status = status;
    c.info = info;
    this.log(`connector ${c.id} → ${status}`);
    if (this.isOnline()) void this.enqueue('StatusNotification', () => this.statusPayload(c.id), false);
  }

  private setCp0Status(status: 'Available' | 'Unavailable'): void {
    if (this.cp0.status === status) return;
    this.cp0.status = status;
    if (this.isOnline()) void this.enqueue('StatusNotification', () => this.statusPayload(0), false);
  }

  private isUsable(c: Connector): boolean {
    return c.operative && this.cp0.operative && c.status !== 'Unavailable' && c.status !== 'Faulted';
  }

  private meterWh(c: Connector): number {
    const running = c.chargingSince !== undefined ? ((Date.now() - c.chargingSince) * POWER_W) / 3_600_000 : 0;
    return Math.floor(c.energyWh + running);
  }

  private pauseEnergy(c: Connector): void {
    c.energyWh = this.meterWh(c);
    c.chargingSince = undefined;
  }

  private armConnectionTimeout(c: Connector): void {
    this.timers.cancel(c.connectionTimer);
    const s = this.intConfig('ConnectionTimeOut');
    if (s <= 0) return;
    c.connectionTimer = this.timers.after(s * 1000, () => {
      c.connectionTimer = undefined;
      if (c.pendingAuth && !c.plugged && !c.tx) {
        this.log(`connector ${c.id}: no cable within ConnectionTimeOut`);
        c.pendingAuth = undefined;
        this.setStatus(c, 'Available');
      }
    });
  }

  private plugIn(c: Connector): void {
    c.plugged = true;
    if (!this.isUsable(c)) return;
    if (c.tx) {
      // EV reconnected during a transaction that was not stopped on EV-side disconnect.
      if (c.tx.transactionId !== undefined) {
        c.chargingSince = Date.now();
        this.setStatus(c, 'Charging');
      }
      return;
    }
    if (c.pendingAuth) {
      const { idTag } = c.pendingAuth;
      this.bg('StartTransaction', this.startTransaction(c, idTag));
      return;
    }
    this.setStatus(c, 'Preparing');
  }

  private unplug(c: Connector): void {
    c.plugged = false;
    if (c.tx) {
      if (this.boolConfig('StopTransactionOnEVSideDisconnect')) {
        this.bg('StopTransaction', this.stopTransaction(c, 'EVDisconnected'));
      } else {
        // The transaction goes on (and is still sampled); energy stops flowing.
        this.pauseEnergy(c);
        this.setStatus(c, 'SuspendedEV', 'EV side disconnected');
      }
      return;
    }
    if (c.status === 'Preparing' || c.status === 'Finishing') this.setStatus(c, 'Available');
  }

  private async presentIdTag(c: Connector, idTag: string): Promise<void> {
    if (c.tx) {
      if (c.tx.idTag === idTag) await this.stopTransaction(c, 'Local', idTag);
      else this.log(`connector ${c.id}: idTag ${idTag} does not own the transaction; ignored`);
      return;
    }
    if (c.pendingAuth) {
      if (c.pendingAuth.idTag === idTag) {
        // Second presentation before the cable: usage ends (B1).
        c.pendingAuth = undefined;
        this.timers.cancel(c.connectionTimer);
        this.setStatus(c, c.plugged ? 'Preparing' : 'Available');
      }
      return;
    }
    if (c.status === 'Finishing' && !c.plugged) {
      // The cable stayed locked after an EV-side disconnect: presenting the card releases it.
      this.setStatus(c, 'Available');
      return;
    }
    if (c.busy || !this.isUsable(c)) {
      this.log(`connector ${c.id}: idTag ignored (${c.busy ? 'busy' : 'unavailable'})`);
      return;
    }
    c.busy = true;
    let ok: boolean;
    try {
      ok = await this.authorize(idTag);
    } finally {
      c.busy = false;
    }
    if (!ok || c.tx || c.pendingAuth || !this.isUsable(c)) return;
    this.beginAuthorized(c, idTag, false);
  }

  private async authorize(idTag: string): Promise<boolean> {
    if (!this.isOnline()) {
      this.log(`cannot authorize ${idTag}: not registered with the CSMS (LocalAuthorizeOffline is false)`);
      return false;
    }
    const res = await this.enqueue('Authorize', () => ({ idTag }), false);
    const status = str(asRecord(res?.idTagInfo).status);
    if (status !== 'Accepted') this.log(`idTag ${idTag} not authorised (${status ?? 'no answer'})`);
    return status === 'Accepted';
  }

  private beginAuthorized(c: Connector, idTag: string, remote: boolean): void {
    if (c.plugged) {
      this.bg('StartTransaction', this.startTransaction(c, idTag));
      return;
    }
    c.pendingAuth = { idTag, remote };
    this.setStatus(c, 'Preparing');
    this.armConnectionTimeout(c);
  }

  private async startTransaction(c: Connector, idTag: string): Promise<void> {
    this.timers.cancel(c.connectionTimer);
    c.connectionTimer = undefined;
    c.pendingAuth = undefined;
    const tx: Tx = { idTag, meterStart: this.meterWh(c), startedAt: new Date().toISOString() };
    c.tx = tx;
    const res = await this.enqueue(
      'StartTransaction',
      () => ({ connectorId: c.id, idTag, meterStart: tx.meterStart, timestamp: tx.startedAt }),
      true,
      (r) => {
        tx.transactionId = int(r.transactionId);
      },
    );
    if (c.tx !== tx) return; // stopped meanwhile; the stop took care of the rest
    if (!res || tx.transactionId === undefined) {
      this.log(`connector ${c.id}: StartTransaction not confirmed; no transaction`);
      c.tx = undefined;
      this.setStatus(c, c.plugged ? 'Preparing' : 'Available');
      return;
    }
    const status = str(asRecord(res.idTagInfo).status);
    if (status !== 'Accepted') {
      this.log(`connector ${c.id}: transaction ${tx.transactionId} idTag ${status ?? '?'}`);
      if (this.boolConfig('StopTransactionOnInvalidId')) await this.stopTransaction(c, 'DeAuthorized');
      else this.setStatus(c, 'SuspendedEVSE');
      return;
    }
    if (!c.plugged) {
      this.setStatus(c, 'SuspendedEV', 'EV side disconnected');
      return;
    }
    c.chargingSince = Date.now();
    this.setStatus(c, 'Charging');
    this.startMetering(c);
  }

  private startMetering(c: Connector): void {
    this.timers.cancel(c.meterTimer);
    c.meterTimer = undefined;
    const s = this.intConfig('MeterValueSampleInterval');
    if (s <= 0 || !c.tx) return;
    c.meterTimer = this.timers.every(s * 1000, () => {
      const tx = c.tx;
      if (!tx) return;
      const sample = this.sample(c, 'Sample.Periodic');
      void this.enqueue(
        'MeterValues',
        () => (tx.transactionId === undefined ? undefined : { connectorId: c.id, transactionId: tx.transactionId, meterValue: [sample] }),
        true,
      );
    });
  }

  private sample(c: Connector | undefined, context: string): Payload {
    const charging = !!c && c.chargingSince !== undefined;
    const measurands = this.configList('MeterValuesSampledData');
    const energy = c ? this.meterWh(c) : [...this.connectors.values()].reduce((sum, k) => sum + this.meterWh(k), 0);
    const sampledValue = (measurands.length ? measurands : ['Energy.Active.Import.Register']).map((m) => {
      switch (m) {
        case 'Power.Active.Import':
          return { value: String(charging ? POWER_W : 0), context, measurand: m, unit: 'W' };
        case 'Current.Import':
          return { value: String(charging ? CURRENT_A : 0), context, measurand: m, unit: 'A' };
        case 'Voltage':
          return { value: String(VOLTAGE_V), context, measurand: m, unit: 'V' };
        default:
          return { value: String(energy), context, measurand: 'Energy.Active.Import.Register', unit: 'Wh' };
      }
    });
    return { timestamp: new Date().toISOString(), sampledValue };
  }

  /** Stop the connector's transaction; resolves once StopTransaction is answered (or given up) and the status settled. */
  private async stopTransaction(c: Connector, reason: StopReason, idTag?: string): Promise<void> {
    const tx = c.tx;
    if (!tx) return;
    c.tx = undefined;
    this.timers.cancel(c.meterTimer);
    c.meterTimer = undefined;
    this.pauseEnergy(c);
    const meterStop = c.energyWh;
    const timestamp = new Date().toISOString();
    const sendReason = !(reason === 'Remote' && this.quirks.has('stop-without-reason-after-remote-stop'));
    this.log(`connector ${c.id}: stopping transaction ${tx.transactionId ?? '?'} (${reason})`);
    // The status follows at once, but behind the StopTransaction in the outbox.
    const delivered = this.enqueue(
      'StopTransaction',
      () => {
        if (tx.transactionId === undefined) return undefined;
        const p: Payload = { transactionId: tx.transactionId, meterStop, timestamp };
        if (sendReason) p.reason = reason;
        if (idTag) p.idTag = idTag;
        return p;
      },
      true,
    );
    this.afterTransaction(c, reason);
    await delivered;
  }

  private afterTransaction(c: Connector, reason: StopReason): void {
    if (c.scheduledInoperative) {
      c.scheduledInoperative = false;
      c.operative = false;
      this.setStatus(c, 'Unavailable');
      return;
    }
    if (reason === 'EVDisconnected') {
      this.setStatus(c, 'Finishing', 'EV side disconnected');
      if (this.boolConfig('UnlockConnectorOnEVSideDisconnect') && !c.plugged) this.setStatus(c, 'Available');
      return;
    }
    this.setStatus(c, c.plugged ? 'Finishing' : 'Available');
  }

  private async reboot(reason: 'Reboot' | 'HardReset' | 'SoftReset'): Promise<void> {
    if (this.rebooting || this.stopped) return;
    this.rebooting = true;
    try {
      this.log(`rebooting (${reason})`);
      const stops = [...this.connectors.values()].filter((c) => c.tx).map((c) => this.stopTransaction(c, reason));
      if (stops.length && this.isOnline()) await this.timers.within(Promise.all(stops), 3000);
      if (this.stopped) return;
      // Cold boot: everything volatile goes.
      for (const c of this.connectors.values()) {
        this.timers.cancel(c.connectionTimer);
        this.timers.cancel(c.meterTimer);
        c.connectionTimer = undefined;
        c.meterTimer = undefined;
        c.busy = false;
        if (c.pendingAuth) {
          c.pendingAuth = undefined;
          if (!c.plugged && c.status === 'Preparing') c.status = 'Available';
        }
      }
      this.registration = 'none';
      this.stopHeartbeat();
      this.timers.cancel(this.bootRetryTimer);
      this.bootRetryTimer = undefined;
      this.dropTransientOutbox();
      const s = this.session;
      if (s && !s.closed) {
        s.reconnectDelayMs = 50;
        await this.closeClient(s.client);
      } else {
        this.scheduleReconnect(50);
      }
    } finally {
      this.rebooting = false;
    }
  }

  // ---------------------------------------------------------------- inbound CALLs

  private attachHandlers(session: Session): void {
    const client = session.client;
    const on = (action: string, fn: (p: Payload, args: RpcHandlerArgs) => unknown): void => {
      client.handle(action, (args) => this.inbound(session, action, args, fn));
    };

    on('GetConfiguration', (p, args) => this.onGetConfiguration(session, p, args));
    on('ChangeConfiguration', (p) => {
      if (this.quirks.has('silent-on-change-configuration')) return NOREPLY;
      return { status: this.changeConfiguration(str(p.key) ?? '', str(p.value) ?? '') };
    });
    on('RemoteStartTransaction', (p) => this.onRemoteStart(session, p));
    on('RemoteStopTransaction', (p) => {
      const id = int(p.transactionId);
      const c = [...this.connectors.values()].find((k) => k.tx && k.tx.transactionId !== undefined && k.tx.transactionId === id);
      if (!c) return { status: 'Rejected' };
      this.timers.after(0, () => this.bg('StopTransaction', this.stopTransaction(c, 'Remote')));
      return { status: 'Accepted' };
    });
    on('Reset', (p) => {
      const reason = str(p.type) === 'Hard' ? 'HardReset' : 'SoftReset';
      this.timers.after(0, () => this.bg('reset', this.reboot(reason)));
      return { status: 'Accepted' };
    });
    on('UnlockConnector', (p) => {
      const c = this.connectors.get(int(p.connectorId) ?? -1);
      if (!c) return { status: 'NotSupported' };
      this.timers.after(0, () => {
        if (c.tx) this.bg('StopTransaction', this.stopTransaction(c, 'UnlockCommand'));
        else if (c.status === 'Finishing' && !c.plugged) this.setStatus(c, 'Available');
      });
      return { status: 'Unlocked' };
    });
    on('ChangeAvailability', (p) => ({ status: this.changeAvailability(int(p.connectorId), str(p.type)) }));
    on('ClearCache', () => ({ status: 'Accepted' }));
    on('DataTransfer', () => ({ status: 'UnknownVendorId' }));
    on('TriggerMessage', (p) => ({ status: this.onTrigger(session, str(p.requestedMessage), int(p.connectorId)) }));

    client.handle(({ method }) => {
      if (this.registration === 'Rejected') return NOREPLY;
      if (KNOWN_UNSUPPORTED.has(method)) {
        throw createRPCError('NotSupported', `${method} is not supported by this charge point`);
      }
      if (this.quirks.has('accepts-unknown-action')) return {};
      throw createRPCError('NotImplemented', `unknown action ${method}`);
    });
  }

  /** Common front of every handled CALL: registration rule, then payload validation with our error codes. */
  private inbound(
    session: Session,
    action: string,
    args: RpcHandlerArgs,
    fn: (p: Payload, args: RpcHandlerArgs) => unknown,
  ): unknown {
    if (this.registration === 'Rejected') {
      // OCPP 1.6 §4.2: while Rejected, the charge point does not respond to CSMS-initiated messages.
      this.log(`${action} ignored: registration Rejected`);
      return NOREPLY;
    }
    if (!this.quirks.has('lenient-validation')) {
      const problem = checkPayload16(action, 'req', args.params, { doubleR: this.quirks.has('double-r-error-code') });
      if (problem) {
        this.sendRaw(session, [4, args.messageId, problem.code, problem.description, {}]);
        return NOREPLY;
      }
    }
    return fn(asRecord(args.params), args);
  }

  private onGetConfiguration(session: Session, p: Payload, args: RpcHandlerArgs): unknown {
    if (this.quirks.has('garbage-not-json')) this.sendRaw(session, '{"this is": not json');
    if (this.quirks.has('garbage-wrong-shape')) this.sendRaw(session, '[2,"x"]');
    if (this.quirks.has('garbage-unknown-type')) this.sendRaw(session, [7, newMessageId(), {}]);
    if (this.quirks.has('huge-frame')) this.sendRaw(session, JSON.stringify('x'.repeat(5 * 1024 * 1024 - 2)));

    const keys = Array.isArray(p.key) ? p.key.filter((k): k is string => typeof k === 'string') : [];
    const result = this.getConfiguration(keys);
    if (this.quirks.has('wrong-message-id-in-result')) {
      // Another id of a valid length (OCPP-J 1.6 §4.1.4: at most 36 characters), so that the only
      // deviation is the pairing: appending to a 36-character UUID would also break the framing.
      const id = String(args.messageId);
      this.sendRaw(session, [3, `${id.slice(0, -1)}${id.endsWith('x') ? 'y' : 'x'}`, result]);
      return NOREPLY;
    }
    if (this.quirks.has('late-response')) {
      this.timers.after(this.lateResponseMs, () => this.sendRaw(session, [3, args.messageId, result]));
      return NOREPLY;
    }
    return result;
  }

  private onRemoteStart(session: Session, p: Payload): unknown {
    if (this.quirks.has('disconnect-on-remote-start')) {
      this.timers.after(0, () => this.dropConnection(session));
      return NOREPLY;
    }
    if (this.registration !== 'Accepted') return { status: 'Rejected' };
    const idTag = str(p.idTag);
    if (!idTag) return { status: 'Rejected' };
    const cid = int(p.connectorId);
    const free = (c: Connector): boolean => this.isUsable(c) && !c.tx && !c.pendingAuth && !c.busy;
    let c: Connector | undefined;
    if (p.connectorId === undefined) {
      const all = [...this.connectors.values()].filter(free);
      c = all.find((k) => k.plugged) ?? all[0];
    } else {
      c = cid === undefined ? undefined : this.connectors.get(cid);
      if (c && !free(c)) c = undefined;
    }
    if (!c) return { status: 'Rejected' };
    const target = c;
    target.busy = true; // claimed until the start is under way
    this.timers.after(0, () => this.bg('remote start', this.remoteStart(target, idTag)));
    return { status: 'Accepted' };
  }

  private async remoteStart(c: Connector, idTag: string): Promise<void> {
    let ok = true;
    try {
      if (this.boolConfig('AuthorizeRemoteTxRequests')) ok = await this.authorize(idTag);
    } finally {
      c.busy = false;
    }
    if (!ok || c.tx || c.pendingAuth || !this.isUsable(c)) return;
    this.beginAuthorized(c, idTag, true);
  }

  private changeAvailability(cid: number | undefined, type: string | undefined): string {
    if (cid === undefined || (type !== 'Operative' && type !== 'Inoperative')) return 'Rejected';
    const targets = cid === 0 ? [...this.connectors.values()] : [this.connectors.get(cid)].filter((c): c is Connector => !!c);
    if (targets.length === 0) return 'Rejected';
    const apply: Array<() => void> = [];
    let scheduled = false;
    if (type === 'Inoperative') {
      if (cid === 0) {
        this.cp0.operative = false;
        apply.push(() => this.setCp0Status('Unavailable'));
      }
      for (const c of targets) {
        if (c.tx) {
          c.scheduledInoperative = true;
          scheduled = true;
        } else {
          c.operative = false;
          c.pendingAuth = undefined;
          this.timers.cancel(c.connectionTimer);
          apply.push(() => this.setStatus(c, 'Unavailable'));
        }
      }
    } else {
      if (cid === 0) {
        this.cp0.operative = true;
        apply.push(() => this.setCp0Status('Available'));
      }
      for (const c of targets) {
        c.scheduledInoperative = false;
        if (!c.operative || c.status === 'Unavailable') {
          c.operative = true;
          apply.push(() => this.setStatus(c, c.plugged ? 'Preparing' : 'Available'));
        }
      }
    }
    // Status changes go out after the answer.
    if (apply.length) this.timers.after(0, () => apply.forEach((f) => f()));
    return scheduled ? 'Scheduled' : 'Accepted';
  }

  private onTrigger(session: Session, message: string | undefined, cid: number | undefined): string {
    if (cid !== undefined && cid !== 0 && !this.connectors.has(cid)) return 'Rejected';
    const later = (label: string, fn: () => Promise<unknown>): void => {
      this.timers.after(0, () => this.bg(label, fn()));
    };
    switch (message) {
      case 'BootNotification':
        later('BootNotification', () => this.boot(session));
        return 'Accepted';
      case 'Heartbeat':
        later('Heartbeat', () => this.send(session, 'Heartbeat', {}));
        return 'Accepted';
      case 'StatusNotification': {
        const ids = cid === undefined ? [0, ...this.connectors.keys()] : [cid];
        later('StatusNotification', async () => {
          for (const id of ids) await this.send(session, 'StatusNotification', this.statusPayload(id));
        });
        return 'Accepted';
      }
      case 'MeterValues': {
        const targets = cid === undefined ? [...this.connectors.values()] : cid === 0 ? [undefined] : [this.connectors.get(cid)];
        later('MeterValues', async () => {
          for (const c of targets) {
            const payload: Payload = { connectorId: c?.id ?? 0, meterValue: [this.sample(c, 'Trigger')] };
            if (c?.tx?.transactionId !== undefined) payload.transactionId = c.tx.transactionId;
            await this.send(session, 'MeterValues', payload);
          }
        });
        return 'Accepted';
      }
      default:
        // DiagnosticsStatusNotification / FirmwareStatusNotification: FirmwareManagement is not implemented.
        return 'NotImplemented';
    }
  }

  // ---------------------------------------------------------------- configuration

  private initConfiguration(ids: number[], overrides: Record<string, string>): void {
    const rw = (value: string, type: KeyType): ConfigEntry => ({ value, readonly: false, type });
    const r = (value: string, type: KeyType): ConfigEntry => ({ value, readonly: true, type });
    const entries: Array<[string, ConfigEntry]> = [
      ['AuthorizeRemoteTxRequests', rw('false', 'bool')],
      ['ClockAlignedDataInterval', rw('0', 'int')],
      ['ConnectionTimeOut', rw('30', 'int')],
      ['ConnectorPhaseRotation', rw(ids.map((id) => `${id}.NotApplicable`).join(','), 'phaseRotation')],
      ['GetConfigurationMaxKeys', r('50', 'int')],
      ['HeartbeatInterval', rw('300', 'int')],
      ['LocalAuthorizeOffline', rw('false', 'bool')],
      ['LocalPreAuthorize', rw('false', 'bool')],
      ['MeterValuesAlignedData', rw('Energy.Active.Import.Register', 'measurands')],
      ['MeterValuesSampledData', rw('Energy.Active.Import.Register', 'measurands')],
      ['MeterValueSampleInterval', rw('60', 'int')],
      ['NumberOfConnectors', r(String(ids.length), 'fixed')],
      ['ResetRetries', rw('1', 'int')],
      ['StopTransactionOnEVSideDisconnect', rw('true', 'bool')],
      ['StopTransactionOnInvalidId', rw('true', 'bool')],
      ['StopTxnAlignedData', rw('', 'measurands')],
      ['StopTxnSampledData', rw('', 'measurands')],
      ['SupportedFeatureProfiles', r('Core,RemoteTrigger', 'fixed')],
      ['TransactionMessageAttempts', rw('3', 'int')],
      ['TransactionMessageRetryInterval', rw('10', 'int')],
      ['UnlockConnectorOnEVSideDisconnect', rw('true', 'bool')],
      ['WebSocketPingInterval', rw('0', 'int')],
    ];
    for (const [k, e] of entries) this.config.set(k, e);
    for (const [key, value] of Object.entries(overrides)) {
      const e = this.config.get(key);
      if (!e) throw new Error(`unknown configuration key ${key}`);
      const normalised = this.normaliseValue(e.type, value);
      if (normalised === undefined) throw new Error(`invalid value for ${key}: ${value}`);
      e.value = normalised;
    }
  }

  private setConfigValue(key: string, value: string): void {
    const e = this.config.get(key);
    if (e) e.value = value;
  }

  private intConfig(key: string): number {
    const n = Number(this.config.get(key)?.value ?? '0');
    return Number.isFinite(n) ? n : 0;
  }

  private boolConfig(key: string): boolean {
    return this.config.get(key)?.value === 'true';
  }

  private configList(key: string): string[] {
    return (this.config.get(key)?.value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }

  /** The stored form of a value, or undefined when the value is not acceptable. */
  private normaliseValue(type: KeyType, value: string): string | undefined {
    const v = value.trim();
    switch (type) {
      case 'int':
        return /^\d+$/.test(v) && Number(v) <= MAX_SECONDS ? String(Number(v)) : undefined;
      case 'bool':
        return /^(true|false)$/i.test(v) ? v.toLowerCase() : undefined;
      case 'measurands': {
        const items = v.split(',').map((s) => s.trim()).filter(Boolean);
        return items.every((m) => SUPPORTED_MEASURANDS.has(m)) ? items.join(',') : undefined;
      }
      case 'phaseRotation': {
        const items = v.split(',').map((s) => s.trim()).filter(Boolean);
        const ok =
          items.length > 0 &&
          items.every((item) => {
            const m = /^(?:(\d+)\.)?([A-Za-z]+)$/.exec(item);
            return !!m && PHASE_ROTATIONS.has(m[2]!) && (m[1] === undefined || Number(m[1]) === 0 || this.connectors.has(Number(m[1])));
          });
        return ok ? items.join(',') : undefined;
      }
      case 'fixed':
        return v;
    }
  }

  private getConfiguration(keys: string[]): Payload {
    const view = (key: string, e: ConfigEntry): Payload => ({ key, readonly: e.readonly, value: e.value });
    if (keys.length === 0) {
      return { configurationKey: [...this.config.entries()].map(([k, e]) => view(k, e)) };
    }
    const known: Payload[] = [];
    const unknown: string[] = [];
    for (const k of keys) {
      const e = this.config.get(k);
      if (e) known.push(view(k, e));
      else unknown.push(k);
    }
    const result: Payload = { configurationKey: known };
    if (unknown.length) result.unknownKey = unknown;
    return result;
  }

  private changeConfiguration(key: string, value: string): 'Accepted' | 'Rejected' | 'NotSupported' {
    const e = this.config.get(key);
    if (!e) return 'NotSupported';
    if (e.readonly) return 'Rejected';
    const normalised = this.normaliseValue(e.type, value);
    if (normalised === undefined) return 'Rejected';
    e.value = normalised;
    this.log(`configuration ${key} = ${normalised}`);
    switch (key) {
      case 'HeartbeatInterval':
        if (this.isOnline()) this.restartHeartbeat();
        break;
      case 'MeterValueSampleInterval':
        for (const c of this.connectors.values()) if (c.tx?.transactionId !== undefined) this.startMetering(c);
        break;
      case 'WebSocketPingInterval':
        this.session?.client.reconfigure({ pingIntervalMs: Number(normalised) * 1000 });
        break;
    }
    return 'Accepted';
  }
}
