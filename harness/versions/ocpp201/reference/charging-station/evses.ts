// The EVSEs of the reference charging station (one connector each): what is physically going on
// (cable, EV, parking bay, EV readiness, faults, availability), the connector status that follows
// from it, and its reporting with StatusNotification (B01, B04: all after a boot or a long offline
// period, the changed ones after a short one) — or, for changes, as a NotifyEvent of the Connector's
// AvailabilityState, the other form Part 2 G01.FR.03–07 allows. Also each EVSE's energy meter.

import type { StationCore } from './core.js';
import { nowIso, type ConnectorStatus } from './types.js';

/** Power drawn while charging (W): 16 A on three phases at 230 V. */
export const CHARGING_POWER_W = 11_040;
export const VOLTAGE_V = 230;

export class Evse {
  /** Cable in the station's socket. */
  cablePlugged = false;
  /** The other end of the cable in the EV. */
  evConnected = false;
  parkingBayOccupied = false;
  evSuspended = false;
  evNotReady = false;
  faulted = false;
  /** ChangeAvailability (kept across a reboot, B11.FR.02 / TC_B_23). */
  operative = true;
  /** The power path (contactor): closes and opens one step after the conditions say so. */
  relayClosed = false;
  /** Energy offering suspended by the station (StopTxOnInvalidId false, an invalid idToken). */
  suspendedByStation = false;
  /** Status last sent to the CSMS. */
  reported?: ConnectorStatus;
  private energyWh = 0;
  private lastAt = Date.now();

  constructor(readonly id: number) {}

  /** Charging now? (the meter runs) */
  get drawing(): boolean {
    return this.relayClosed && this.evConnected && this.cablePlugged && !this.evSuspended && !this.evNotReady;
  }

  /** Bring the meter up to now (call before any change of `drawing`). */
  tick(): void {
    const now = Date.now();
    if (this.drawing) this.energyWh += (CHARGING_POWER_W * (now - this.lastAt)) / 3_600_000;
    this.lastAt = now;
  }

  get meterWh(): number {
    this.tick();
    return Math.round(this.energyWh * 10) / 10;
  }

  get powerW(): number {
    return this.drawing ? CHARGING_POWER_W : 0;
  }
}

export class Evses {
  readonly list: Evse[];
  /** The station as a whole set Inoperative (ChangeAvailability without evse). */
  stationOperative = true;

  private eventId = 0;

  /** `changesVia`: how a status change is reported (after a boot or a long offline period it is always StatusNotification). */
  constructor(private readonly core: StationCore, ids: number[], private readonly changesVia: 'StatusNotification' | 'NotifyEvent' = 'StatusNotification') {
    this.list = ids.map((id) => new Evse(id));
    core.hooks.bootAccepted.push(() => this.reportAll());
    core.hooks.resumed.push((offlineMs) => {
      const threshold = core.dm.int('OCPPCommCtrlr', 'OfflineThreshold') * 1000;
      if (offlineMs > threshold && !core.quirks.has('statuses-not-reported-after-offline')) this.reportAll();
      else this.reportChanged();
    });
  }

  get(id: unknown): Evse | undefined {
    const n = id === undefined ? this.list[0]?.id : id;
    return this.list.find((e) => e.id === n);
  }

  status(e: Evse): ConnectorStatus {
    if (e.faulted) return 'Faulted';
    if (!e.operative || !this.stationOperative) return 'Unavailable';
    if (e.cablePlugged) return 'Occupied';
    return 'Available';
  }

  evseAvailability(e: Evse): string {
    return this.status(e);
  }

  stationAvailability(): string {
    if (!this.stationOperative) return 'Unavailable';
    return this.list.some((e) => this.status(e) === 'Available') ? 'Available' : this.list.some((e) => this.status(e) === 'Occupied') ? 'Occupied' : 'Unavailable';
  }

  /** Report the connector's status when it changed and the station is online. */
  refresh(e: Evse): void {
    if (!this.core.isOnline()) return;
    const s = this.status(e);
    if (s !== e.reported) this.sendChange(e, s);
  }

  /** After a cable was plugged in or pulled out (quirk cable-status-not-reported: the change is kept, not sent). */
  refreshCable(e: Evse): void {
    if (this.core.quirks.has('cable-status-not-reported')) e.reported = this.status(e);
    else this.refresh(e);
  }

  /** Quirk availability-change-not-reported: take the new status as reported without sending it. */
  absorb(e: Evse): void {
    e.reported = this.status(e);
  }

  refreshAll(): void {
    for (const e of this.list) this.refresh(e);
  }

  /** Every connector's current state with StatusNotification, changed or not (a station-wide ChangeAvailability). */
  reportEvery(): void {
    if (this.core.isOnline()) this.reportAll();
  }

  private reportAll(): void {
    for (const e of this.list) this.send(e, this.status(e));
  }

  private reportChanged(): void {
    for (const e of this.list) {
      const s = this.status(e);
      if (s !== e.reported) this.sendChange(e, s);
    }
  }

  private sendChange(e: Evse, s: ConnectorStatus): void {
    if (this.changesVia === 'StatusNotification') return this.send(e, s);
    e.reported = s;
    const timestamp = nowIso();
    void this.core.enqueue('NotifyEvent', {
      generatedAt: timestamp, seqNo: 0,
      eventData: [{
        eventId: ++this.eventId, timestamp, trigger: 'Delta', actualValue: s, eventNotificationType: 'HardWiredNotification',
        component: { name: 'Connector', evse: { id: e.id, connectorId: 1 } }, variable: { name: 'AvailabilityState' },
      }],
    }).then((res) => {
      if (!res && e.reported === s) e.reported = undefined;
    });
  }

  /** StatusNotification for one connector (also on TriggerMessage). */
  send(e: Evse, s: ConnectorStatus = this.status(e)): void {
    e.reported = s;
    void this.core.enqueue('StatusNotification', { timestamp: nowIso(), connectorStatus: s, evseId: e.id, connectorId: 1 }).then((res) => {
      // Not delivered: report it again after the reconnection.
      if (!res && e.reported === s) e.reported = undefined;
    });
  }
}
