// Pictures where people would rather look than read, computed from a case's trace:
//  - smart charging: for each answered GetCompositeSchedule, the composite the installed profiles
//    give (harness/versions/ocpp16/smart-charging) against the schedule the charger reported;
//  - meter values and heartbeats: the observed intervals between the charger's CALLs against the
//    configured interval and the run's tolerance.
// Only data is made here; the page draws it with uPlot. A case without such data gets no picture.
import { compositeIntervals } from '../../versions/ocpp16/smart-charging/index.js';
import type { ChargingProfile, InstalledChargingProfile, TransactionContext } from '../../versions/ocpp16/smart-charging/types.js';
import type { Sut, TraceEvent } from '../../trace/types.js';

export interface CompositePicture {
  kind: 'composite';
  title: string;
  unit: string;
  /** Seconds from scheduleStart; each value holds until the next x. */
  x: number[];
  /** null where no profile limits (the charger's own maximum applies). */
  expected: (number | null)[];
  reported: (number | null)[];
  /** Trace seq of the GetCompositeSchedule answer. */
  seq: number;
}

export interface IntervalPicture {
  kind: 'interval';
  title: string;
  /** Seconds since the case started, of each CALL after the first. */
  x: number[];
  /** Seconds since the CALL before. */
  observed: number[];
  configured: number;
  toleranceS: number;
}

export type Picture = CompositePicture | IntervalPicture;

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

interface Msg { seq: number; t: number; dir: 'in' | 'out'; type: number; id: string; action?: string; payload: unknown; request?: Msg }

/** The trace's OCPP-J messages, each answer linked to its request. */
function messages(trace: readonly TraceEvent[]): Msg[] {
  const out: Msg[] = [];
  const calls = new Map<string, Msg>();
  for (const ev of trace) {
    if (ev.kind !== 'frame' || ev.binary) continue;
    let v: unknown;
    try { v = JSON.parse(ev.raw); } catch { continue; }
    if (!Array.isArray(v) || typeof v[1] !== 'string') continue;
    const type = v[0];
    if (type === 2 && typeof v[2] === 'string') {
      const m: Msg = { seq: ev.seq, t: ev.t, dir: ev.dir, type, id: v[1], action: v[2], payload: v[3] };
      calls.set(`${ev.conn}|${ev.dir}|${v[1]}`, m);
      out.push(m);
    } else if (type === 3 || type === 4) {
      const request = calls.get(`${ev.conn}|${ev.dir === 'in' ? 'out' : 'in'}|${v[1]}`);
      out.push({ seq: ev.seq, t: ev.t, dir: ev.dir, type, id: v[1], payload: type === 3 ? v[2] : undefined, ...(request ? { request, action: request.action } : {}) });
    }
  }
  return out;
}

const accepted = (m: Msg): boolean => m.type === 3 && isObj(m.payload) && m.payload.status === 'Accepted';

function compositePictures(msgs: Msg[]): CompositePicture[] {
  let installed: InstalledChargingProfile[] = [];
  const transactions = new Map<number, TransactionContext & { connectorId: number }>();
  const pictures: CompositePicture[] = [];
  for (const m of msgs) {
    const req = m.request;
    if (!req || m.type !== 3 || !isObj(req.payload)) continue;
    const q = req.payload;
    if (req.action === 'SetChargingProfile' && accepted(m) && isObj(q.csChargingProfiles)) {
      const profile = q.csChargingProfiles as unknown as ChargingProfile;
      const connectorId = num(q.connectorId) ?? 0;
      installed = installed.filter((p) => p.profile.chargingProfileId !== profile.chargingProfileId &&
        !(p.connectorId === connectorId && p.profile.stackLevel === profile.stackLevel && p.profile.chargingProfilePurpose === profile.chargingProfilePurpose));
      installed.push({ connectorId, profile });
    } else if (req.action === 'ClearChargingProfile' && accepted(m)) {
      installed = installed.filter((p) => !(
        (q.id === undefined || p.profile.chargingProfileId === q.id) &&
        (q.connectorId === undefined || p.connectorId === q.connectorId) &&
        (q.chargingProfilePurpose === undefined || p.profile.chargingProfilePurpose === q.chargingProfilePurpose) &&
        (q.stackLevel === undefined || p.profile.stackLevel === q.stackLevel)));
    } else if (req.action === 'StartTransaction' && isObj(m.payload)) {
      const id = num(m.payload.transactionId);
      if (id !== undefined && typeof q.timestamp === 'string') transactions.set(id, { transactionId: id, startedAt: q.timestamp, connectorId: num(q.connectorId) ?? 0 });
    } else if (req.action === 'StopTransaction') {
      const id = num(q.transactionId);
      if (id !== undefined) transactions.delete(id);
    } else if (req.action === 'GetCompositeSchedule' && accepted(m)) {
      const a = m.payload as Json;
      const schedule = a.chargingSchedule;
      const connectorId = num(q.connectorId);
      const duration = num(q.duration);
      if (!isObj(schedule) || !Array.isArray(schedule.chargingSchedulePeriod) || typeof a.scheduleStart !== 'string' || connectorId === undefined || duration === undefined) continue;
      const transaction = [...transactions.values()].find((t) => t.connectorId === connectorId);
      const unit = q.chargingRateUnit === 'A' || q.chargingRateUnit === 'W' ? q.chargingRateUnit : undefined;
      const composite = compositeIntervals(installed, {
        connectorId, start: a.scheduleStart, duration, ...(unit ? { chargingRateUnit: unit } : {}),
        ...(transaction ? { transaction: { transactionId: transaction.transactionId, startedAt: transaction.startedAt } } : {}),
      });
      if (!composite.ok) continue;
      const reported = (schedule.chargingSchedulePeriod as unknown[]).filter(isObj)
        .map((p) => ({ start: num(p.startPeriod), limit: num(p.limit) }))
        .filter((p): p is { start: number; limit: number } => p.start !== undefined && p.limit !== undefined)
        .sort((x, y) => x.start - y.start);
      const end = Math.max(duration, 1);
      const xs = [...new Set([0, end, ...composite.intervals.map((i) => i.startPeriod), ...reported.map((p) => p.start)])]
        .filter((x) => x >= 0 && x <= end).sort((x, y) => x - y).slice(0, 2000);
      const expectedAt = (x: number): number | null => composite.intervals.find((i) => i.startPeriod <= x && x < i.endPeriod)?.limit ?? (x === end ? composite.intervals.at(-1)?.limit ?? null : null);
      const reportedAt = (x: number): number | null => [...reported].reverse().find((p) => p.start <= x)?.limit ?? null;
      pictures.push({
        kind: 'composite',
        title: `GetCompositeSchedule #${req.id}: connector ${connectorId}, ${duration} s — expected from the installed profiles vs reported`,
        unit: typeof schedule.chargingRateUnit === 'string' ? schedule.chargingRateUnit : composite.chargingRateUnit,
        x: xs, expected: xs.map(expectedAt), reported: xs.map(reportedAt), seq: m.seq,
      });
    }
  }
  return pictures;
}

/** The configured interval (seconds) in force at time t, from accepted ChangeConfiguration / BootNotification. */
function configuredAt(msgs: Msg[], key: string, t: number, fromBoot: boolean): number | undefined {
  let value: number | undefined;
  for (const m of msgs) {
    if (m.t > t) break;
    const req = m.request;
    if (!req || !isObj(req.payload)) continue;
    if (req.action === 'ChangeConfiguration' && accepted(m) && req.payload.key === key) value = num(req.payload.value);
    if (fromBoot && req.action === 'BootNotification' && accepted(m)) value = num((m.payload as Json).interval);
  }
  return value;
}

function intervalPictures(msgs: Msg[], sut: Sut, toleranceMs: number): IntervalPicture[] {
  // The charge point's own CALLs: when the harness plays the charge point, the timing is ours, not the SUT's.
  if (sut !== 'ChargePoint') return [];
  const groups: { title: string; key: string; fromBoot: boolean; calls: Msg[] }[] = [
    { title: 'Heartbeat: seconds between Heartbeat CALLs', key: 'HeartbeatInterval', fromBoot: true, calls: [] },
    { title: 'MeterValues (sampled): seconds between MeterValues CALLs', key: 'MeterValueSampleInterval', fromBoot: false, calls: [] },
    { title: 'MeterValues (clock-aligned): seconds between MeterValues CALLs', key: 'ClockAlignedDataInterval', fromBoot: false, calls: [] },
  ];
  for (const m of msgs) {
    if (m.type !== 2 || m.dir !== 'in') continue;
    if (m.action === 'Heartbeat') groups[0]!.calls.push(m);
    if (m.action === 'MeterValues') {
      const mv = isObj(m.payload) && Array.isArray(m.payload.meterValue) ? m.payload.meterValue[0] : undefined;
      const sv = isObj(mv) && Array.isArray(mv.sampledValue) ? mv.sampledValue[0] : undefined;
      (isObj(sv) && sv.context === 'Sample.Clock' ? groups[2]! : groups[1]!).calls.push(m);
    }
  }
  const pictures: IntervalPicture[] = [];
  for (const g of groups) {
    if (g.calls.length < 2) continue;
    const last = g.calls.at(-1)!;
    const configured = configuredAt(msgs, g.key, last.t, g.fromBoot);
    if (configured === undefined || configured <= 0) continue;
    const x: number[] = [];
    const observed: number[] = [];
    for (let i = 1; i < g.calls.length && i < 5000; i++) {
      x.push(+(g.calls[i]!.t / 1000).toFixed(3));
      observed.push(+((g.calls[i]!.t - g.calls[i - 1]!.t) / 1000).toFixed(3));
    }
    pictures.push({ kind: 'interval', title: `${g.title} (configured ${g.key} = ${configured} s)`, x, observed, configured, toleranceS: toleranceMs / 1000 });
  }
  return pictures;
}

/** Every picture the trace has data for (none for most cases). `trace` must already be redacted. */
export function picturesFor(c: { profile: string; sut: Sut; trace: readonly TraceEvent[] }, toleranceMs: number): Picture[] {
  try {
    const msgs = messages(c.trace);
    return [...(c.profile === 'SmartCharging' ? compositePictures(msgs) : []), ...intervalPictures(msgs, c.sut, toleranceMs)];
  } catch {
    return []; // a trace the pictures cannot make sense of gets none; the chart and findings still show it
  }
}
