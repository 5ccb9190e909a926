// An independent OCPP 2.0.1 charging station with one EVSE (id 1) and one connector, written directly on
// `ocpp-rpc`'s RPCClient from Part 2 of the specification, the way a firmware team might prototype one. It
// shares no code with the harness or its reference peers, so the harness's verdicts on it are a check of the
// harness. Flexible transactions: TxStartPoint / TxStopPoint are configurable (EVConnected, Authorized,
// PowerPathClosed, EnergyTransfer); no local list, no cache, no reset per EVSE, no signed meter values.
import { randomUUID } from 'node:crypto';
import ocppRpc from 'ocpp-rpc';
import { startControlEndpoint, type ControlEndpoint } from '../control-server.js';
import { DeviceModel, type ComponentRef, type VariableRef } from './device-model.js';
import { MessageQueue } from './message-queue.js';
import { sampledValues } from './meter.js';

type Params = Record<string, unknown>;
interface HandlerArgs { params: Params }
/** The narrow part of ocpp-rpc's RPCClient we use (its shipped typings are loose). */
interface RpcClientLike {
  connect(): Promise<unknown>;
  close(opts?: Params): Promise<unknown>;
  call(method: string, params: Params, opts?: Params): Promise<unknown>;
  handle(method: string | ((args: HandlerArgs & { method: string }) => unknown), handler?: (args: HandlerArgs) => unknown): void;
  on(event: 'close', listener: () => void): void;
}
interface IdToken { idToken: string; type: string }

/**
 * Real bugs a firmware team could ship, switchable so the e2e test can show the harness catching them:
 * - `seqno-restarts-on-reconnect`: the TransactionEvent seqNo counter lives with the connection, so after a
 *   connection loss during a transaction it starts again at 0 (E_40: seqNo must rise by one).
 * - `report-seqno-from-one`: NotifyReport parts are numbered from 1 instead of 0 (B07: the first part is 0).
 * - `availability-not-persistent`: an Unavailable set by ChangeAvailability is forgotten at reboot (B01.FR.07).
 */
export type IndependentCs201Defect = 'seqno-restarts-on-reconnect' | 'report-seqno-from-one' | 'availability-not-persistent';

/**
 * Conforming choices where Part 2 allows another one than the obvious default:
 * - `status-via-notify-event`: after boot, connector status changes are reported with NotifyEvent (component
 *   Connector, variable AvailabilityState, trigger Delta) instead of StatusNotification (G01.FR.03–07 allow it;
 *   right after an accepted boot StatusNotification is still sent, B01.FR.05).
 * - `authorize-remote-start`: AuthCtrlr.AuthorizeRemoteStart is true: a remote start is authorized first (F01).
 * - `report-in-one-part`: a base report in a single NotifyReport (tbc false) instead of several.
 * - `evse-once`: the evse only in the first TransactionEvent of a transaction (E01.FR.16 asks it once).
 * - `continuous-seqno`: one seqNo counter for the EVSE that runs on across transactions instead of starting each
 *   at 0 (Part 2 E "seqNo": SHOULD start at 0, a continuously increasing seqNo is still allowed).
 * - `aligned-per-evse`: idle clock-aligned MeterValues name EVSE 1, not the station's main meter (evseId 0).
 * - `charging-with-trigger`: the contactor follows at once, so a closed (or opened) power path is reported in
 *   the event of its cause (CablePluggedIn, Authorized, StopAuthorized …) instead of a ChargingStateChanged of
 *   its own (Part 2 transactionInfo.chargingState note to E02.FR.13 allows this; Part 6 Table 430 does not).
 * - `evse-availability-events`: with status-via-notify-event, a NotifyEvent for the EVSE component's
 *   AvailabilityState comes before the connector's (reporting the EVSE too is optional).
 * - `slots-zero-one`: two network profile slots numbered 0 and 1 (B09.FR.06 asks at least two; the numbers
 *   are the station's, listed in NetworkConfigurationPriority's valuesList) instead of 0, 1 and 2.
 * - `slots-one-two`: two slots numbered 1 and 2, installed in slot 1.
 * - `reset-per-evse`: Reset of EVSE 1 alone is supported (C-13): the EVSE restarts, the station stays up.
 * - `security-event-first`: after an accepted boot the start-up SecurityEventNotification precedes the
 *   connector StatusNotification.
 * - `datatransfer-rejected`: a DataTransfer of an unknown vendor is answered Rejected, not UnknownVendorId.
 * - `meter-defaults-omitted`: sampled values leave out the fields whose schema default they have (context
 *   Sample.Periodic, measurand Energy.Active.Import.Register, location Outlet, unit Wh).
 * - `fixed-tx-points`: TxStartPoint and TxStopPoint are read-only "EVConnected,Authorized" (no C-51/C-52): the
 *   transaction starts with whichever comes first and ends when either goes.
 */
export type IndependentCs201Variant = 'status-via-notify-event' | 'authorize-remote-start' | 'report-in-one-part' | 'evse-once' | 'fixed-tx-points'
  | 'continuous-seqno' | 'aligned-per-evse' | 'charging-with-trigger'
  | 'evse-availability-events' | 'slots-zero-one' | 'slots-one-two'
  | 'reset-per-evse' | 'security-event-first' | 'datatransfer-rejected' | 'meter-defaults-omitted';

export interface IndependentChargingStationOptions {
  /** CSMS URL without the identity: ocpp-rpc appends the identity as the last path segment (OCPP-J §3). */
  url: string;
  identity?: string;
  defects?: IndependentCs201Defect[];
  variants?: IndependentCs201Variant[];
}

type ConnectorStatus = 'Available' | 'Occupied' | 'Unavailable' | 'Faulted';
type ChargingState = 'Charging' | 'EVConnected' | 'SuspendedEV' | 'SuspendedEVSE' | 'Idle';
type TxPoint = 'EVConnected' | 'Authorized' | 'PowerPathClosed' | 'EnergyTransfer';

interface Transaction {
  id: string;
  seqNo: number;
  chargingState: ChargingState;
  remoteStartId?: number;
  /** Stop points whose condition has held during this transaction: only their falling edge ends it. */
  held: Set<TxPoint>;
  periodic?: NodeJS.Timeout;
  endedSamples: Params[];
  endedSampler?: NodeJS.Timeout;
  alignedEndedSampler?: NodeJS.Timeout;
}

const EVSE = { id: 1, connectorId: 1 };
const DATA_TRANSFER_VENDOR = 'org.independent.station';

export class IndependentChargingStation201 {
  private client: RpcClientLike | undefined;
  private control: ControlEndpoint | undefined;
  private readonly identity: string;
  readonly model: DeviceModel;
  private readonly defects: ReadonlySet<IndependentCs201Defect>;
  private readonly variants: ReadonlySet<IndependentCs201Variant>;
  private readonly queue: MessageQueue;
  private stopped = false;
  private networkUp = true;
  /** BootNotification answered Accepted since the last (re)boot. */
  private accepted = false;
  /** Pending or Rejected: only what B02/B03 allow. */
  private registration: 'none' | 'Pending' | 'Rejected' | 'Accepted' = 'none';
  private bootReason: string = 'PowerUp';
  /** The critical security event of the last start-up, until an accepted boot lets us send it (A04). */
  private startupEvent: 'StartupOfTheDevice' | 'ResetOrReboot' | undefined = 'StartupOfTheDevice';
  private timers = new Set<NodeJS.Timeout>();
  private heartbeat: NodeJS.Timeout | undefined;
  private aligned: NodeJS.Timeout | undefined;
  private offlineSince: number | undefined;
  private reconnectTries = 0;
  /** The EVSE's TransactionEvent counter (continuous-seqno; the seqno defect keeps it with the connection). */
  private nextSeqNo = 0;
  /** Which entry of NetworkConfigurationPriority we connect with, and how often it failed in a row. */
  private slotIndex = 0;
  private slotFailures = 0;

  // The EVSE as the hardware sees it.
  /** The EV is connected (both cable ends in). */
  private plugged = false;
  /** The cable is in our socket (Occupied), whether or not its other end is in the EV. */
  private cableInSocket = false;
  private evSuspended = false;
  /** The contactor is closed and the EV may draw energy. */
  private energyFlowing = false;
  private contactorTimer: NodeJS.Timeout | undefined;
  private faulted = false;
  private authorizedToken: IdToken | undefined;
  private stopToken: IdToken | undefined;
  private pendingRemoteStartId: number | undefined;
  private connectionTimer: NodeJS.Timeout | undefined;
  private tx: Transaction | undefined;
  /** Availability (G03/G04): persistent across reboots (B01.FR.07). */
  private stationOperative = true;
  private evseOperative = true;
  private scheduledAvailability: { station?: boolean; evse?: boolean } = {};
  private scheduledReset = false;
  private scheduledEvseReset = false;
  /** What the CSMS was last told about the connector, and whether it changed while offline. */
  private reportedStatus: ConnectorStatus | undefined;
  private changedOffline = false;
  private meterWh = 2000;

  constructor(private readonly opts: IndependentChargingStationOptions) {
    this.identity = opts.identity ?? 'CS001';
    this.defects = new Set(opts.defects ?? []);
    this.variants = new Set(opts.variants ?? []);
    this.model = new DeviceModel(0, this.identity);
    if (this.variants.has('authorize-remote-start')) this.model.set({ name: 'AuthCtrlr' }, { name: 'AuthorizeRemoteStart' }, 'true');
    if (this.variants.has('slots-zero-one')) this.model.restrict('OCPPCommCtrlr', 'NetworkConfigurationPriority', '0,1');
    if (this.variants.has('slots-one-two')) {
      this.model.restrict('OCPPCommCtrlr', 'NetworkConfigurationPriority', '1,2');
      this.model.update({ name: 'OCPPCommCtrlr' }, 'NetworkConfigurationPriority', '1');
    }
    if (this.variants.has('fixed-tx-points')) {
      this.model.fix('TxCtrlr', 'TxStartPoint', 'EVConnected,Authorized');
      this.model.fix('TxCtrlr', 'TxStopPoint', 'EVConnected,Authorized');
    }
    this.queue = new MessageQueue({
      send: (method, params) => this.call(method, params),
      online: () => this.client !== undefined && this.accepted,
      maxAttempts: () => this.model.number('OCPPCommCtrlr', 'MessageAttempts', 'TransactionEvent'),
      attemptIntervalS: () => this.model.number('OCPPCommCtrlr', 'MessageAttemptInterval', 'TransactionEvent'),
    });
  }

  async start(): Promise<{ controlUrl: string }> {
    this.control = await startControlEndpoint({
      reboot: async () => this.reboot('PowerUp', 'Reboot', 'AbnormalCondition'),
      powerFailure: async () => this.reboot('PowerUp', 'PowerLoss', 'AbnormalCondition'),
      networkDown: async () => this.setNetwork(false),
      networkUp: async () => this.setNetwork(true),
      plugIn: async () => this.plugIn(),
      unplug: async () => this.unplug(),
      unplugEvSide: async () => this.unplugEvSide(),
      presentIdToken: async (p) => this.presentIdToken(p.idToken as IdToken),
      evSuspend: async () => this.setSuspended(true),
      evResume: async () => this.setSuspended(false),
      fault: async () => this.setFault(true),
      clearFault: async () => this.setFault(false),
    });
    this.connect();
    return { controlUrl: this.control.url };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimers();
    this.queue.stop();
    await this.control?.close();
    await this.client?.close({ force: true }).catch(() => undefined);
  }

  // ---- timers ----

  private later(ms: number, fn: () => void): NodeJS.Timeout {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
    return t;
  }

  private cancel(t: NodeJS.Timeout | undefined): void {
    if (!t) return;
    clearTimeout(t);
    clearInterval(t);
    this.timers.delete(t);
  }

  private clearTimers(): void {
    for (const t of this.timers) {
      clearTimeout(t);
      clearInterval(t);
    }
    this.timers.clear();
    this.heartbeat = this.aligned = this.connectionTimer = this.contactorTimer = undefined;
    if (this.tx) this.tx.periodic = this.tx.endedSampler = undefined;
  }

  // ---- connection and registration (B01–B03, B04, network loss) ----

  private connect(): void {
    if (this.stopped || !this.networkUp) return;
    const client = new (ocppRpc.RPCClient as unknown as new (o: Params) => RpcClientLike)({
      endpoint: this.endpoint(), identity: this.identity, protocols: ['ocpp2.0.1'], strictMode: true, reconnect: false,
      callTimeoutMs: this.model.number('OCPPCommCtrlr', 'MessageTimeout', 'Default') * 1000,
    });
    this.registerHandlers(client);
    client.connect().then(() => {
      if (this.stopped || !this.networkUp) {
        void client.close({ force: true }).catch(() => undefined);
        return;
      }
      this.client = client;
      this.reconnectTries = 0;
      this.slotFailures = 0;
      if (this.defects.has('seqno-restarts-on-reconnect')) this.nextSeqNo = 0;
      client.on('close', () => {
        if (this.client !== client) return;
        this.client = undefined;
        this.wentOffline();
        this.scheduleReconnect();
      });
      if (!this.accepted) void this.boot();
      else void this.backOnline();
    }, () => {
      this.profileAttemptFailed();
      this.scheduleReconnect();
    });
  }

  /** The slots in NetworkConfigurationPriority order; slot 0 is the profile the station was installed with. */
  private prioritySlots(): number[] {
    return this.model.list('OCPPCommCtrlr', 'NetworkConfigurationPriority').map(Number);
  }

  /** The URL of the profile in use (B10): the first slot of the priority, or the next after repeated failures. */
  private endpoint(): string {
    const slots = this.prioritySlots();
    const slot = slots[this.slotIndex % Math.max(slots.length, 1)] ?? this.installedSlot;
    const profile = this.networkProfiles.get(slot) as { ocppCsmsUrl?: string } | undefined;
    return profile?.ocppCsmsUrl ?? this.opts.url;
  }

  /** B10.FR.07-like fallback: after NetworkProfileConnectionAttempts failed attempts, the next profile of the priority. */
  private profileAttemptFailed(): void {
    this.slotFailures += 1;
    if (this.slotFailures < this.model.number('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts')) return;
    this.slotFailures = 0;
    this.slotIndex += 1;
    this.reconnectTries = 0;
  }

  /** Back-off after a lost connection (B04 / OCPPCommCtrlr RetryBackOff*): doubling from the minimum. */
  private scheduleReconnect(): void {
    if (this.stopped || !this.networkUp) return;
    const min = this.model.number('OCPPCommCtrlr', 'RetryBackOffWaitMinimum');
    const repeat = this.model.number('OCPPCommCtrlr', 'RetryBackOffRepeatTimes');
    const range = this.model.number('OCPPCommCtrlr', 'RetryBackOffRandomRange');
    const waitS = min * 2 ** Math.min(this.reconnectTries, repeat) + Math.random() * range;
    this.reconnectTries += 1;
    this.later(Math.max(waitS, 0.2) * 1000, () => this.connect());
  }

  private wentOffline(): void {
    this.offlineSince ??= Date.now();
    this.cancel(this.heartbeat);
    this.heartbeat = undefined;
  }

  private async setNetwork(up: boolean): Promise<void> {
    this.networkUp = up;
    if (!up) {
      const client = this.client;
      this.client = undefined;
      this.wentOffline();
      await client?.close({ force: true }).catch(() => undefined);
    } else if (!this.client) {
      this.connect();
    }
  }

  private async call(method: string, params: Params): Promise<Params> {
    if (!this.client) throw new Error(`offline: ${method} not sent`);
    return await this.client.call(method, params) as Params;
  }

  private async boot(): Promise<void> {
    const res = await this.call('BootNotification', {
      reason: this.bootReason,
      chargingStation: { model: 'IND-201', vendorName: 'Independent', serialNumber: 'IND-0001', firmwareVersion: '0.9.3' },
    }).catch(() => undefined);
    if (!res) return;
    const interval = Number(res.interval);
    this.registration = res.status as 'Accepted' | 'Pending' | 'Rejected';
    if (res.status === 'Accepted') {
      this.accepted = true;
      this.offlineSince = undefined;
      if (interval > 0) this.model.update({ name: 'OCPPCommCtrlr' }, 'HeartbeatInterval', String(interval));
      this.restartHeartbeat();
      this.restartAligned();
      // B01.FR.05: the state of every connector after an accepted boot, as a StatusNotification; A04: the
      // start-up is a critical security event, always reported (no order between the two is required).
      const type = this.startupEvent;
      this.startupEvent = undefined;
      const securityEvent = async () => {
        if (type) await this.call('SecurityEventNotification', { type, timestamp: new Date().toISOString() }).catch(() => undefined);
      };
      if (this.variants.has('security-event-first')) await securityEvent();
      await this.sendStatusNotification(this.connectorStatus());
      if (!this.variants.has('security-event-first')) await securityEvent();
      await this.queue.flush();
      return;
    }
    // Pending / Rejected: again after the interval (B02.FR.08, B03.FR.06), our own 10 s when it is 0.
    this.later((interval > 0 ? interval : 10) * 1000, () => {
      if (this.client && !this.accepted) void this.boot();
    });
  }

  /** Reconnected without a reboot (B04): the connector status if it changed (or all after OfflineThreshold), then the queue. */
  private async backOnline(): Promise<void> {
    const offlineS = this.offlineSince === undefined ? 0 : (Date.now() - this.offlineSince) / 1000;
    this.offlineSince = undefined;
    this.restartHeartbeat();
    const status = this.connectorStatus();
    if (offlineS > this.model.number('OCPPCommCtrlr', 'OfflineThreshold') || (this.changedOffline && status !== this.reportedStatus)) {
      await this.reportStatus(status);
    }
    this.changedOffline = false;
    await this.queue.flush();
  }

  private restartHeartbeat(): void {
    this.cancel(this.heartbeat);
    const s = this.model.number('OCPPCommCtrlr', 'HeartbeatInterval');
    if (s > 0) {
      this.heartbeat = setInterval(() => {
        if (this.client && this.accepted) void this.call('Heartbeat', {}).catch(() => undefined);
      }, s * 1000);
      this.timers.add(this.heartbeat);
    }
  }

  /** A reboot by power cycle or Reset: an open transaction ends (queued), the connection goes, we boot again. */
  private async reboot(bootReason: string, stoppedReason: string, triggerReason: string): Promise<void> {
    if (this.tx) this.endTransaction(triggerReason, stoppedReason);
    this.authorizedToken = undefined;
    this.pendingRemoteStartId = undefined;
    this.scheduledReset = false;
    if (this.defects.has('availability-not-persistent')) this.stationOperative = this.evseOperative = true;
    this.applyScheduledAvailability();
    this.accepted = false;
    this.registration = 'none';
    this.bootReason = bootReason;
    this.slotIndex = 0;
    this.slotFailures = 0;
    this.startupEvent = bootReason === 'PowerUp' ? 'StartupOfTheDevice' : 'ResetOrReboot';
    this.reportedStatus = undefined;
    this.changedOffline = false;
    this.clearTimers();
    const client = this.client;
    this.client = undefined;
    await client?.close({ code: 1000, force: true }).catch(() => undefined);
    this.later(300, () => this.connect());
  }

  // ---- incoming requests ----

  private registerHandlers(client: RpcClientLike): void {
    const guarded = (method: string, handler: (p: Params) => unknown, allowedWhilePending = false) => {
      client.handle(method, ({ params }) => {
        // B02.FR.09 / B03.FR.08: not yet accepted → only what the CSMS may send while Pending.
        if (this.registration === 'Rejected' || (this.registration !== 'Accepted' && !allowedWhilePending)) {
          throw new ocppRpc.RPCSecurityError('not accepted by the CSMS yet');
        }
        return handler(params);
      });
    };
    guarded('GetVariables', (p) => this.getVariables(p), true);
    guarded('SetVariables', (p) => this.setVariables(p), true);
    guarded('GetBaseReport', (p) => this.getBaseReport(p), true);
    guarded('Reset', (p) => this.reset(p));
    guarded('ChangeAvailability', (p) => this.changeAvailability(p));
    // B02.FR.05: while Pending a remote start or stop is answered Rejected, not refused.
    guarded('RequestStartTransaction', (p) => (this.registration === 'Pending' ? { status: 'Rejected' } : this.requestStart(p)), true);
    guarded('RequestStopTransaction', (p) => (this.registration === 'Pending' ? { status: 'Rejected' } : this.requestStop(p)), true);
    guarded('GetTransactionStatus', (p) => this.transactionStatus(p));
    guarded('TriggerMessage', (p) => this.trigger(p), true);
    guarded('DataTransfer', (p) => this.dataTransfer(p));
    guarded('SetNetworkProfile', (p) => this.setNetworkProfile(p));
  }

  private getVariables(p: Params): Params {
    const items = p.getVariableData as { component: ComponentRef; variable: VariableRef; attributeType?: string }[];
    return {
      getVariableResult: items.map((d) => {
        const r = this.model.get(d.component, d.variable, d.attributeType);
        return {
          // B06/B05.FR.12: no attributeType asked means Actual, and the result says so.
          attributeStatus: r.status, component: d.component, variable: d.variable, attributeType: d.attributeType ?? 'Actual',
          ...(r.value !== undefined ? { attributeValue: r.value } : {}),
        };
      }),
    };
  }

  private setVariables(p: Params): Params {
    const items = p.setVariableData as { component: ComponentRef; variable: VariableRef; attributeValue: string; attributeType?: string }[];
    const results = items.map((d) => {
      // B10: a priority may only name slots that hold a profile.
      const unknownSlot = d.component.name === 'OCPPCommCtrlr' && d.variable.name === 'NetworkConfigurationPriority'
        && d.attributeValue.split(',').some((x) => Number(x) !== this.installedSlot && !this.networkProfiles.has(Number(x)));
      const status = unknownSlot ? 'Rejected' : this.model.set(d.component, d.variable, d.attributeValue, d.attributeType);
      return { attributeStatus: status, component: d.component, variable: d.variable, attributeType: d.attributeType ?? 'Actual' };
    });
    // Settings that act at once when they change.
    setImmediate(() => {
      for (const d of items) {
        if (d.variable.name === 'HeartbeatInterval') this.restartHeartbeat();
        if (d.component.name === 'AlignedDataCtrlr') this.restartAligned();
        if ((d.component.name === 'SampledDataCtrlr' || d.component.name === 'AlignedDataCtrlr') && this.tx) this.restartSampling(this.tx);
      }
    });
    return { setVariableResult: results };
  }

  private getBaseReport(p: Params): Params {
    const base = p.reportBase as string;
    if (base !== 'FullInventory' && base !== 'ConfigurationInventory') return { status: 'NotSupported' };
    const requestId = p.requestId as number;
    const rows = this.model.report(base);
    const per = this.variants.has('report-in-one-part') ? rows.length : this.model.number('DeviceDataCtrlr', 'ItemsPerMessage', 'GetReport');
    // After the response: the parts follow it (B07.FR.03).
    this.later(50, () => void this.sendReport(requestId, rows, per));
    return { status: 'Accepted' };
  }

  private async sendReport(requestId: number, rows: Params[], per: number): Promise<void> {
    const generatedAt = new Date().toISOString();
    const first = this.defects.has('report-seqno-from-one') ? 1 : 0;
    for (let i = 0, seqNo = first; i < rows.length; i += per, seqNo += 1) {
      const tbc = i + per < rows.length;
      await this.call('NotifyReport', { requestId, generatedAt, seqNo, tbc, reportData: rows.slice(i, i + per) }).catch(() => undefined);
    }
  }

  private reset(p: Params): Params {
    if (p.evseId !== undefined) {
      // Without reset per EVSE (C-13) the request is Rejected (B12.FR.xx lets us); with it, only the EVSE restarts.
      if (!this.variants.has('reset-per-evse') || p.evseId !== EVSE.id) return { status: 'Rejected' };
      if (this.tx && p.type === 'OnIdle') {
        this.scheduledEvseReset = true;
        return { status: 'Scheduled' };
      }
      if (this.tx) setImmediate(() => this.endTransaction('ResetCommand', 'ImmediateReset'));
      return { status: 'Accepted' };
    }
    if (this.tx && p.type === 'OnIdle') {
      this.scheduledReset = true;
      return { status: 'Scheduled' };
    }
    this.later(100, () => void this.reboot('RemoteReset', 'ImmediateReset', 'ResetCommand'));
    return { status: 'Accepted' };
  }

  private changeAvailability(p: Params): Params {
    const operative = p.operationalStatus === 'Operative';
    const evse = p.evse as { id: number; connectorId?: number } | undefined;
    const whole = !evse || evse.id === 0;
    if (evse && evse.id !== 0 && (evse.id !== EVSE.id || (evse.connectorId !== undefined && evse.connectorId !== EVSE.connectorId))) {
      return { status: 'Rejected' };
    }
    // A transaction in progress: the change waits for its end (G03.FR.05).
    if (this.tx && !operative) {
      if (whole) this.scheduledAvailability.station = false;
      else this.scheduledAvailability.evse = false;
      return { status: 'Scheduled' };
    }
    if (whole) this.stationOperative = operative;
    else this.evseOperative = operative;
    setImmediate(() => void this.statusMayHaveChanged());
    return { status: 'Accepted' };
  }

  private applyScheduledAvailability(): void {
    if (this.scheduledAvailability.station !== undefined) this.stationOperative = this.scheduledAvailability.station;
    if (this.scheduledAvailability.evse !== undefined) this.evseOperative = this.scheduledAvailability.evse;
    this.scheduledAvailability = {};
  }

  private requestStart(p: Params): Params {
    const evseId = p.evseId as number | undefined;
    if ((evseId !== undefined && evseId !== EVSE.id) || !this.operative || this.faulted || this.authorizedToken) {
      return { status: 'Rejected' };
    }
    const idToken = p.idToken as IdToken;
    const remoteStartId = p.remoteStartId as number;
    const existing = this.tx?.id;
    setImmediate(() => void this.remoteAuthorize(idToken, remoteStartId));
    return { status: 'Accepted', ...(existing ? { transactionId: existing } : {}) };
  }

  private async remoteAuthorize(idToken: IdToken, remoteStartId: number): Promise<void> {
    if (this.model.value('AuthCtrlr', 'AuthorizeRemoteStart') === 'true') {
      const status = await this.authorize(idToken);
      if (status !== 'Accepted') return;
    }
    this.pendingRemoteStartId = remoteStartId;
    this.authorized(idToken, 'RemoteStart');
  }

  private requestStop(p: Params): Params {
    if (!this.tx || this.tx.id !== p.transactionId) return { status: 'Rejected' };
    setImmediate(() => this.deauthorize('RemoteStop', 'Remote'));
    return { status: 'Accepted' };
  }

  private transactionStatus(p: Params): Params {
    const id = p.transactionId as string | undefined;
    const messagesInQueue = this.queue.holds(id);
    if (id === undefined) return { messagesInQueue };
    return { ongoingIndicator: this.tx?.id === id, messagesInQueue };
  }

  private trigger(p: Params): Params {
    const what = p.requestedMessage as string;
    const evse = p.evse as { id: number } | undefined;
    if (evse && evse.id !== EVSE.id) return { status: 'Rejected' };
    if (this.registration !== 'Accepted' && what !== 'BootNotification') return { status: 'Rejected' };
    switch (what) {
      case 'BootNotification':
        this.bootReason = 'Triggered';
        this.later(50, () => void this.boot());
        break;
      case 'Heartbeat': this.later(50, () => void this.call('Heartbeat', {}).catch(() => undefined)); break;
      case 'StatusNotification': this.later(50, () => void this.sendStatusNotification(this.connectorStatus())); break;
      case 'MeterValues': this.later(50, () => void this.sendMeterValues('Trigger')); break;
      case 'TransactionEvent':
        if (!this.tx) return { status: 'Rejected' };
        this.later(50, () => this.transactionEvent('Updated', 'Trigger', {}));
        break;
      default: return { status: 'NotImplemented' };
    }
    return { status: 'Accepted' };
  }

  /** B09: a profile for a slot we have (0–2) at no lower security profile is stored; it is used only after a reboot. */
  private readonly networkProfiles = new Map<number, Params>();
  /** The slot of the profile the station was installed with (our constructor's url): never overwritten here. */
  private get installedSlot(): number {
    return Number(this.model.allowed('OCPPCommCtrlr', 'NetworkConfigurationPriority')[0]);
  }

  private setNetworkProfile(p: Params): Params {
    const slot = p.configurationSlot as number;
    const data = p.connectionData as { securityProfile: number; ocppVersion: string };
    // B09.FR.05: only a slot NetworkConfigurationPriority can name.
    const slots = this.model.allowed('OCPPCommCtrlr', 'NetworkConfigurationPriority').map(Number);
    if (!slots.includes(slot) || slot === this.installedSlot || data.ocppVersion !== 'OCPP20' || data.securityProfile < this.model.number('SecurityCtrlr', 'SecurityProfile')) {
      return { status: 'Rejected' };
    }
    this.networkProfiles.set(slot, data);
    return { status: 'Accepted' };
  }

  private dataTransfer(p: Params): Params {
    // P01: an unknown vendor is UnknownVendorId, or plainly Rejected by a station that tells nothing (variant).
    if (p.vendorId !== DATA_TRANSFER_VENDOR) return { status: this.variants.has('datatransfer-rejected') ? 'Rejected' : 'UnknownVendorId' };
    if (p.messageId !== 'Ping') return { status: 'UnknownMessageId' };
    return { status: 'Accepted', data: 'Pong' };
  }

  // ---- connector status (G01 / G03 / G04) ----

  private get operative(): boolean {
    return this.stationOperative && this.evseOperative;
  }

  private connectorStatus(): ConnectorStatus {
    if (this.faulted) return 'Faulted';
    if (this.cableInSocket || this.tx) return 'Occupied';
    return this.operative ? 'Available' : 'Unavailable';
  }

  /** Report the connector's status if it changed: StatusNotification, or NotifyEvent in that variant. */
  private async statusMayHaveChanged(): Promise<void> {
    const status = this.connectorStatus();
    this.model.update({ name: 'Connector', evse: EVSE }, 'AvailabilityState', status);
    this.model.update({ name: 'EVSE', evse: { id: 1 } }, 'AvailabilityState', status);
    if (status === this.reportedStatus) return;
    if (!this.client || !this.accepted) {
      this.changedOffline = true;
      return;
    }
    await this.reportStatus(status);
  }

  /** A status report after boot: StatusNotification, or NotifyEvent in that variant (G01.FR.03–07). */
  private async reportStatus(status: ConnectorStatus): Promise<void> {
    if (this.variants.has('status-via-notify-event')) await this.sendStatusEvent(status);
    else await this.sendStatusNotification(status);
  }

  private async sendStatusNotification(status: ConnectorStatus): Promise<void> {
    this.reportedStatus = status;
    await this.call('StatusNotification', { timestamp: new Date().toISOString(), connectorStatus: status, evseId: EVSE.id, connectorId: EVSE.connectorId })
      .catch(() => {
      // Lost with the connection: the CSMS does not know it, report it once back.
      this.reportedStatus = undefined;
      this.changedOffline = true;
    });
  }

  private eventId = 1;

  private async sendStatusEvent(status: ConnectorStatus): Promise<void> {
    this.reportedStatus = status;
    const now = new Date().toISOString();
    if (this.variants.has('evse-availability-events')) {
      // The EVSE's own AvailabilityState first (optional, Part 6 Table 424 note), then the connector's.
      await this.call('NotifyEvent', {
        generatedAt: now, seqNo: 0, tbc: false,
        eventData: [{
          eventId: this.eventId++, timestamp: now, trigger: 'Delta', actualValue: status, eventNotificationType: 'HardWiredNotification',
          component: { name: 'EVSE', evse: { id: EVSE.id } }, variable: { name: 'AvailabilityState' },
        }],
      }).catch(() => undefined);
    }
    await this.call('NotifyEvent', {
      generatedAt: now, seqNo: 0, tbc: false,
      eventData: [{
        eventId: this.eventId++, timestamp: now, trigger: 'Delta', actualValue: status, eventNotificationType: 'HardWiredNotification',
        component: { name: 'Connector', evse: EVSE }, variable: { name: 'AvailabilityState' },
      }],
    }).catch(() => {
      // Lost with the connection: the CSMS does not know it, report it once back.
      this.reportedStatus = undefined;
      this.changedOffline = true;
    });
  }

  // ---- the driver, the cable and the EV (control endpoint) ----

  private async plugIn(): Promise<void> {
    this.plugged = true;
    this.cableInSocket = true;
    this.cancel(this.connectionTimer);
    await this.statusMayHaveChanged();
    this.evaluate('CablePluggedIn');
  }

  private async unplug(): Promise<void> {
    this.cableInSocket = false;
    this.plugged = false;
    this.evSuspended = false;
    this.evaluate('EVCommunicationLost', 'EVDisconnected');
    if (!this.tx) {
      // The cable is out: a stop-authorization that waited for it is over too.
      this.authorizedToken = undefined;
    }
    await this.statusMayHaveChanged();
  }

  /**
   * The cable pulled out of the EV, still in our socket (E09/E10). StopTxOnEVSideDisconnect is true here: the
   * transaction ends and the authorization with it (E09.FR.01); the socket unlocks (UnlockOnEVSideDisconnect).
   */
  private async unplugEvSide(): Promise<void> {
    this.plugged = false;
    this.evSuspended = false;
    this.energyFlowing = false;
    if (this.tx) this.endTransaction('EVCommunicationLost', 'EVDisconnected');
    this.authorizedToken = undefined;
    this.pendingRemoteStartId = undefined;
    await this.statusMayHaveChanged();
  }

  private async setSuspended(suspended: boolean): Promise<void> {
    this.evSuspended = suspended;
    this.evaluate('ChargingStateChanged', 'StoppedByEV');
  }

  private async setFault(faulted: boolean): Promise<void> {
    this.faulted = faulted;
    await this.statusMayHaveChanged();
  }

  private async presentIdToken(idToken: IdToken): Promise<void> {
    if (this.authorizedToken) {
      // The same token again ends the authorization (E07: stop by the same identifier, without asking the CSMS).
      if (this.authorizedToken.idToken === idToken.idToken) {
        this.stopToken = idToken;
        this.deauthorize('StopAuthorized', 'Local');
      }
      return;
    }
    if (!this.operative || this.faulted) return;
    const status = await this.authorize(idToken);
    if (status === 'Accepted') this.authorized(idToken, 'Authorized');
  }

  private async authorize(idToken: IdToken): Promise<string | undefined> {
    const res = await this.call('Authorize', { idToken }).catch(() => undefined);
    return (res?.idTokenInfo as { status?: string } | undefined)?.status;
  }

  private authorized(idToken: IdToken, trigger: string): void {
    this.authorizedToken = idToken;
    if (!this.plugged) {
      // E03/E05: wait EVConnectionTimeOut for the cable.
      this.cancel(this.connectionTimer);
      this.connectionTimer = this.later(this.model.number('TxCtrlr', 'EVConnectionTimeOut') * 1000, () => {
        if (this.plugged || !this.authorizedToken) return;
        this.authorizedToken = undefined;
        this.pendingRemoteStartId = undefined;
        if (this.tx) this.endTransaction('EVConnectTimeout', 'Timeout');
      });
    }
    this.evaluate(trigger, undefined, idToken);
  }

  private deauthorize(trigger: string, stoppedReason: string): void {
    this.cancel(this.connectionTimer);
    this.authorizedToken = undefined;
    this.pendingRemoteStartId = undefined;
    this.evaluate(trigger, stoppedReason, undefined);
  }

  // ---- flexible transactions (E01 start points, E06 stop points) ----

  private points(name: 'TxStartPoint' | 'TxStopPoint'): TxPoint[] {
    return this.model.list('TxCtrlr', name) as TxPoint[];
  }

  private get powerPathClosed(): boolean {
    return this.plugged && this.authorizedToken !== undefined && this.operative && !this.faulted;
  }

  /**
   * Whether a Tx point's condition holds. The power path counts as closed for a start once the contactor has
   * followed it (its own ChargingStateChanged), for a stop as soon as cable or authorization are gone.
   */
  private holds(point: TxPoint, forStart = false): boolean {
    switch (point) {
      case 'EVConnected': return this.plugged;
      case 'Authorized': return this.authorizedToken !== undefined;
      case 'PowerPathClosed': return forStart ? this.energyFlowing : this.powerPathClosed;
      case 'EnergyTransfer': return this.plugged && this.energyFlowing && !this.evSuspended;
    }
  }

  private chargingState(): ChargingState {
    if (!this.plugged) return 'Idle';
    if (!this.energyFlowing) return 'EVConnected';
    return this.evSuspended ? 'SuspendedEV' : 'Charging';
  }

  /**
   * After any change of cable, authorization or EV: start a transaction at the first start point reached,
   * end it when a stop point that held is no longer true, else report a changed charging state.
   */
  private evaluate(trigger: string, stoppedReason?: string, idToken?: IdToken): void {
    if (!this.plugged) this.energyFlowing = false;
    if (this.variants.has('charging-with-trigger')) this.energyFlowing = this.powerPathClosed;
    if (!this.tx) {
      if (this.points('TxStartPoint').some((p) => this.holds(p, true))) this.startTransaction(trigger, idToken);
    } else {
      const tx = this.tx;
      for (const p of this.points('TxStopPoint')) if (this.holds(p)) tx.held.add(p);
      const fallen = this.points('TxStopPoint').find((p) => tx.held.has(p) && !this.holds(p));
      if (fallen) {
        // A stop token's driver or the remote stop ended the authorization; otherwise the cable or EV ended it.
        const reason = stoppedReason ?? (fallen === 'EnergyTransfer' ? 'StoppedByEV' : 'Other');
        this.endTransaction(trigger, reason);
        return;
      }
      const state = this.chargingState();
      if (idToken || state !== tx.chargingState || trigger === 'StopAuthorized' || trigger === 'RemoteStop') {
        const extra: Params = {};
        if (idToken) extra.idToken = idToken;
        if (trigger === 'RemoteStart' && this.pendingRemoteStartId !== undefined) extra.remoteStartId = this.pendingRemoteStartId;
        tx.chargingState = state;
        this.transactionEvent('Updated', trigger, extra);
      }
    }
    this.followPowerPath();
  }

  /**
   * The contactor follows the power path a moment later: energy starts (or stops) flowing as a change of its
   * own, reported as ChargingStateChanged after the event that closed (or opened) the path.
   */
  private followPowerPath(): void {
    if (this.powerPathClosed === this.energyFlowing || this.contactorTimer) return;
    this.contactorTimer = this.later(150, () => {
      this.contactorTimer = undefined;
      if (this.powerPathClosed === this.energyFlowing) return;
      this.energyFlowing = this.powerPathClosed;
      this.evaluate('ChargingStateChanged', this.energyFlowing ? undefined : 'Local');
    });
  }

  private startTransaction(trigger: string, idToken?: IdToken): void {
    const tx: Transaction = { id: randomUUID(), seqNo: 0, chargingState: this.chargingState(), held: new Set(), endedSamples: [] };
    for (const p of this.points('TxStopPoint')) if (this.holds(p)) tx.held.add(p);
    this.tx = tx;
    const extra: Params = {};
    const token = idToken ?? this.authorizedToken;
    if (token) extra.idToken = token;
    if (this.pendingRemoteStartId !== undefined) extra.remoteStartId = this.pendingRemoteStartId;
    const begin = this.meterValue('Transaction.Begin', this.model.list('SampledDataCtrlr', 'TxStartedMeasurands'));
    if (begin) extra.meterValue = [begin];
    this.transactionEvent('Started', trigger, extra);
    this.restartSampling(tx);
  }

  private endTransaction(trigger: string, stoppedReason: string): void {
    const tx = this.tx;
    if (!tx) return;
    this.cancel(tx.periodic);
    this.cancel(tx.endedSampler);
    this.cancel(tx.alignedEndedSampler);
    tx.chargingState = this.plugged ? 'EVConnected' : 'Idle';
    const end = this.meterValue('Transaction.End', this.model.list('SampledDataCtrlr', 'TxEndedMeasurands'));
    const meterValue = [...tx.endedSamples, ...(end ? [end] : [])];
    const extra: Params = { stoppedReason };
    if (this.stopToken) extra.idToken = this.stopToken;
    if (meterValue.length > 0) extra.meterValue = meterValue;
    this.transactionEvent('Ended', trigger, extra);
    this.tx = undefined;
    this.energyFlowing = false;
    this.stopToken = undefined;
    this.authorizedToken = undefined;
    this.pendingRemoteStartId = undefined;
    this.applyScheduledAvailability();
    setImmediate(() => void this.statusMayHaveChanged());
    this.scheduledEvseReset = false;
    if (this.scheduledReset) this.later(200, () => void this.reboot('ScheduledReset', 'Other', 'ResetCommand'));
  }

  /** Build and queue one TransactionEvent of the current transaction (E01–E07, E12). */
  private transactionEvent(eventType: 'Started' | 'Updated' | 'Ended', triggerReason: string, extra: Params): void {
    const tx = this.tx;
    if (!tx) return;
    const { stoppedReason, remoteStartId, ...rest } = extra;
    const transactionInfo: Params = { transactionId: tx.id, chargingState: tx.chargingState };
    if (stoppedReason) transactionInfo.stoppedReason = stoppedReason;
    if (remoteStartId !== undefined) transactionInfo.remoteStartId = remoteStartId;
    const shared = this.defects.has('seqno-restarts-on-reconnect') || this.variants.has('continuous-seqno');
    const seqNo = shared ? this.nextSeqNo++ : tx.seqNo++;
    const params: Params = {
      eventType, timestamp: new Date().toISOString(), triggerReason, seqNo, transactionInfo,
      ...(eventType === 'Started' || !this.variants.has('evse-once') ? { evse: EVSE } : {}), ...rest,
      ...(this.client && this.accepted ? {} : { offline: true }),
    };
    void this.queue.push('TransactionEvent', params, tx.id).then((res) => this.onTransactionEventAnswer(tx, res));
  }

  /** E05: an idToken the CSMS finds invalid in a TransactionEventResponse ends the transaction (StopTxOnInvalidId). */
  private onTransactionEventAnswer(tx: Transaction, res: Params | undefined): void {
    const info = res?.idTokenInfo as { status?: string } | undefined;
    if (!info || info.status === 'Accepted' || this.tx !== tx) return;
    if (this.model.value('TxCtrlr', 'StopTxOnInvalidId') !== 'true') return;
    this.authorizedToken = undefined;
    this.endTransaction('Deauthorized', 'DeAuthorized');
  }

  // ---- meter values (J01, J02) ----

  private meterValue(context: string, measurands: string[]): Params | undefined {
    if (measurands.length === 0) return undefined;
    this.meterWh += this.chargingState() === 'Charging' ? 25 : 0;
    return { timestamp: new Date().toISOString(), sampledValue: sampledValues(this.meterWh, context, measurands, this.chargingState() === 'Charging', this.variants.has('meter-defaults-omitted')) };
  }

  private restartSampling(tx: Transaction): void {
    this.cancel(tx.periodic);
    this.cancel(tx.endedSampler);
    this.cancel(tx.alignedEndedSampler);
    tx.periodic = tx.endedSampler = tx.alignedEndedSampler = undefined;
    this.armAlignedEnded(tx);
    const updatedS = this.model.number('SampledDataCtrlr', 'TxUpdatedInterval');
    if (updatedS > 0) {
      tx.periodic = setInterval(() => {
        const mv = this.meterValue('Sample.Periodic', this.model.list('SampledDataCtrlr', 'TxUpdatedMeasurands'));
        if (mv && this.tx === tx) this.transactionEvent('Updated', 'MeterValuePeriodic', { meterValue: [mv] });
      }, updatedS * 1000);
      this.timers.add(tx.periodic);
    }
    const endedS = this.model.number('SampledDataCtrlr', 'TxEndedInterval');
    if (endedS > 0) {
      tx.endedSampler = setInterval(() => {
        const mv = this.meterValue('Sample.Periodic', this.model.list('SampledDataCtrlr', 'TxEndedMeasurands'));
        if (mv) tx.endedSamples.push(mv);
      }, endedS * 1000);
      this.timers.add(tx.endedSampler);
    }
  }

  /** J02: clock-aligned readings for the Ended event, every AlignedDataCtrlr.TxEndedInterval on the clock. */
  private armAlignedEnded(tx: Transaction): void {
    const intervalS = this.model.number('AlignedDataCtrlr', 'TxEndedInterval');
    if (!(intervalS > 0) || this.tx !== tx) return;
    tx.alignedEndedSampler = this.later(msToBoundary(intervalS), () => {
      const mv = this.meterValue('Sample.Clock', this.model.list('AlignedDataCtrlr', 'TxEndedMeasurands'));
      if (mv && this.tx === tx) tx.endedSamples.push(mv);
      this.armAlignedEnded(tx);
    });
  }

  /** Clock-aligned readings on boundaries counted from midnight UTC (J01): MeterValues idle, TransactionEvent in a transaction. */
  private restartAligned(): void {
    this.cancel(this.aligned);
    this.aligned = undefined;
    const intervalS = this.model.number('AlignedDataCtrlr', 'Interval');
    if (!(intervalS > 0)) return;
    this.aligned = this.later(msToBoundary(intervalS), () => {
      this.aligned = undefined;
      void this.sendMeterValues('Sample.Clock');
      this.restartAligned();
    });
  }

  private async sendMeterValues(context: string): Promise<void> {
    if (!this.client || !this.accepted) return;
    const mv = this.meterValue(context, this.model.list('AlignedDataCtrlr', 'Measurands'));
    if (!mv) return;
    // J01.FR.xx SendDuringIdle: clock-aligned readings only while no transaction runs.
    if (this.tx && context === 'Sample.Clock' && this.model.value('AlignedDataCtrlr', 'SendDuringIdle') === 'true') return;
    if (this.tx && context === 'Sample.Clock') {
      this.transactionEvent('Updated', 'MeterValueClock', { meterValue: [mv] });
      return;
    }
    const evseId = this.tx || this.variants.has('aligned-per-evse') ? EVSE.id : 0;
    await this.call('MeterValues', { evseId, meterValue: [mv] }).catch(() => undefined);
  }
}

/** Milliseconds to the next boundary of an interval counted from midnight UTC (J01.FR.xx clock alignment). */
function msToBoundary(intervalS: number): number {
  const ms = intervalS * 1000;
  const now = Date.now();
  const midnight = new Date(now).setUTCHours(0, 0, 0, 0);
  return midnight + Math.ceil((now - midnight + 1) / ms) * ms - now;
}
