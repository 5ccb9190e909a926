// The composite charging schedule (OCPP 1.6 §3.13.2–3.13.3, §5.7, errata 3.28–3.30, 3.43–3.45),
// written for the reference charge point on its own (the harness has its own implementation, on
// purpose independent of this one):
// - within one purpose, the prevailing profile at a moment is the one of highest stackLevel that is
//   valid then (validFrom/validTo) and whose schedule covers that moment (after its start, before
//   start + duration); a schedule without duration keeps its last period;
// - the composite is the minimum of the prevailing ChargePointMaxProfile and the prevailing TxProfile
//   (during a transaction) or, without one, TxDefaultProfile; a transaction that has a TxProfile never
//   falls back to the TxDefaultProfile, also after the TxProfile's duration (§3.13.1 "for the duration
//   of the current transaction"; OCTT TCD 2024-04 Table 82);
// - the start of a schedule: Absolute → startSchedule (§7.13: without one, like Relative); Relative →
//   the start of the transaction (else the start of the requested window); Recurring → startSchedule
//   (else the moment it was installed) repeated every day or week;
// - amperes and watts convert with 230 V and numberPhases (3 when absent), errata 3.69.

import { PHASES, VOLTAGE_V, type ChargingProfile } from './types.js';

export interface InstalledProfile {
  connectorId: number;
  profile: ChargingProfile;
  installedAt: number;
  /** TxProfile: the local sequence number of its transaction. */
  txSeq?: number;
}

export interface Limit {
  /** In the unit asked for. */
  limit: number;
  numberPhases?: number;
}

const DAY_MS = 86_400_000;

function recurrenceMs(p: ChargingProfile): number {
  return p.recurrencyKind === 'Weekly' ? 7 * DAY_MS : DAY_MS;
}

function baseStart(p: ChargingProfile, installedAt: number, relativeTo: number): number {
  const s = p.chargingSchedule.startSchedule;
  if (p.chargingProfileKind === 'Relative') return relativeTo;
  // §7.13: without startSchedule a schedule is relative to the start of charging.
  if (p.chargingProfileKind === 'Absolute') return s ? Date.parse(s) : relativeTo;
  return s ? Date.parse(s) : installedAt;
}

/** Start of the occurrence of the schedule that may cover t. */
function occurrenceStart(ip: InstalledProfile, t: number, relativeTo: number): number {
  const base = baseStart(ip.profile, ip.installedAt, relativeTo);
  if (ip.profile.chargingProfileKind !== 'Recurring' || t < base) return base;
  const every = recurrenceMs(ip.profile);
  return base + Math.floor((t - base) / every) * every;
}

/** The limit a profile sets at moment t, in its own unit, or undefined when it does not apply then. */
export function profileLimitAt(ip: InstalledProfile, t: number, relativeTo: number): { limit: number; numberPhases?: number } | undefined {
  const p = ip.profile;
  if (p.validFrom && t < Date.parse(p.validFrom)) return undefined;
  if (p.validTo && t >= Date.parse(p.validTo)) return undefined;
  const start = occurrenceStart(ip, t, relativeTo);
  if (t < start) return undefined;
  const offsetS = (t - start) / 1000;
  const s = p.chargingSchedule;
  if (s.duration !== undefined && offsetS >= s.duration) return undefined;
  if (p.chargingProfileKind === 'Recurring' && offsetS * 1000 >= recurrenceMs(p)) return undefined;
  let current: (typeof s.chargingSchedulePeriod)[number] | undefined;
  for (const period of s.chargingSchedulePeriod) if (period.startPeriod <= offsetS) current = period;
  return current ? { limit: current.limit, numberPhases: current.numberPhases } : undefined;
}

/** Moments within [from, to) at which a profile's limit may change. */
function breakpoints(ip: InstalledProfile, from: number, to: number, relativeTo: number): number[] {
  const p = ip.profile;
  const out: number[] = [];
  if (p.validFrom) out.push(Date.parse(p.validFrom));
  if (p.validTo) out.push(Date.parse(p.validTo));
  const base = baseStart(p, ip.installedAt, relativeTo);
  const starts: number[] = [base];
  if (p.chargingProfileKind === 'Recurring') {
    const every = recurrenceMs(p);
    for (let k = Math.max(0, Math.floor((from - base) / every)); base + k * every < to; k++) starts.push(base + k * every);
  }
  for (const start of starts) {
    for (const period of p.chargingSchedule.chargingSchedulePeriod) out.push(start + period.startPeriod * 1000);
    if (p.chargingSchedule.duration !== undefined) out.push(start + p.chargingSchedule.duration * 1000);
  }
  return out.filter((t) => t > from && t < to);
}

export function convert(limit: number, from: 'A' | 'W', to: 'A' | 'W', numberPhases = PHASES): number {
  if (from === to) return limit;
  return from === 'A' ? limit * VOLTAGE_V * numberPhases : limit / (VOLTAGE_V * numberPhases);
}

/** The prevailing profile of one purpose at t: the highest stackLevel that applies. */
function prevailing(stack: InstalledProfile[], t: number, relativeTo: number, unit: 'A' | 'W'): Limit | undefined {
  const sorted = [...stack].sort((a, b) => b.profile.stackLevel - a.profile.stackLevel);
  for (const ip of sorted) {
    const l = profileLimitAt(ip, t, relativeTo);
    if (l) return { limit: convert(l.limit, ip.profile.chargingSchedule.chargingRateUnit, unit, l.numberPhases), numberPhases: l.numberPhases };
  }
  return undefined;
}

export interface CompositeInput {
  /** ChargePointMaxProfile stack (connector 0). */
  max: InstalledProfile[];
  /** TxProfile stack of the running transaction (empty without one). */
  tx: InstalledProfile[];
  /** TxDefaultProfile stack that applies to the connector. */
  txDefault: InstalledProfile[];
  /** Start of the running transaction (Relative profiles), else the start of the window. */
  relativeTo?: number;
  /** The limit when no profile applies (the charge point's own), per unit. */
  fallback: Record<'A' | 'W', number>;
  /** Fault: after the TxProfile's schedule ends, the TxDefaultProfile applies again. */
  txDefaultAfterTxProfile?: boolean;
}

/** The composite limit at moment t. */
export function compositeAt(input: CompositeInput, t: number, unit: 'A' | 'W'): Limit {
  const rel = input.relativeTo ?? t;
  const tx = input.tx.length > 0 && !input.txDefaultAfterTxProfile
    ? prevailing(input.tx, t, rel, unit)
    : prevailing(input.tx, t, rel, unit) ?? prevailing(input.txDefault, t, rel, unit);
  const candidates = [prevailing(input.max, t, rel, unit), tx];
  let best: Limit | undefined;
  for (const c of candidates) if (c && (!best || c.limit < best.limit)) best = c;
  return best ?? { limit: input.fallback[unit] };
}

/** The composite schedule from `from` for `durationS` seconds, as chargingSchedulePeriods. */
export function compositeSchedule(input: CompositeInput, from: number, durationS: number, unit: 'A' | 'W'): Array<{ startPeriod: number; limit: number; numberPhases?: number }> {
  const to = from + durationS * 1000;
  const rel = input.relativeTo ?? from;
  const all = [...input.max, ...input.tx, ...input.txDefault];
  const moments = [from, ...all.flatMap((ip) => breakpoints(ip, from, to, rel))].sort((a, b) => a - b);
  const periods: Array<{ startPeriod: number; limit: number; numberPhases?: number }> = [];
  for (const t of moments) {
    const startPeriod = Math.round((t - from) / 1000);
    const l = compositeAt({ ...input, relativeTo: rel }, t, unit);
    // Rounded down (never above what the profiles allow): 1 W, or 0.1 A (the schema's multipleOf).
    const limit = unit === 'W' ? Math.floor(l.limit + 1e-9) : Math.floor(l.limit * 10 + 1e-9) / 10;
    const last = periods[periods.length - 1];
    if (last && last.startPeriod === startPeriod) periods.pop();
    const prev = periods[periods.length - 1];
    if (prev && prev.limit === limit && prev.numberPhases === l.numberPhases) continue;
    periods.push(l.numberPhases === undefined ? { startPeriod, limit } : { startPeriod, limit, numberPhases: l.numberPhases });
  }
  return periods;
}
