// Pure evaluation of a `meterValues` expectation (§3.16 Metering Data, §4.7 MeterValues, §9.1 keys):
// which MeterValues.req count, whether they came at the configured interval, whether they carry the
// configured measurands with the right context, and whether enough came. Called by
// evaluate-expectations.ts (so `rejudge` decides exactly what the run decided) and, for counting
// while the case observes, by CaseLink.expectMeterValues.
//
// Two clocks are judged, each saying which:
// - arrival: when the frame reached the harness (monotonic case clock for gaps, wall clock for
//   clock-aligned boundaries) — what the CSMS experiences, independent of the charge point's clock;
// - meterValue.timestamp: when the charge point says it took the reading — on its own clock, which
//   BootNotification.conf / Heartbeat.conf set from ours.
import {
  boundariesBetween, inboundMeterFrames, measurandsOf, offsetFromBoundary, READING_CONTEXTS,
  type MeterFrame, type MeterReading, type SampledReading,
} from '../model/meter-values.js';
import type { MeterValuesExpectation } from '../../../checks/expectation.js';
import type { Finding } from '../../../checks/finding.js';
import type { RpcModel } from '../../../checks/rpc-model.js';

/** A reading (one meterValue element) the expectation counts, with the sampled values that count. */
export interface CountedReading extends MeterReading {
  values: SampledReading[];
}

export interface CountedFrame {
  frame: MeterFrame;
  readings: CountedReading[];
}

export interface MeterValuesSelection {
  /** MeterValues.req for the connector (and transaction) whose readings count, in trace order. */
  counted: CountedFrame[];
  /** Number of counted readings. */
  count: number;
  /** MeterValues.req in range that did not count, and why (for the `missing` finding). */
  notCounted: { frame: MeterFrame; why: string }[];
}

/**
 * Contexts that mark a reading taken for another purpose (start/end of transaction, trigger,
 * interruption, the other kind of periodic data): such values are left out, and a MeterValues.req with
 * nothing else does not count. `Other` and unknown contexts are kept, and judged wrong.
 */
function otherPurpose(e: MeterValuesExpectation): Set<string> {
  return new Set(READING_CONTEXTS.filter((c) => c !== e.context && c !== 'Other'));
}

export function selectMeterValues(e: MeterValuesExpectation, model: RpcModel): MeterValuesSelection {
  const skip = new Set(e.exclude ?? []);
  const other = otherPurpose(e);
  const counted: CountedFrame[] = [];
  const notCounted: MeterValuesSelection['notCounted'] = [];
  let count = 0;
  for (const f of inboundMeterFrames(model.frames, 'MeterValues')) {
    if (f.seq <= e.afterSeq || f.seq > e.untilSeq || skip.has(f.seq)) continue;
    if (e.conn !== undefined && f.conn !== e.conn) continue;
    if (f.connectorId !== e.connectorId) {
      notCounted.push({ frame: f, why: `connectorId ${f.connectorId ?? 'absent'}` });
      continue;
    }
    if (e.transactionId !== undefined && f.transactionId !== e.transactionId) {
      notCounted.push({ frame: f, why: `transactionId ${f.transactionId ?? 'absent'}` });
      continue;
    }
    const readings = f.readings
      .map((r) => ({ ...r, values: r.sampledValues.filter((v) => !other.has(v.context)) }))
      .filter((r) => r.values.length > 0);
    if (!readings.length) {
      const contexts = [...new Set(f.readings.flatMap((r) => r.sampledValues.map(contextLabel)))];
      notCounted.push({ frame: f, why: `context ${contexts.join('/') || '(no sampled values)'}` });
      continue;
    }
    counted.push({ frame: f, readings });
    count += readings.length;
  }
  return { counted, count, notCounted };
}

export function evaluateMeterValues(e: MeterValuesExpectation, model: RpcModel): Finding[] {
  const sel = selectMeterValues(e, model);
  const findings: Finding[] = [];
  const level = e.level ?? 'MUST';
  const arrivalLevel = e.arrivalLevel ?? level;
  const base = { step: e.step };
  const what = `${e.mode === 'sampled' ? 'sampled' : 'clock-aligned'} meter values for connector ${e.connectorId}`
    + `${e.transactionId !== undefined ? ` (transaction ${e.transactionId})` : ''}`;

  if (sel.count < e.minCount) {
    const seqs = sel.counted.map((c) => c.frame.seq);
    const others = sel.notCounted.slice(0, 5).map((n) => `frame #${n.frame.seq} (${n.why})`);
    findings.push({
      ...base, checkId: 'meterValues.missing', level,
      requirement: `${e.requirement} — counted: meterValue elements of MeterValues.req received between event #${e.afterSeq} and #${e.untilSeq}`,
      expected: `at least ${e.minCount} ${what}, context ${e.context}, between event #${e.afterSeq} and event #${e.untilSeq}`,
      actual: `${sel.count} reading${sel.count === 1 ? '' : 's'}${seqs.length ? ` (frame${seqs.length === 1 ? '' : 's'} ${seqs.map((s) => `#${s}`).join(', ')})` : ''}`
        + `${others.length ? `; not counted: ${others.join(', ')}${sel.notCounted.length > others.length ? ', …' : ''}` : ''}`,
      evidence: seqs.length ? seqs : [e.afterSeq, e.untilSeq],
    });
  }

  if (e.mode === 'sampled') findings.push(...sampledIntervals(e, sel, level, arrivalLevel));
  else findings.push(...clockAligned(e, sel, level, arrivalLevel));
  findings.push(...measurandFindings(e, sel, level));
  return findings;
}

// ---- interval -------------------------------------------------------------------------------------

function sampledIntervals(e: MeterValuesExpectation, sel: MeterValuesSelection, level: Finding['level'], arrivalLevel: Finding['level']): Finding[] {
  const findings: Finding[] = [];
  const want = e.intervalS * 1000;
  const frames = sel.counted.map((c) => c.frame);
  // Arrival: successive counted frames, on the harness's monotonic clock.
  const arrival = gaps(frames.map((f) => ({ ms: f.t, seq: f.seq })), want, e.toleranceMs);
  if (arrival.bad.length) {
    findings.push({
      step: e.step, checkId: 'meterValues.interval', level: arrivalLevel, ...(e.arrivalOctt ? { octt: e.arrivalOctt } : {}),
      requirement: `${e.requirement} — judged on arrival at the harness (harness clock)`,
      expected: `successive MeterValues.req for connector ${e.connectorId} every ${fmtS(want)} ± ${fmtS(e.toleranceMs)}`,
      actual: `gaps ${arrival.text}`,
      evidence: arrival.bad,
    });
  }
  // meterValue.timestamp: successive counted readings, on the charge point's clock.
  const readings = sel.counted.flatMap((c) => c.readings.map((r) => ({ ms: r.timestampMs, seq: c.frame.seq })))
    .filter((r) => Number.isFinite(r.ms));
  const stamped = gaps(readings, want, e.toleranceMs);
  if (stamped.bad.length) {
    findings.push({
      step: e.step, checkId: 'meterValues.interval', level,
      requirement: `${e.requirement} — judged on meterValue.timestamp (the charge point's clock)`,
      expected: `successive meterValue.timestamp for connector ${e.connectorId} ${fmtS(want)} apart ± ${fmtS(e.toleranceMs)}`,
      actual: `gaps ${stamped.text}`,
      evidence: stamped.bad,
    });
  }
  return findings;
}

function gaps(points: { ms: number; seq: number }[], want: number, tol: number): { text: string; bad: number[] } {
  const parts: string[] = [];
  const bad: number[] = [];
  for (let i = 1; i < points.length; i++) {
    const gap = points[i].ms - points[i - 1].ms;
    const off = gap - want;
    const out = Math.abs(off) > tol;
    if (out && !bad.includes(points[i].seq)) bad.push(points[i].seq);
    parts.push(`${fmtS(gap)} (${signedMs(off)}${out ? `, frame #${points[i].seq}` : ''})`);
  }
  return { text: cap(parts), bad };
}

function clockAligned(e: MeterValuesExpectation, sel: MeterValuesSelection, level: Finding['level'], arrivalLevel: Finding['level']): Finding[] {
  const findings: Finding[] = [];
  const every = `${e.intervalS} s boundary counted from 00:00:00 UTC`;
  // meterValue.timestamp on a boundary (the charge point's clock).
  const stamps = sel.counted.flatMap((c) => c.readings.map((r) => ({ r, seq: c.frame.seq })))
    .filter((x) => Number.isFinite(x.r.timestampMs));
  const stampParts: string[] = [];
  const badStamps: number[] = [];
  for (const { r, seq } of stamps) {
    const { offsetMs } = offsetFromBoundary(r.timestampMs, e.intervalS);
    const out = Math.abs(offsetMs) > e.toleranceMs;
    if (out && !badStamps.includes(seq)) badStamps.push(seq);
    stampParts.push(`${clock(r.timestampMs)} ${signedMs(offsetMs)}${out ? ` (frame #${seq})` : ''}`);
  }
  if (badStamps.length) {
    findings.push({
      step: e.step, checkId: 'meterValues.interval', level,
      requirement: `${e.requirement} — judged on meterValue.timestamp (the charge point's clock)`,
      expected: `every meterValue.timestamp on a ${every} (tolerance ${fmtS(e.toleranceMs)})`,
      actual: `timestamps ${cap(stampParts)}`,
      evidence: badStamps,
    });
  }
  // No boundary skipped between the first and the last reading.
  if (stamps.length >= 2) {
    // Each reading covers its nearest boundary (how far off it is was judged above).
    const times = stamps.map((x) => x.r.timestampMs).sort((a, b) => a - b);
    const covered = new Set(times.map((t) => offsetFromBoundary(t, e.intervalS).boundaryMs));
    const skipped = boundariesBetween(offsetFromBoundary(times[0], e.intervalS).boundaryMs,
      offsetFromBoundary(times[times.length - 1], e.intervalS).boundaryMs, e.intervalS)
      .filter((b) => !covered.has(b));
    if (skipped.length) {
      findings.push({
        step: e.step, checkId: 'meterValues.interval', level,
        requirement: `${e.requirement} — judged on meterValue.timestamp (the charge point's clock)`,
        expected: `a reading at every ${every} between the first (${clock(times[0])}) and the last (${clock(times[times.length - 1])})`,
        actual: `no reading for ${cap(skipped.map(clock))}`,
        evidence: stamps.map((x) => x.seq).filter((s, i, all) => all.indexOf(s) === i),
      });
    }
  }
  // Arrival near a boundary (the harness's wall clock).
  const arrParts: string[] = [];
  const badArrivals: number[] = [];
  for (const { frame } of sel.counted) {
    if (!Number.isFinite(frame.wallMs)) continue;
    const { offsetMs } = offsetFromBoundary(frame.wallMs, e.intervalS);
    const out = Math.abs(offsetMs) > e.toleranceMs;
    if (out) badArrivals.push(frame.seq);
    arrParts.push(`${clock(frame.wallMs)} ${signedMs(offsetMs)}${out ? ` (frame #${frame.seq})` : ''}`);
  }
  if (badArrivals.length) {
    findings.push({
      step: e.step, checkId: 'meterValues.interval', level: arrivalLevel, ...(e.arrivalOctt ? { octt: e.arrivalOctt } : {}),
      requirement: `${e.requirement} — judged on arrival at the harness (harness wall clock)`,
      expected: `each MeterValues.req arrives within ${fmtS(e.toleranceMs)} of a ${every}`,
      actual: `arrivals ${cap(arrParts)}`,
      evidence: badArrivals,
    });
  }
  return findings;
}

// ---- measurands and context ---------------------------------------------------------------------

function measurandFindings(e: MeterValuesExpectation, sel: MeterValuesSelection, level: Finding['level']): Finding[] {
  const findings: Finding[] = [];
  const key = e.mode === 'sampled' ? 'MeterValuesSampledData' : 'MeterValuesAlignedData';
  const wrongSet: string[] = [];
  const wrongSetSeqs: number[] = [];
  // A measurand beyond the key: the OCTT (Tables 27, 28) only asks for each configured one, and §9.1.17 /
  // §9.1.15 do not forbid more, so that is SHOULD, judged apart.
  const extraSet: string[] = [];
  const extraSetSeqs: number[] = [];
  const wrongContext: string[] = [];
  const wrongContextSeqs: number[] = [];
  for (const { frame, readings } of sel.counted) {
    const values = readings.flatMap((r) => r.values);
    const present = measurandsOf(values);
    const missing = e.measurands.filter((m) => !present.includes(m));
    const extra = present.filter((m) => !e.measurands.includes(m));
    if (missing.length) {
      wrongSetSeqs.push(frame.seq);
      wrongSet.push(`frame #${frame.seq} lacks ${missing.join(', ')}`);
    }
    if (extra.length) {
      extraSetSeqs.push(frame.seq);
      extraSet.push(`frame #${frame.seq} has unconfigured ${extra.join(', ')}`);
    }
    const contexts = new Map<string, number>();
    for (const v of values) {
      if (v.context === e.context) continue;
      const label = contextLabel(v);
      contexts.set(label, (contexts.get(label) ?? 0) + 1);
    }
    if (contexts.size) {
      wrongContextSeqs.push(frame.seq);
      wrongContext.push(`frame #${frame.seq}: context ${[...contexts].map(([c, n]) => `${c} ×${n}`).join(', ')}`);
    }
  }
  if (wrongSet.length) {
    findings.push({
      step: e.step, checkId: 'meterValues.measurands', level,
      requirement: `${e.requirement} — judged per MeterValues.req (absent measurand = Energy.Active.Import.Register)`,
      expected: `each MeterValues.req carries every measurand of the configured ${key}: ${e.measurands.join(', ') || '(none)'}`,
      actual: cap(wrongSet, 10, '; '),
      evidence: wrongSetSeqs,
    });
  }
  if (extraSet.length) {
    findings.push({
      step: e.step, checkId: 'meterValues.measurands', level: 'SHOULD', octt: 'not-checked',
      requirement: `${e.requirement} — judged per MeterValues.req (absent measurand = Energy.Active.Import.Register)`,
      expected: `each MeterValues.req carries only the configured ${key}: ${e.measurands.join(', ') || '(none)'}`,
      actual: cap(extraSet, 10, '; '),
      evidence: extraSetSeqs,
    });
  }
  if (wrongContext.length) {
    findings.push({
      step: e.step, checkId: 'meterValues.measurands', level,
      requirement: `${e.requirement} — OCPP 1.6 §7 ReadingContext (absent context = Sample.Periodic)`,
      expected: `every ${e.mode === 'sampled' ? 'sampled' : 'clock-aligned'} value with context ${e.context}`,
      actual: cap(wrongContext, 10, '; '),
      evidence: wrongContextSeqs,
    });
  }
  return findings;
}

function contextLabel(v: SampledReading): string {
  return v.defaulted.includes('context') ? `absent (= ${v.context})` : v.context;
}

// ---- text ---------------------------------------------------------------------------------------

function fmtS(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function signedMs(ms: number): string {
  const r = Math.round(ms);
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r)} ms`;
}

/** UTC time of day, `HH:MM:SS.mmm`. */
function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

function cap(parts: string[], max = 30, sep = ', '): string {
  return parts.length > max ? `${parts.slice(0, max).join(sep)}${sep}… (${parts.length - max} more)` : parts.join(sep);
}
