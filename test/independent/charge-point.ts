// An independent OCPP 1.6J Core-profile charge point with one connector, written directly on
// `ocpp-rpc`'s RPCClient the way a firmware team might prototype one. It shares no code with the harness or
// its reference peers, so the harness's verdicts on it are a check of the harness.
import ocppRpc from 'ocpp-rpc';
import { ConfigStore } from './config-store.js';
import { startControlEndpoint, type ControlEndpoint } from './control-server.js';
import { TransactionQueue } from './transaction-queue.js';

type Params = Record<string, unknown>;
interface HandlerArgs { params: Params }
/** The narrow part of ocpp-rpc's RPCClient we use (its shipped typings are loose). */
interface RpcClientLike {
  connect(): Promise<unknown>;
  close(opts?: Params): Promise<unknown>;
  call(method: string, params: Params): Promise<unknown>;
  handle(method: string, handler: (args: HandlerArgs) => unknown): void;
  on(event: 'close', listener: () => void): void;
}

type Status = 'Available' | 'Preparing' | 'Charging' | 'SuspendedEV' | 'Finishing' | 'Unavailable' | 'Faulted';

interface Transaction { id: number; idTag: string; parentIdTag?: string; meterStart: number; sampler?: NodeJS.Timeout }

/**
 * Two bugs this peer really had while it was written, kept switchable so the e2e test can show the harness
 * catching a defect in code it did not write:
 * - `shared-availability`: one availability flag for connector 0 and connector 1, so after ChangeAvailability
 *   of connector 1 and a reboot, connector 0 reports Unavailable (TC_013_CS step 6 fails).
 * - `no-offline-queue`: transaction-related messages sent while offline are lost instead of queued
 *   (§4.7 MUST; TC_038_CS step 1 fails).
 * - `no-status-after-reconnect`: no StatusNotification of the current status after an offline period (§4.9
 *   SHOULD; TC_038_CS step 3, which the OCTT fails: should be NON_STRICT).
 */
export type IndependentCpDefect = 'shared-availability' | 'no-offline-queue' | 'no-status-after-reconnect';

/**
 * Conforming alternatives a real charger may choose; the harness must PASS each:
 * - `stop-without-idtag`: StopTransaction has no idTag when no idTag stopped it (§6.51: optional).
 * - `local-reason-omitted`: StopTransaction has no reason when it is Local (§7.44: Local is the default).
 * - `charging-first`: StatusNotification Charging before StartTransaction (TCD §1.2: either order).
 * - `authorize-remote`: AuthorizeRemoteTxRequests is true, a remote start is authorized first (§5.11).
 */
export type IndependentCpVariant = 'stop-without-idtag' | 'local-reason-omitted' | 'charging-first' | 'authorize-remote';

export interface IndependentChargePointOptions {
  /** CSMS URL without the identity: the identity is appended as the last path segment (OCPP-J §3.1.1). */
  url: string;
  identity?: string;
  defects?: IndependentCpDefect[];
  variants?: IndependentCpVariant[];
}

/** The charge-point actions our control endpoint offers (README, "Driving the system under test"). */
export const CP_ACTIONS = ['reboot', 'plugIn', 'unplug', 'presentIdTag'] as const;

const CONNECTOR = 1;

export class IndependentChargePoint {
  private client: RpcClientLike | undefined;
  private control: ControlEndpoint | undefined;
  private readonly identity: string;
  readonly config = new ConfigStore();
  private stopped = false;
  private accepted = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private bootRetry: NodeJS.Timeout | undefined;
  private connectionTimer: NodeJS.Timeout | undefined;

  // The one connector's state.
  private status: Status = 'Available';
  // Availability is per connector (§5.2): connector 0 is the charge point as a whole, and a connector is
  // usable only when both it and connector 0 are Operative. It survives a reboot.
  private chargePointOperative = true;
  private connectorOperative = true;
  private get operative(): boolean {
    return this.chargePointOperative && this.connectorOperative;
  }
  private plugged = false;
  /** An idTag authorized (locally or by RemoteStart) and waiting for the cable. */
  private pendingIdTag: string | undefined;
  private tx: Transaction | undefined;
  /**
   * A StartTransaction whose answer we have not yet processed. The CSMS may send RemoteStop/Unlock right after
   * answering it, in the same network read: those handlers wait for it (a race this peer really had).
   */
  private starting: Promise<void> | undefined;
  private meterWh = 1000;
  /** A status change while offline, to report once back (§4.9: the current status, not the history). */
  private statusChangedOffline = false;
  private aligned: NodeJS.Timeout | undefined;
  private readonly defects: ReadonlySet<IndependentCpDefect>;
  private readonly variants: ReadonlySet<IndependentCpVariant>;
  private readonly queue: TransactionQueue;

  constructor(private readonly opts: IndependentChargePointOptions) {
    this.identity = opts.identity ?? 'CP001';
    this.defects = new Set(opts.defects ?? []);
    this.variants = new Set(opts.variants ?? []);
    if (this.variants.has('authorize-remote')) this.config.override('AuthorizeRemoteTxRequests', 'true');
    const lossy = this.defects.has('no-offline-queue');
    this.queue = new TransactionQueue(
      (method, params) => this.call(method, params),
      // The defect: the queue believes it is always online and gives up after one try, so offline messages are lost.
      lossy ? () => true : () => this.client !== undefined,
      lossy ? () => 1 : () => Number(this.config.get('TransactionMessageAttempts')) || 1,
    );
  }

  async start(): Promise<{ controlUrl: string }> {
    this.control = await startControlEndpoint({
      reboot: async () => this.reboot(),
      plugIn: async () => this.plugIn(),
      unplug: async () => this.unplug(),
      presentIdTag: async (p) => this.presentIdTag(String(p.idTag)),
    });
    this.connect(true);
    return { controlUrl: this.control.url };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimers();
    if (this.tx?.sampler) clearInterval(this.tx.sampler);
    await this.control?.close();
    await this.client?.close({ force: true }).catch(() => undefined);
  }

  private clearTimers(): void {
    for (const t of [this.heartbeat, this.reconnectTimer, this.bootRetry, this.connectionTimer, this.aligned]) if (t) clearTimeout(t);
    this.heartbeat = this.reconnectTimer = this.bootRetry = this.connectionTimer = this.aligned = undefined;
  }

  /** Open the WebSocket; retry every 500 ms until the CSMS is there. `boot`: send BootNotification once open. */
  private connect(boot: boolean): void {
    if (this.stopped) return;
    const client = new (ocppRpc.RPCClient as unknown as new (o: Params) => RpcClientLike)({
      endpoint: this.opts.url, identity: this.identity, protocols: ['ocpp1.6'], strictMode: true, reconnect: false,
    });
    this.registerHandlers(client);
    client.connect().then(() => {
      this.client = client;
      client.on('close', () => {
        if (this.client !== client || this.stopped) return;
        // A dropped connection is not a reboot (§4.2): reconnect without booting, unless never accepted.
        this.client = undefined;
        this.reconnectTimer = setTimeout(() => this.connect(!this.accepted), 500);
      });
      if (boot) void this.boot();
      else void this.backOnline();
    }, () => {
      this.reconnectTimer = setTimeout(() => this.connect(boot), 500);
    });
  }

  private async call(method: string, params: Params): Promise<Params> {
    if (!this.client) throw new Error(`offline: ${method} not sent`);
    return await this.client.call(method, params) as Params;
  }

  private async boot(): Promise<void> {
    this.accepted = false;
    const res = await this.call('BootNotification', { chargePointVendor: 'Independent', chargePointModel: 'IND-1' }).catch(() => undefined);
    if (!res) return;
    const interval = Number(res.interval);
    if (res.status === 'Accepted') {
      this.accepted = true;
      if (interval > 0) this.config.setHeartbeatInterval(interval);
      this.restartHeartbeat();
      const cpAvailable = this.defects.has('shared-availability') ? this.operative : this.chargePointOperative;
      await this.notify(0, cpAvailable ? 'Available' : 'Unavailable');
      await this.notify(CONNECTOR, this.status);
      this.statusChangedOffline = false;
      this.restartAligned();
      await this.queue.flush();
    } else {
      // Pending or Rejected: try again after the interval the CSMS gave (§4.2.1), at least 1 s.
      this.bootRetry = setTimeout(() => void this.boot(), Math.max(interval, 1) * 1000);
    }
  }

  /** Reconnected without a reboot: the current status if it changed meanwhile, then the queued messages. */
  private async backOnline(): Promise<void> {
    if (this.statusChangedOffline && !this.defects.has('no-status-after-reconnect')) {
      this.statusChangedOffline = false;
      await this.notify(CONNECTOR, this.status);
    }
    await this.queue.flush();
  }

  private restartHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    const s = Number(this.config.get('HeartbeatInterval'));
    if (s > 0) this.heartbeat = setInterval(() => void this.call('Heartbeat', {}).catch(() => undefined), s * 1000);
  }

  private async notify(connectorId: number, status: Status): Promise<void> {
    if (connectorId === CONNECTOR) this.status = status;
    if (!this.client) {
      this.statusChangedOffline = true;
      return;
    }
    // A report lost because the connection just went away counts as a change while offline (a race we had:
    // the close is seen only after the call has failed).
    await this.call('StatusNotification', { connectorId, errorCode: 'NoError', status, timestamp: new Date().toISOString() })
      .catch(() => { this.statusChangedOffline = true; });
  }

  // ---- the driver and the cable (control endpoint) ----

  private async reboot(): Promise<void> {
    await this.restart(undefined);
  }

  private async plugIn(): Promise<void> {
    this.plugged = true;
    if (this.pendingIdTag !== undefined) return this.startTransaction(this.pendingIdTag);
    if (this.tx === undefined && this.operative) await this.notify(CONNECTOR, 'Preparing');
  }

  private async unplug(): Promise<void> {
    this.plugged = false;
    if (this.tx) {
      // The cable out of the charge point during a transaction ends it (§4.10 reason EVDisconnected).
      await this.stopTransaction('EVDisconnected');
    }
    this.pendingIdTag = undefined;
    if (this.operative) await this.notify(CONNECTOR, 'Available');
  }

  private async presentIdTag(idTag: string): Promise<void> {
    if (this.tx) {
      // The same card again stops the transaction (§3.6 the same identifier, reason Local).
      if (this.tx.idTag === idTag) return this.stopTransaction('Local');
      // Another card stops it only if it shares the transaction's parentIdTag (§3.10 groups). Without a group
      // there is nothing to look up: no Authorize, no stop (TC_068_CS). We once stopped on any accepted card.
      if (this.tx.parentIdTag === undefined) return;
      const info = await this.authorizeInfo(idTag);
      if (info?.status === 'Accepted' && info.parentIdTag === this.tx.parentIdTag) return this.stopTransaction('Local', idTag);
      return;
    }
    if (!this.operative) return;
    const info = await this.authorize(idTag);
    if (info !== 'Accepted') return;
    if (this.plugged) return this.startTransaction(idTag);
    await this.waitForCable(idTag);
  }

  private async authorize(idTag: string): Promise<string | undefined> {
    return (await this.authorizeInfo(idTag))?.status;
  }

  private async authorizeInfo(idTag: string): Promise<{ status?: string; parentIdTag?: string } | undefined> {
    const res = await this.call('Authorize', { idTag }).catch(() => undefined);
    return res?.idTagInfo as { status?: string; parentIdTag?: string } | undefined;
  }

  /** Authorized without a cable: Preparing, and give up after ConnectionTimeOut (§9.1.9 ConnectionTimeOut). */
  private async waitForCable(idTag: string): Promise<void> {
    this.pendingIdTag = idTag;
    await this.notify(CONNECTOR, 'Preparing');
    if (this.connectionTimer) clearTimeout(this.connectionTimer);
    this.connectionTimer = setTimeout(() => {
      if (this.pendingIdTag === idTag && !this.plugged && !this.tx) {
        this.pendingIdTag = undefined;
        void this.notify(CONNECTOR, 'Available');
      }
    }, Number(this.config.get('ConnectionTimeOut')) * 1000);
  }

  private startTransaction(idTag: string): Promise<void> {
    const started = this.doStartTransaction(idTag).finally(() => {
      if (this.starting === started) this.starting = undefined;
    });
    this.starting = started;
    return started;
  }

  private async doStartTransaction(idTag: string): Promise<void> {
    this.pendingIdTag = undefined;
    if (this.connectionTimer) clearTimeout(this.connectionTimer);
    const meterStart = this.meterWh;
    const timestamp = new Date().toISOString();
    if (this.variants.has('charging-first')) await this.notify(CONNECTOR, 'Charging');
    const res = await this.queue.push('StartTransaction', () => ({ connectorId: CONNECTOR, idTag, meterStart, timestamp }));
    if (!res) return;
    const info = res.idTagInfo as { parentIdTag?: string } | undefined;
    const tx: Transaction = { id: Number(res.transactionId), idTag, meterStart, ...(info?.parentIdTag ? { parentIdTag: info.parentIdTag } : {}) };
    this.tx = tx;
    const status = (res.idTagInfo as Params | undefined)?.status;
    if (status !== 'Accepted') {
      // Not authorized after all: end it at once (StopTransactionOnInvalidId is true here).
      return this.stopTransaction('DeAuthorized');
    }
    if (!this.variants.has('charging-first')) await this.notify(CONNECTOR, 'Charging');
    const sampleS = Number(this.config.get('MeterValueSampleInterval'));
    if (sampleS > 0) tx.sampler = setInterval(() => void this.sample(tx), sampleS * 1000);
  }

  private async sample(tx: Transaction): Promise<void> {
    this.meterWh += 10;
    const meterValue = [{ timestamp: new Date().toISOString(), sampledValue: [{ value: String(this.meterWh), context: 'Sample.Periodic', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }];
    // Meter values of a transaction are transaction-related: queued while offline.
    await this.queue.push('MeterValues', () => ({ connectorId: CONNECTOR, transactionId: tx.id, meterValue }));
  }

  /** Clock-aligned readings every ClockAlignedDataInterval seconds, on boundaries counted from midnight (§9.1.7). */
  private restartAligned(): void {
    if (this.aligned) clearTimeout(this.aligned);
    this.aligned = undefined;
    const intervalS = Number(this.config.get('ClockAlignedDataInterval'));
    if (!(intervalS > 0)) return;
    const now = Date.now();
    const midnight = new Date(now).setUTCHours(0, 0, 0, 0);
    const next = midnight + (Math.floor((now - midnight) / (intervalS * 1000)) + 1) * intervalS * 1000;
    this.aligned = setTimeout(() => {
      void this.alignedReading(new Date(next).toISOString());
      this.restartAligned();
    }, next - now);
  }

  private async alignedReading(timestamp: string): Promise<void> {
    const tx = this.tx;
    const meterValue = [{ timestamp, sampledValue: [{ value: String(this.meterWh), context: 'Sample.Clock', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }];
    if (tx) await this.queue.push('MeterValues', () => ({ connectorId: CONNECTOR, transactionId: tx.id, meterValue }));
    else if (this.client) await this.call('MeterValues', { connectorId: CONNECTOR, meterValue }).catch(() => undefined);
  }

  /** Stop the running transaction; `idTag` defaults to the one that started it. */
  private async stopTransaction(reason: string, idTag?: string, after: Status = 'Finishing'): Promise<void> {
    const tx = this.tx;
    if (!tx) return;
    this.tx = undefined;
    if (tx.sampler) clearInterval(tx.sampler);
    this.meterWh += 100;
    const payload: Params = { transactionId: tx.id, meterStop: this.meterWh, timestamp: new Date().toISOString(), reason };
    // §6.52: idTag is the one that stopped it; a stop not by an idTag (Remote, EVDisconnected…) may leave it out,
    // but we send the starting one, as many chargers do.
    payload.idTag = idTag ?? tx.idTag;
    if (this.variants.has('stop-without-idtag') && idTag === undefined && reason !== 'Local') delete payload.idTag;
    if (this.variants.has('local-reason-omitted') && reason === 'Local') delete payload.reason;
    // Queued, not awaited: offline the driver still sees the transaction end at once.
    void this.queue.push('StopTransaction', () => ({ ...payload, transactionId: tx.id }));
    if (this.operative) await this.notify(CONNECTOR, this.plugged ? after : 'Available');
    else await this.notify(CONNECTOR, 'Unavailable');
  }

  /** Reset or reboot: stop a transaction, drop the connection, come back and boot. */
  private async restart(reason: 'HardReset' | 'SoftReset' | undefined): Promise<void> {
    if (this.tx && reason) {
      await this.stopTransaction(reason);
      // §5.14: the StopTransaction goes out before the reset (if undelivered it stays queued for after the boot).
      await this.queue.drained(3000);
    }
    this.clearTimers();
    const old = this.client;
    this.client = undefined;
    this.accepted = false;
    await old?.close({ force: reason === 'HardReset' }).catch(() => undefined);
    // After a reboot the cable state stays; the transaction and any pending authorization are gone.
    this.tx = undefined;
    this.pendingIdTag = undefined;
    this.status = this.operative ? (this.plugged ? 'Preparing' : 'Available') : 'Unavailable';
    this.reconnectTimer = setTimeout(() => this.connect(true), 300);
  }

  // ---- requests from the CSMS ----

  private registerHandlers(client: RpcClientLike): void {
    client.handle('RemoteStartTransaction', ({ params }) => {
      const connectorId = params.connectorId === undefined ? CONNECTOR : Number(params.connectorId);
      // Only connector 1 exists; 0 is not a connector a transaction can run on (§5.11).
      if (connectorId !== CONNECTOR || this.tx || !this.operative) return { status: 'Rejected' };
      const idTag = String(params.idTag);
      // With AuthorizeRemoteTxRequests false a remote start is authorized by the CSMS itself; with true, first Authorize.
      setImmediate(() => void (async () => {
        if (this.config.get('AuthorizeRemoteTxRequests') === 'true' && await this.authorize(idTag) !== 'Accepted') return;
        await (this.plugged ? this.startTransaction(idTag) : this.waitForCable(idTag));
      })());
      return { status: 'Accepted' };
    });
    client.handle('RemoteStopTransaction', async ({ params }) => {
      await this.starting;
      if (!this.tx || this.tx.id !== Number(params.transactionId)) return { status: 'Rejected' };
      setImmediate(() => void this.stopTransaction('Remote'));
      return { status: 'Accepted' };
    });
    client.handle('Reset', ({ params }) => {
      const reason = params.type === 'Hard' ? 'HardReset' : 'SoftReset';
      setTimeout(() => void this.restart(reason), 100);
      return { status: 'Accepted' };
    });
    client.handle('ChangeConfiguration', ({ params }) => {
      const status = this.config.change(String(params.key), String(params.value));
      if (status === 'Accepted' && params.key === 'HeartbeatInterval') this.restartHeartbeat();
      if (status === 'Accepted' && params.key === 'ClockAlignedDataInterval') this.restartAligned();
      return { status };
    });
    client.handle('GetConfiguration', ({ params }) => this.config.read(params.key as string[] | undefined));
    client.handle('ClearCache', () => ({ status: 'Accepted' }));
    client.handle('UnlockConnector', async ({ params }) => {
      await this.starting;
      if (Number(params.connectorId) !== CONNECTOR) return { status: 'NotSupported' };
      // Unlocking during a transaction ends it first (§5.17, reason UnlockCommand).
      if (this.tx) setImmediate(() => void this.stopTransaction('UnlockCommand'));
      return { status: 'Unlocked' };
    });
    client.handle('ChangeAvailability', ({ params }) => {
      const connectorId = Number(params.connectorId);
      if (connectorId !== 0 && connectorId !== CONNECTOR) return { status: 'Rejected' };
      const operative = params.type === 'Operative';
      // During a transaction the change waits for its end (§5.2): we do not model that; say Scheduled
      // only when it would have to wait, and apply it now otherwise.
      if (this.tx && !operative) return { status: 'Scheduled' };
      const before = { cp: this.chargePointOperative, connector: this.operative };
      if (connectorId === 0) this.chargePointOperative = operative;
      else this.connectorOperative = operative;
      setImmediate(() => void (async () => {
        if (connectorId === 0 && before.cp !== this.chargePointOperative) await this.notify(0, operative ? 'Available' : 'Unavailable');
        if (before.connector !== this.operative) await this.notify(CONNECTOR, this.operative ? (this.plugged ? 'Preparing' : 'Available') : 'Unavailable');
      })());
      return { status: 'Accepted' };
    });
    client.handle('DataTransfer', () => ({ status: 'UnknownVendorId' }));
  }
}
