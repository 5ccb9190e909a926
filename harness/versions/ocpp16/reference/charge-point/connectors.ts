// Connectors: their state, the status each state means (OCPP 1.6 §4.9, §7.7), StatusNotification
// reporting (MinimumStatusDuration, catching up after being offline) and the simulated energy meter.

import type { CpCore, Session } from './core.js';
import {
  NOMINAL_POWER_W,
  nowIso,
  type Connector,
  type ConnectorStatus,
  type Fault,
  type Payload,
} from './types.js';

export interface StatusInputs {
  /** The reservation that binds this connector now, if any (Reservation module). */
  reservedFor(c: Connector): boolean;
  /** The power the connector may draw now, in W (Smart Charging module). */
  powerLimitW(c: Connector): number;
}

export class Connectors {
  readonly map = new Map<number, Connector>();
  /** Connector 0: the charge point as a whole. */
  readonly cp0: { operative: boolean; status: 'Available' | 'Unavailable' | 'Faulted'; fault?: Fault; reported?: string } = {
    operative: true,
    status: 'Available',
  };
  inputs: StatusInputs = { reservedFor: () => false, powerLimitW: () => NOMINAL_POWER_W };
  /** Firmware is being installed: the idle connectors and the charge point are Unavailable (not persistent). */
  firmwareInstalling = false;
  private readonly pendingReports = new Map<number, NodeJS.Timeout>();

  constructor(private readonly core: CpCore, ids: number[]) {
    if (ids.length === 0) throw new Error('a charge point needs at least one connector');
    for (const id of ids) {
      if (!Number.isInteger(id) || id < 1) throw new Error(`invalid connector id ${id}`);
      if (this.map.has(id)) throw new Error(`duplicate connector id ${id}`);
      this.map.set(id, {
        id, status: 'Available', errorCode: 'NoError', plugged: false, operative: true, scheduledInoperative: false,
        finishing: false, evSuspended: false, lockFailureNext: false, unlockFailureNext: false, busy: false,
        energyWh: 1000, flowSince: Date.now(), powerW: 0,
      });
    }
    core.hooks.bootAccepted.push((s) => this.reportAll(s));
    core.hooks.resumed.push(() => this.reportChanged());
  }

  all(): Connector[] {
    return [...this.map.values()];
  }

  get(id: number | undefined): Connector | undefined {
    return id === undefined ? undefined : this.map.get(id);
  }

  /** A connector from a control parameter (number or numeric string; omitted: the only connector). */
  fromParam(v: unknown): Connector | undefined {
    if (v === undefined && this.map.size === 1) return this.all()[0];
    const id = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : typeof v === 'number' && Number.isInteger(v) ? v : undefined;
    return id === undefined ? undefined : this.map.get(id);
  }

  /** Operative and not faulted: a new transaction may start here. */
  isUsable(c: Connector): boolean {
    return c.operative && this.cp0.operative && !this.firmwareInstalling && !c.fault && !this.cp0.fault;
  }

  /** The status the connector's state means (§4.9). */
  computeStatus(c: Connector): { status: ConnectorStatus; errorCode: string; info?: string } {
    if (c.fault) return { status: 'Faulted', errorCode: c.fault.errorCode, info: c.fault.info };
    if (c.tx) {
      if (c.tx.awaitingStart) return { status: 'Preparing', errorCode: 'NoError' };
      // The power failed during the transaction: it is over, its StopTransaction follows the boot.
      if (c.tx.interrupted) return { status: 'Finishing', errorCode: 'NoError' };
      if (!c.plugged || c.evSideDisconnected) return { status: 'SuspendedEV', errorCode: 'NoError', info: 'EV side disconnected' };
      // §4.9: SuspendedEVSE has precedence over SuspendedEV.
      if (c.tx.evseSuspended || this.inputs.powerLimitW(c) <= 0) return { status: 'SuspendedEVSE', errorCode: 'NoError' };
      if (c.evSuspended) return { status: 'SuspendedEV', errorCode: 'NoError' };
      return { status: 'Charging', errorCode: 'NoError' };
    }
    if (!c.operative || !this.cp0.operative || this.firmwareInstalling) return { status: 'Unavailable', errorCode: 'NoError' };
    // Quirk ev-side-stop-goes-available (conforming, Table 9 step 3): with the EV gone, nothing is left to finish.
    if (c.finishing && c.evSideDisconnected && this.core.quirks.has('ev-side-stop-goes-available')) return { status: 'Available', errorCode: 'NoError' };
    if (c.finishing) {
      // Quirk: an illegal transition (C → B is not in the table of §4.9).
      return { status: this.core.quirks.has('status-charging-to-preparing') ? 'Preparing' : 'Finishing', errorCode: 'NoError' };
    }
    if (c.pendingAuth) return { status: 'Preparing', errorCode: 'NoError' };
    if (this.inputs.reservedFor(c)) return { status: 'Reserved', errorCode: 'NoError' };
    if (c.plugged) return { status: 'Preparing', errorCode: 'NoError' };
    return { status: 'Available', errorCode: 'NoError' };
  }

  /** Recompute the connector's status; report it when it changed; adjust the energy flow. */
  refresh(c: Connector, info?: string): void {
    const next = this.computeStatus(c);
    const nextInfo = info ?? next.info;
    this.setFlow(c, next.status === 'Charging' ? Math.min(NOMINAL_POWER_W, this.inputs.powerLimitW(c)) : 0);
    if (c.status === next.status && c.errorCode === next.errorCode && c.info === nextInfo) return;
    c.status = next.status;
    c.errorCode = next.errorCode;
    c.info = nextInfo;
    this.core.log(`connector ${c.id} → ${c.status}${c.errorCode !== 'NoError' ? ` (${c.errorCode})` : ''}`);
    this.report(c.id);
  }

  refreshAll(): void {
    this.refreshCp0();
    for (const c of this.map.values()) this.refresh(c);
  }

  refreshCp0(): void {
    const status = this.cp0.fault ? 'Faulted' : this.cp0.operative && !this.firmwareInstalling ? 'Available' : 'Unavailable';
    if (this.cp0.status === status) return;
    this.cp0.status = status;
    this.report(0);
  }

  statusPayload(id: number): Payload {
    const c = this.map.get(id);
    const payload: Payload = {
      connectorId: id,
      errorCode: c ? c.errorCode : (this.cp0.fault?.errorCode ?? 'NoError'),
      status: c ? c.status : this.cp0.status,
      timestamp: nowIso(),
    };
    const info = c ? c.info : this.cp0.fault?.info;
    if (info) payload.info = info;
    return payload;
  }

  private reportKey(id: number): string {
    const p = this.statusPayload(id);
    return `${String(p.status)}/${String(p.errorCode)}`;
  }

  private markReported(id: number): void {
    const key = this.reportKey(id);
    const c = this.map.get(id);
    if (c) c.reported = key;
    else this.cp0.reported = key;
  }

  /**
   * Report a status change. Offline changes are not queued: after reconnecting the charge point
   * reports the statuses that changed (§4.9 rules 1–3). MinimumStatusDuration delays the report, and
   * a status that did not last that long is not reported at all.
   */
  report(id: number): void {
    if (!this.core.isOnline()) return;
    const delayS = this.core.config.int('MinimumStatusDuration');
    this.core.timers.cancel(this.pendingReports.get(id));
    this.pendingReports.delete(id);
    const send = (): void => {
      this.pendingReports.delete(id);
      if (!this.core.isOnline()) return;
      const c = this.map.get(id);
      if ((c ? c.reported : this.cp0.reported) === this.reportKey(id)) return;
      this.markReported(id);
      // A snapshot: the notification describes the status at the moment it changed (rule 4 of §4.9).
      const payload = this.statusPayload(id);
      void this.core.enqueue('StatusNotification', () => payload);
    };
    if (delayS > 0) this.pendingReports.set(id, this.core.timers.after(delayS * 1000, send));
    else send();
  }

  /** After a first Accepted: StatusNotification for connector 0 and each connector, before anything queued. */
  private reportAll(session: Session): void {
    const ids = [0, ...this.map.keys()];
    let rest = ids;
    if (this.core.quirks.has('two-outstanding-calls') && ids.length >= 2) {
      // First through ocpp-rpc (it is written at once: nothing is outstanding), second raw, right behind it.
      this.core.bg('StatusNotification', this.core.send(session, 'StatusNotification', this.statusPayload(ids[0]!)));
      this.core.sendRawCall(session, 'StatusNotification', this.statusPayload(ids[1]!));
      rest = ids.slice(2);
    }
    for (const id of ids) this.markReported(id);
    const payloads = rest.map((id) => this.statusPayload(id));
    this.core.outbox.unshift(payloads.map((p) => ({ action: 'StatusNotification', build: () => p })));
  }

  /** After reconnecting without a reboot: the statuses that changed while offline, in connector order. */
  private reportChanged(): void {
    for (const id of [0, ...this.map.keys()]) {
      const c = this.map.get(id);
      if ((c ? c.reported : this.cp0.reported) !== this.reportKey(id)) this.report(id);
    }
  }

  // ---------------------------------------------------------------- energy meter

  meterWh(c: Connector): number {
    return Math.floor(c.energyWh + ((Date.now() - c.flowSince) * c.powerW) / 3_600_000);
  }

  /** Total of all connectors (the main meter, connector 0). */
  mainMeterWh(): number {
    return this.all().reduce((sum, c) => sum + this.meterWh(c), 0);
  }

  setFlow(c: Connector, powerW: number): void {
    if (c.powerW === powerW) return;
    const now = Date.now();
    c.energyWh += ((now - c.flowSince) * c.powerW) / 3_600_000;
    c.flowSince = now;
    c.powerW = powerW;
  }
}
