// What one profile's schedule says at an instant, and the instants where that can change.
import { isValidAt, type ResolvedProfile } from './profile-validity.js';
import { SECONDS_PER_DAY, SECONDS_PER_WEEK } from './time.js';
import type { ChargingSchedulePeriod } from './types.js';

export interface ActivePeriod {
  source: ResolvedProfile;
  period: ChargingSchedulePeriod;
}

/** Seconds between repetitions (§7.37), or undefined when the profile does not recur. */
export function recurrenceSeconds(p: ResolvedProfile): number | undefined {
  if (p.profile.chargingProfileKind !== 'Recurring') return undefined;
  if (p.profile.recurrencyKind === 'Daily') return SECONDS_PER_DAY;
  if (p.profile.recurrencyKind === 'Weekly') return SECONDS_PER_WEEK;
  return undefined; // Recurring without recurrencyKind cannot repeat: it runs once, as Absolute.
}

/**
 * Where the schedule's clock starts (§7.9, §7.13): Relative at `anchor` (the transaction start);
 * Absolute at startSchedule, or at `anchor` when it is absent ("relative to start of charging");
 * Recurring at startSchedule, repeated every day or week.
 */
function firstStart(p: ResolvedProfile, anchor: number): number {
  if (p.profile.chargingProfileKind === 'Relative') return anchor;
  return p.startSchedule ?? anchor;
}

/** The start of the repetition that covers t, or undefined before the schedule has started. */
export function scheduleStartFor(p: ResolvedProfile, t: number, anchor: number): number | undefined {
  const first = firstStart(p, anchor);
  if (t < first) return undefined;
  const every = recurrenceSeconds(p);
  return every === undefined ? first : first + Math.floor((t - first) / every) * every;
}

/**
 * How long one run of the schedule lasts: its duration, or forever (§7.13); a recurring one never
 * beyond its recurrence (errata 3.44: the remainder is not executed).
 */
function runLength(p: ResolvedProfile): number {
  const duration = p.profile.chargingSchedule.duration ?? Number.POSITIVE_INFINITY;
  return Math.min(duration, recurrenceSeconds(p) ?? Number.POSITIVE_INFINITY);
}

/**
 * The period in force at t, or undefined when the profile says nothing then: outside
 * validFrom/validTo, before its schedule starts, or after its duration (errata 3.43: then a lower
 * stack level, or no limit, applies).
 */
export function activePeriodAt(p: ResolvedProfile, t: number, anchor: number): ActivePeriod | undefined {
  if (!isValidAt(p, t)) return undefined;
  const start = scheduleStartFor(p, t, anchor);
  if (start === undefined) return undefined;
  const offset = t - start;
  if (offset >= runLength(p)) return undefined;
  let found: ChargingSchedulePeriod | undefined;
  for (const period of p.periods) {
    if (period.startPeriod > offset) break;
    found = period; // a period lasts until the next one starts (§7.14)
  }
  return found && { source: p, period: found };
}

/** Every instant in (from, to) at which activePeriodAt may change for this profile. */
export function breakpointsWithin(p: ResolvedProfile, from: number, to: number, anchor: number): number[] {
  const out: number[] = [];
  const add = (t: number): void => {
    if (t > from && t < to) out.push(t);
  };
  if (p.validFrom !== undefined) add(p.validFrom);
  if (p.validTo !== undefined) add(p.validTo);
  const first = firstStart(p, anchor);
  const every = recurrenceSeconds(p);
  const length = runLength(p);
  const addRun = (start: number): void => {
    for (const period of p.periods) if (period.startPeriod < length) add(start + period.startPeriod);
    if (Number.isFinite(length)) add(start + length);
  };
  if (every === undefined) {
    addRun(first);
    return out;
  }
  for (let k = Math.max(0, Math.floor((from - first) / every)); first + k * every < to; k++) addRun(first + k * every);
  return out;
}
