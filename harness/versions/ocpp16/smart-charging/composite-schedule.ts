// The composite schedule of §5.7 / §3.13.3: over [X, X + duration), the prevailing TxProfile or
// TxDefaultProfile combined with the ChargePointMaxProfile by taking the minimum, in one unit.
//
// Conventions (the specification leaves them open):
// - Where no profile applies, GetCompositeSchedule.conf reports the charge point's own maximum
//   (options.chargePointMaxRate, default 32 A), which also caps every limit (a local limit, §5.7).
//   compositeIntervals() keeps those stretches visible as `limit: undefined`.
// - A transaction with a TxProfile takes its limit from the TxProfile stack alone, for the whole
//   transaction (§3.13.1; OCTT TCD 2024-04 Table 82): after the TxProfile's duration the TxDefaultProfile
//   does not come back (prevailing.ts).
// - Relative profiles, and schedules without startSchedule, start at the transaction start, or at X
//   when no transaction runs (as if one started now).
// - The unit is the requested one; otherwise the one every contributing schedule uses; otherwise the
//   unit of chargePointMaxRate. Conversion: see units.ts.
// - numberPhases of a period is the smallest one among the limits in force (absent if none gives one).
// - minChargingRate is the EV's (§7.13): the highest one among the TxProfile/TxDefaultProfile
//   schedules in force during the window, converted; ChargePointMaxProfile's is not about the EV.
import { appliesToQuery, refOf, resolveProfile, type ResolvedProfile } from './profile-validity.js';
import { groupByRole, limitsAt, type LimitsAt, type ProfileGroups } from './prevailing.js';
import { breakpointsWithin, type ActivePeriod } from './schedule-at.js';
import { isoFromEpochSeconds, toEpochSeconds } from './time.js';
import type {
  ChargePointRate, ChargingRateUnit, ChargingSchedule, ChargingSchedulePeriod, CompositeInterval, CompositeIntervals,
  CompositeScheduleOptions, CompositeScheduleQuery, GetCompositeScheduleConf, InstalledChargingProfile, ProfileRef,
} from './types.js';
import { convertRate, DEFAULT_ELECTRICAL, type ElectricalParameters } from './units.js';

export const DEFAULT_CHARGE_POINT_MAX_RATE: ChargePointRate = { limit: 32, unit: 'A' };

function electricalOf(options: CompositeScheduleOptions): ElectricalParameters {
  return { voltage: options.voltage ?? DEFAULT_ELECTRICAL.voltage, phases: options.phases ?? DEFAULT_ELECTRICAL.phases };
}

interface Prepared {
  start: number;
  end: number;
  anchor: number;
  groups: ProfileGroups;
  applicable: ResolvedProfile[];
  electrical: ElectricalParameters;
}

function prepare(
  installed: readonly InstalledChargingProfile[],
  query: CompositeScheduleQuery,
  options: CompositeScheduleOptions,
): Prepared | { reason: string } {
  const start = toEpochSeconds(query.start);
  if (start === undefined) return { reason: `start ${JSON.stringify(query.start)} is not a time` };
  if (!Number.isInteger(query.connectorId) || query.connectorId < 0) return { reason: `connectorId ${query.connectorId} is not a connector` };
  if (options.connectorIds && query.connectorId !== 0 && !options.connectorIds.includes(query.connectorId)) {
    return { reason: `connector ${query.connectorId} is unknown (known: 0, ${options.connectorIds.join(', ')})` };
  }
  if (!Number.isInteger(query.duration) || query.duration < 0) return { reason: `duration ${query.duration} is not a whole number of seconds >= 0` };
  if (query.chargingRateUnit !== undefined && query.chargingRateUnit !== 'A' && query.chargingRateUnit !== 'W') {
    return { reason: `chargingRateUnit ${JSON.stringify(query.chargingRateUnit)} is neither A nor W` };
  }
  const transactionStart = query.transaction && toEpochSeconds(query.transaction.startedAt);
  if (query.transaction && transactionStart === undefined) return { reason: 'the transaction start is not a time' };
  const electrical = electricalOf(options);
  if (!(electrical.voltage > 0) || !(electrical.phases > 0)) return { reason: 'voltage and phases must be positive' };
  const scope = { connectorId: query.connectorId, transactionId: query.transaction?.transactionId };
  const applicable = installed
    .map(resolveProfile)
    .filter((p): p is ResolvedProfile => p !== undefined && appliesToQuery(p, scope));
  return { start, end: start + query.duration, anchor: transactionStart ?? start, groups: groupByRole(applicable), applicable, electrical };
}

interface Segment {
  from: number;
  to: number;
  limits: LimitsAt;
}

/** Cut [start, end) wherever any applicable profile may change, and evaluate each piece at its start. */
function segmentsOf(p: Prepared): Segment[] {
  const cuts = new Set<number>([p.start]);
  for (const profile of p.applicable) for (const t of breakpointsWithin(profile, p.start, p.end, p.anchor)) cuts.add(t);
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.map((from, i) => ({ from, to: sorted[i + 1] ?? p.end, limits: limitsAt(p.groups, from, p.anchor) }));
}

function contributionsOf(limits: LimitsAt): ActivePeriod[] {
  return [limits.transaction, limits.chargePointMax].filter((c): c is ActivePeriod => c !== undefined);
}

const unitOf = (c: ActivePeriod): ChargingRateUnit => c.source.profile.chargingSchedule.chargingRateUnit;

function resultUnit(query: CompositeScheduleQuery, segments: Segment[], options: CompositeScheduleOptions): ChargingRateUnit {
  if (query.chargingRateUnit) return query.chargingRateUnit;
  const units = new Set(segments.flatMap((s) => contributionsOf(s.limits).map(unitOf)));
  const [only] = units;
  return units.size === 1 && only ? only : (options.chargePointMaxRate ?? DEFAULT_CHARGE_POINT_MAX_RATE).unit;
}

function smallest(values: (number | undefined)[]): number | undefined {
  const defined = values.filter((v): v is number => v !== undefined);
  return defined.length ? Math.min(...defined) : undefined;
}

function intervalOf(s: Segment, start: number, unit: ChargingRateUnit, electrical: ElectricalParameters): CompositeInterval {
  const converted = contributionsOf(s.limits).map((c) => ({
    c,
    limit: convertRate(c.period.limit, unitOf(c), unit, c.period.numberPhases, electrical),
  }));
  const limit = smallest(converted.map((x) => x.limit));
  const interval: CompositeInterval = {
    startPeriod: s.from - start,
    endPeriod: s.to - start,
    limitedBy: converted.filter((x) => x.limit === limit).map((x) => refOf(x.c.source)),
  };
  if (limit !== undefined) interval.limit = limit;
  const numberPhases = smallest(converted.map((x) => x.c.period.numberPhases));
  if (numberPhases !== undefined) interval.numberPhases = numberPhases;
  return interval;
}

const sameRef = (a: ProfileRef, b: ProfileRef): boolean =>
  a.chargingProfileId === b.chargingProfileId && a.connectorId === b.connectorId && a.chargingProfilePurpose === b.chargingProfilePurpose;

/** Adjacent stretches with the same limit and phases become one. */
export function mergeEqualNeighbours(intervals: CompositeInterval[]): CompositeInterval[] {
  const out: CompositeInterval[] = [];
  for (const next of intervals) {
    const last = out[out.length - 1];
    if (last && last.limit === next.limit && last.numberPhases === next.numberPhases) {
      last.endPeriod = next.endPeriod;
      for (const ref of next.limitedBy) if (!last.limitedBy.some((r) => sameRef(r, ref))) last.limitedBy.push(ref);
    } else {
      out.push({ ...next, limitedBy: [...next.limitedBy] });
    }
  }
  return out;
}

function minChargingRateOf(segments: Segment[], unit: ChargingRateUnit, electrical: ElectricalParameters): number | undefined {
  const rates = segments.map((s) => {
    const tx = s.limits.transaction;
    const rate = tx?.source.profile.chargingSchedule.minChargingRate;
    return tx && rate !== undefined ? convertRate(rate, unitOf(tx), unit, tx.period.numberPhases, electrical) : undefined;
  });
  const defined = rates.filter((r): r is number => r !== undefined);
  return defined.length ? Math.max(...defined) : undefined;
}

/** The composite as stretches, with `limit: undefined` where no profile applies (no ceiling added). */
export function compositeIntervals(
  installed: readonly InstalledChargingProfile[],
  query: CompositeScheduleQuery,
  options: CompositeScheduleOptions = {},
): CompositeIntervals {
  const prepared = prepare(installed, query, options);
  if ('reason' in prepared) return { ok: false, reason: prepared.reason };
  const segments = segmentsOf(prepared);
  const unit = resultUnit(query, segments, options);
  const intervals = mergeEqualNeighbours(segments.map((s) => intervalOf(s, prepared.start, unit, prepared.electrical)));
  const minChargingRate = minChargingRateOf(segments, unit, prepared.electrical);
  return { ok: true, scheduleStart: prepared.start, chargingRateUnit: unit, intervals, ...(minChargingRate !== undefined && { minChargingRate }) };
}

/** The GetCompositeSchedule.conf a charge point holding `installed` answers to `query` (§5.7, §6.22). */
export function computeCompositeSchedule(
  installed: readonly InstalledChargingProfile[],
  query: CompositeScheduleQuery,
  options: CompositeScheduleOptions = {},
): GetCompositeScheduleConf {
  const composite = compositeIntervals(installed, query, options);
  if (!composite.ok) return { status: 'Rejected' };
  const electrical = electricalOf(options);
  const unit = composite.chargingRateUnit;
  const ceiling = options.chargePointMaxRate ?? DEFAULT_CHARGE_POINT_MAX_RATE;
  const ceilingLimit = convertRate(ceiling.limit, ceiling.unit, unit, ceiling.numberPhases, electrical);
  const capped = mergeEqualNeighbours(composite.intervals.map((i) => {
    const limit = i.limit === undefined ? ceilingLimit : Math.min(i.limit, ceilingLimit);
    const numberPhases = smallest([i.limit === undefined ? undefined : i.numberPhases, ceiling.numberPhases]);
    return { ...i, limit, numberPhases };
  }));
  const chargingSchedulePeriod = capped.map((i): ChargingSchedulePeriod => {
    const period: ChargingSchedulePeriod = { startPeriod: i.startPeriod, limit: i.limit ?? ceilingLimit }; // always set by now
    if (i.numberPhases !== undefined) period.numberPhases = i.numberPhases;
    return period;
  });
  const scheduleStart = isoFromEpochSeconds(composite.scheduleStart);
  const chargingSchedule: ChargingSchedule = { duration: query.duration, chargingRateUnit: unit, chargingSchedulePeriod };
  if (options.includeStartSchedule) chargingSchedule.startSchedule = scheduleStart;
  if (composite.minChargingRate !== undefined) chargingSchedule.minChargingRate = composite.minChargingRate;
  return { status: 'Accepted', connectorId: query.connectorId, scheduleStart, chargingSchedule };
}
