// Reservations (OCPP 1.6 §3.11, §5.1 CancelReservation, §5.13 ReserveNow).
// - ReserveNow: a known reservationId is replaced; Rejected for an unknown connector, an expiryDate
//   in the past, or connector 0 when ReserveConnectorZeroSupported is false; Faulted / Unavailable
//   when the connector (or the charge point) is; Occupied when it is in use (a transaction, an
//   authorised user waiting for the cable, a plugged cable, Finishing) or reserved already.
// - A reserved connector is Reserved; only the reserved idTag, or an idTag with the reservation's
//   parentIdTag (learnt from the list, the cache or Authorize.req), may use it; the StartTransaction
//   then carries the reservationId and the reservation ends.
// - Connector 0 (ReserveConnectorZeroSupported): no connector in particular, but as long as it runs
//   one free connector stays for it; when the free connectors are no more than such reservations,
//   they are Reserved. Without a free connector: Faulted when every connector is, Unavailable when
//   every one is Faulted or Unavailable, else Occupied.
// - A reservation ends at expiryDate (→ Available), on CancelReservation (Accepted, unknown id
//   Rejected), and when its connector becomes Faulted or Unavailable.

import { int, str } from '../../../../peers/peer-util.js';
import type { Connectors } from './connectors.js';
import type { CpCore } from './core.js';
import type { Connector, Payload } from './types.js';

interface Reservation {
  id: number;
  connectorId: number;
  idTag: string;
  parentIdTag?: string;
  expiresAt: number;
  timer?: NodeJS.Timeout;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

export class Reservations {
  private readonly map = new Map<number, Reservation>();
  /** False while the charge point is configured not to accept reservations (control action). */
  accepting = true;

  constructor(private readonly core: CpCore, private readonly connectors: Connectors, supported: boolean) {
    if (!supported) return;
    core.handle('ReserveNow', (p) => ({ status: this.reserveNow(p) }));
    core.handle('CancelReservation', (p) => {
      const r = this.map.get(int(p.reservationId) ?? NaN);
      if (!r) return { status: 'Rejected' };
      core.later('CancelReservation', () => this.end(r, 'cancelled'));
      return { status: 'Accepted' };
    });
  }

  get count(): number {
    return this.map.size;
  }

  /** Is connector c bound by a reservation now (its status is Reserved)? */
  reservedFor(c: Connector): boolean {
    if (this.specific(c)) return true;
    const zero = this.zero().length;
    return zero > 0 && this.isFree(c) && this.freeCount() <= zero;
  }

  /** May idTag (of group parentIdTag) use connector c, and with which reservation? */
  gate(c: Connector, idTag: string, parentIdTag?: string): { allowed: boolean; reservationId?: number } {
    const matches = (r: Reservation): boolean =>
      r.idTag === idTag || (r.parentIdTag !== undefined && parentIdTag !== undefined && r.parentIdTag === parentIdTag);
    const own = this.specific(c);
    if (own) return matches(own) ? { allowed: true, reservationId: own.id } : { allowed: false };
    const zero = this.zero();
    const mine = zero.find(matches);
    if (mine) return { allowed: true, reservationId: mine.id };
    // Someone else may take c only if enough other connectors remain for the connector-0 reservations.
    if (zero.length > 0) {
      const others = this.connectors.all().filter((k) => k !== c && this.connectors.isUsable(k) && !k.tx && !k.pendingAuth && !this.specific(k));
      if (others.length < zero.length) return { allowed: false };
    }
    return { allowed: true };
  }

  /** The reservations that bind c can only be matched with the parentIdTag of idTag. */
  needsParent(c: Connector, idTag: string): boolean {
    const relevant = this.specific(c) ? [this.specific(c)!] : this.zero();
    return relevant.some((r) => r.parentIdTag !== undefined && r.idTag !== idTag);
  }

  /** A transaction started with this reservation: it ends (no status change of its own). */
  consume(id: number): void {
    const r = this.map.get(id);
    if (!r) return;
    this.core.timers.cancel(r.timer);
    this.map.delete(id);
    this.core.log(`reservation ${id} used`);
  }

  /** Connector c (or the charge point) became Faulted or Unavailable: its reservations end. */
  connectorDown(c: Connector | undefined): void {
    const cp0Down = !this.connectors.cp0.operative || !!this.connectors.cp0.fault;
    for (const r of [...this.map.values()]) {
      if ((c && r.connectorId === c.id) || (cp0Down && r.connectorId === 0) || (cp0Down && !c)) this.end(r, 'connector unavailable');
    }
  }

  private specific(c: Connector): Reservation | undefined {
    return [...this.map.values()].find((r) => r.connectorId === c.id);
  }

  private zero(): Reservation[] {
    return [...this.map.values()].filter((r) => r.connectorId === 0);
  }

  private isFree(c: Connector): boolean {
    return this.connectors.isUsable(c) && !c.tx && !c.pendingAuth && !c.finishing && !c.plugged && !this.specific(c);
  }

  private freeCount(): number {
    return this.connectors.all().filter((c) => this.isFree(c)).length;
  }

  private reserveNow(p: Payload): 'Accepted' | 'Faulted' | 'Occupied' | 'Rejected' | 'Unavailable' {
    const id = int(p.reservationId)!;
    const cid = int(p.connectorId)!;
    const expiresAt = Date.parse(str(p.expiryDate) ?? '');
    if (!Number.isFinite(expiresAt) || expiresAt <= Date.now()) return 'Rejected';
    // A reservation with the same id is replaced: judge the new one without it.
    const old = this.map.get(id);
    if (old) this.map.delete(id);
    const status = this.judge(cid);
    if (status !== 'Accepted') {
      if (old) this.map.set(id, old);
      return status;
    }
    if (old) this.core.timers.cancel(old.timer);
    const r: Reservation = { id, connectorId: cid, idTag: str(p.idTag)!, parentIdTag: str(p.parentIdTag), expiresAt };
    this.map.set(id, r);
    this.arm(r);
    this.core.log(`reservation ${id}: connector ${cid} for ${r.idTag} until ${str(p.expiryDate)}`);
    this.core.later('ReserveNow', () => this.connectors.refreshAll());
    return 'Accepted';
  }

  private judge(cid: number): 'Accepted' | 'Faulted' | 'Occupied' | 'Rejected' | 'Unavailable' {
    if (!this.accepting) return 'Rejected'; // configured not to accept reservations (§5.13)
    const cp0 = this.connectors.cp0;
    if (cid === 0) {
      if (!this.core.config.bool('ReserveConnectorZeroSupported')) return 'Rejected';
      if (cp0.fault) return 'Faulted';
      if (!cp0.operative) return 'Unavailable';
      if (this.freeCount() - this.zero().length >= 1) return 'Accepted';
      // No connector left: the charge point is Faulted / Unavailable when all its connectors are.
      const all = this.connectors.all();
      if (all.every((c) => c.fault)) return 'Faulted';
      if (all.every((c) => c.fault || !c.operative)) return 'Unavailable';
      return 'Occupied';
    }
    const c = this.connectors.get(cid);
    if (!c) return 'Rejected';
    if (c.fault || cp0.fault) return 'Faulted';
    if (!c.operative || !cp0.operative) return 'Unavailable';
    if (!this.isFree(c)) return 'Occupied';
    // The connector may be the one kept free for connector-0 reservations.
    if (this.freeCount() - 1 < this.zero().length) return 'Occupied';
    return 'Accepted';
  }

  private arm(r: Reservation): void {
    if (this.core.quirks.has('reservation-never-expires')) return;
    // Quirk reservation-expiry-late: it looks at its reservations only every few seconds.
    const ms = r.expiresAt - Date.now() + (this.core.quirks.has('reservation-expiry-late') ? 2000 : 0);
    r.timer = this.core.timers.after(Math.min(ms, MAX_TIMER_MS), () => {
      if (this.map.get(r.id) !== r) return;
      if (Date.now() >= r.expiresAt) this.end(r, 'expired');
      else this.arm(r);
    });
  }

  private end(r: Reservation, why: string): void {
    if (this.map.get(r.id) !== r) return;
    this.core.timers.cancel(r.timer);
    this.map.delete(r.id);
    this.core.log(`reservation ${r.id} ${why}`);
    this.connectors.refreshAll();
  }
}
