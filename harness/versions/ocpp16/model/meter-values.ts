// Pure reading of OCPP 1.6 meter data (§4.7 MeterValues, §7 MeterValue / SampledValue, §3.16 Metering
// Data) out of recorded frames: MeterValues.req and the transactionData of StopTransaction.req.
// Defaults of absent SampledValue fields are filled in as §7 SampledValue gives them.
import type { ModelFrame } from '../../../checks/rpc-model.js';
import { isCall } from '../../../checks/rpc-model.js';

export const READING_CONTEXTS = [
  'Interruption.Begin', 'Interruption.End', 'Other', 'Sample.Clock', 'Sample.Periodic', 'Transaction.Begin', 'Transaction.End', 'Trigger',
] as const;
export type ReadingContext = (typeof READING_CONTEXTS)[number];

export const DEFAULT_MEASURAND = 'Energy.Active.Import.Register';
export const DEFAULT_CONTEXT: ReadingContext = 'Sample.Periodic';

export interface SampledReading {
  value: string;
  /** As sent, or `Sample.Periodic` when absent. */
  context: string;
  /** As sent, or `Energy.Active.Import.Register` when absent. */
  measurand: string;
  /** Absent: an overall value. */
  phase?: string;
  /** As sent, or `Outlet` when absent. */
  location: string;
  /** As sent, or `Wh` when absent and the measurand is an energy register/interval; else undefined. */
  unit?: string;
  /** As sent, or `Raw` when absent. */
  format: string;
  /** Which of the optional fields were absent (filled in with defaults above). */
  defaulted: ('context' | 'measurand' | 'location' | 'unit' | 'format')[];
}

export interface MeterReading {
  /** meterValue[i].timestamp as sent. */
  timestamp: string;
  /** The timestamp in ms since the epoch; NaN when it does not parse. */
  timestampMs: number;
  sampledValues: SampledReading[];
}

/** One frame's meter data. */
export interface MeterFrame {
  source: 'MeterValues' | 'StopTransaction';
  /** Trace seq of the CALL. */
  seq: number;
  /** Arrival, ms since the case started (monotonic harness clock). */
  t: number;
  /** Arrival, ms since the epoch (harness wall clock, ms resolution). */
  wallMs: number;
  conn?: number;
  /** MeterValues.req connectorId (StopTransaction carries none). */
  connectorId?: number;
  transactionId?: number;
  readings: MeterReading[];
}

/** The meter data of one inbound or outbound CALL, or undefined when it carries none. */
export function meterFrameOf(m: ModelFrame): MeterFrame | undefined {
  if (!isCall(m)) return undefined;
  const action = m.parsed.frame.action;
  if (action !== 'MeterValues' && action !== 'StopTransaction') return undefined;
  const payload = (m.parsed.frame.payload ?? {}) as Record<string, unknown>;
  const list = action === 'MeterValues' ? payload.meterValue : payload.transactionData;
  return {
    source: action,
    seq: m.event.seq,
    t: m.event.t,
    wallMs: Date.parse(m.event.wall),
    conn: m.event.conn,
    connectorId: typeof payload.connectorId === 'number' ? payload.connectorId : undefined,
    transactionId: typeof payload.transactionId === 'number' ? payload.transactionId : undefined,
    readings: Array.isArray(list) ? list.map(readingOf) : [],
  };
}

/** The meter data the system under test sent (inbound MeterValues.req and StopTransaction.req), in trace order. */
export function inboundMeterFrames(frames: readonly ModelFrame[], source?: MeterFrame['source']): MeterFrame[] {
  const out: MeterFrame[] = [];
  for (const m of frames) {
    if (m.event.dir !== 'in') continue;
    const f = meterFrameOf(m);
    if (f && (!source || f.source === source)) out.push(f);
  }
  return out;
}

function readingOf(mv: unknown): MeterReading {
  const o = (mv && typeof mv === 'object' ? mv : {}) as Record<string, unknown>;
  const timestamp = typeof o.timestamp === 'string' ? o.timestamp : '';
  return {
    timestamp,
    timestampMs: timestamp ? Date.parse(timestamp) : NaN,
    sampledValues: Array.isArray(o.sampledValue) ? o.sampledValue.map(sampledOf) : [],
  };
}

function sampledOf(sv: unknown): SampledReading {
  const o = (sv && typeof sv === 'object' ? sv : {}) as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  const defaulted: SampledReading['defaulted'] = [];
  const pick = <K extends SampledReading['defaulted'][number]>(k: K, dflt: string | undefined) => {
    const v = str(k);
    if (v !== undefined) return v;
    defaulted.push(k);
    return dflt;
  };
  const measurand = pick('measurand', DEFAULT_MEASURAND)!;
  return {
    value: str('value') ?? '',
    context: pick('context', DEFAULT_CONTEXT)!,
    measurand,
    phase: str('phase'),
    location: pick('location', 'Outlet')!,
    unit: pick('unit', measurand.startsWith('Energy.') ? 'Wh' : undefined),
    format: pick('format', 'Raw')!,
    defaulted,
  };
}

/** The measurands present in a set of readings (each once, in first-seen order). */
export function measurandsOf(values: readonly SampledReading[]): string[] {
  return [...new Set(values.map((v) => v.measurand))];
}

const DAY_MS = 86_400_000;

/**
 * Signed distance (ms) from `ms` (since the epoch) to the nearest clock-aligned boundary: the multiples
 * of `intervalS` counted from 00:00:00 UTC each day (§3.16.2), plus the next midnight when the interval
 * does not divide the day. Positive = after the boundary.
 */
export function offsetFromBoundary(ms: number, intervalS: number): { offsetMs: number; boundaryMs: number } {
  const interval = intervalS * 1000;
  const midnight = Math.floor(ms / DAY_MS) * DAY_MS;
  const intoDay = ms - midnight;
  const below = Math.floor(intoDay / interval) * interval;
  const above = Math.min(below + interval, DAY_MS);
  const boundary = intoDay - below <= above - intoDay ? below : above;
  return { offsetMs: intoDay - boundary, boundaryMs: midnight + boundary };
}

/** The boundaries strictly between two instants (ms since the epoch): clock-aligned readings that should exist. */
export function boundariesBetween(fromMs: number, toMs: number, intervalS: number, limit = 100): number[] {
  const out: number[] = [];
  const interval = intervalS * 1000;
  let day = Math.floor(fromMs / DAY_MS) * DAY_MS;
  while (day <= toMs && out.length < limit) {
    for (let b = day; b < day + DAY_MS && out.length < limit; b += interval) {
      if (b > fromMs && b < toMs) out.push(b);
    }
    day += DAY_MS;
  }
  return out;
}
