// Meter values: extraction from frames, and the `meterValues` expectation over hand-written traces.
// TraceBuilder stamps wall = 2026-01-01T00:00:00Z + t, so t is also the arrival time of day (UTC).
import { OCPP16 } from '../../harness/versions/ocpp16/facts.js';
import { expect } from 'chai';
import { evaluateOne } from '../../harness/checks/evaluate-expectations.js';
import type { MeterValuesExpectation } from '../../harness/checks/expectation.js';
import { findingsOf } from '../../harness/checks/judge.js';
import { selectMeterValues } from '../../harness/versions/ocpp16/checks/meter-values-expectation.js';
import { buildRpcModel } from '../../harness/checks/rpc-model.js';
import { boundariesBetween, inboundMeterFrames, offsetFromBoundary } from '../../harness/versions/ocpp16/model/meter-values.js';
import { schemaRegistry } from '../../harness/schema/registry.js';
import { TraceBuilder } from '../support/trace-builder.js';

const DAY = Date.UTC(2026, 0, 1);
const iso = (msIntoDay: number) => new Date(DAY + msIntoDay).toISOString();
const E = 'Energy.Active.Import.Register';
const P = 'Power.Active.Import';

type Sv = Record<string, string>;
const energy = (context = 'Sample.Periodic'): Sv => ({ value: '100', context, measurand: E, unit: 'Wh' });
const power = (context = 'Sample.Periodic'): Sv => ({ value: '7400', context, measurand: P, unit: 'W' });
const mv = (id: string, tsMs: number, sv: Sv[], connectorId = 1, transactionId: number | undefined = 7) =>
  [2, id, 'MeterValues', { connectorId, ...(transactionId === undefined ? {} : { transactionId }), meterValue: [{ timestamp: iso(tsMs), sampledValue: sv }] }];

/** A note at t=0 (afterSeq), inbound MeterValues with answers, a note at the end (untilSeq). */
function observe(frames: { t: number; ts?: number; sv?: Sv[]; connectorId?: number; transactionId?: number; context?: string }[], endT?: number) {
  const b = new TraceBuilder();
  const afterSeq = b.note(0, 'observing');
  frames.forEach((f, i) => {
    b.in(f.t, mv(`m${i}`, f.ts ?? f.t, f.sv ?? [energy(f.context), power(f.context)], f.connectorId, f.transactionId ?? 7));
    b.out(f.t + 1, [3, `m${i}`, {}]);
  });
  const untilSeq = b.note(endT ?? (frames.at(-1)?.t ?? 0) + 100, 'stopped');
  return { b, afterSeq, untilSeq };
}

function sampled(afterSeq: number, untilSeq: number, extra: Partial<MeterValuesExpectation> = {}): MeterValuesExpectation {
  return {
    type: 'meterValues', step: 5, requirement: 'OCPP 1.6 §3.16.1', connectorId: 1, transactionId: 7, afterSeq, untilSeq,
    mode: 'sampled', intervalS: 10, toleranceMs: 500, measurands: [E, P], context: 'Sample.Periodic', minCount: 3, ...extra,
  };
}

function aligned(afterSeq: number, untilSeq: number, extra: Partial<MeterValuesExpectation> = {}): MeterValuesExpectation {
  return sampled(afterSeq, untilSeq, { requirement: 'OCPP 1.6 §3.16.2', mode: 'clockAligned', intervalS: 900, context: 'Sample.Clock', measurands: [E], ...extra });
}

const run = (e: MeterValuesExpectation, b: TraceBuilder) => evaluateOne(e, buildRpcModel(b.events), OCPP16);

describe('meter values: reading frames (§4.7, §7 SampledValue)', () => {
  it('fills in the defaults of absent fields, for MeterValues and StopTransaction transactionData', () => {
    const b = new TraceBuilder();
    b.in(5, [2, 'a', 'MeterValues', { connectorId: 1, meterValue: [{ timestamp: iso(5), sampledValue: [{ value: '12' }, { value: '230', measurand: 'Voltage', phase: 'L1-N', unit: 'V' }] }] }]);
    b.in(9, [2, 'b', 'StopTransaction', { transactionId: 3, meterStop: 1, timestamp: iso(9), transactionData: [{ timestamp: iso(8), sampledValue: [{ value: '1', context: 'Transaction.End' }] }] }]);
    const [m, s] = inboundMeterFrames(buildRpcModel(b.events).frames);
    expect(m).to.deep.include({ source: 'MeterValues', seq: 0, t: 5, wallMs: DAY + 5, connectorId: 1, transactionId: undefined });
    expect(m.readings[0].timestampMs).to.equal(DAY + 5);
    expect(m.readings[0].sampledValues).to.deep.equal([
      { value: '12', context: 'Sample.Periodic', measurand: E, phase: undefined, location: 'Outlet', unit: 'Wh', format: 'Raw', defaulted: ['measurand', 'context', 'location', 'unit', 'format'] },
      { value: '230', context: 'Sample.Periodic', measurand: 'Voltage', phase: 'L1-N', location: 'Outlet', unit: 'V', format: 'Raw', defaulted: ['context', 'location', 'format'] },
    ]);
    expect(s).to.deep.include({ source: 'StopTransaction', transactionId: 3, connectorId: undefined });
    expect(s.readings[0].sampledValues[0]).to.deep.include({ context: 'Transaction.End', measurand: E, unit: 'Wh' });
  });

  it('clock-aligned boundaries are counted from midnight UTC, also when the interval does not divide the day', () => {
    expect(offsetFromBoundary(DAY + 900_400, 900)).to.deep.equal({ offsetMs: 400, boundaryMs: DAY + 900_000 });
    expect(offsetFromBoundary(DAY + 1_799_700, 900)).to.deep.equal({ offsetMs: -300, boundaryMs: DAY + 1_800_000 });
    // 7 h: boundaries 00:00, 07:00, 14:00, 21:00, then midnight again (not 04:00 the next day).
    expect(offsetFromBoundary(DAY + 86_399_800, 25_200)).to.deep.equal({ offsetMs: -200, boundaryMs: DAY + 86_400_000 });
    expect(boundariesBetween(DAY + 70_000_000, DAY + 86_400_000 + 30_000_000, 25_200).map((b) => iso(b - DAY)))
      .to.deep.equal(['2026-01-01T21:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-02T07:00:00.000Z']);
  });
});

describe('meterValues expectation: sampled interval', () => {
  it('gaps inside the tolerance: no finding', () => {
    const { b, afterSeq, untilSeq } = observe([{ t: 1_000 }, { t: 11_400 }, { t: 21_000 }, { t: 30_600 }]);
    expect(run(sampled(afterSeq, untilSeq), b)).to.deep.equal([]);
  });

  it('a gap outside the tolerance: one finding per clock, each gap and offset reported', () => {
    const { b, afterSeq, untilSeq } = observe([
      { t: 1_000, ts: 1_000 }, { t: 11_020, ts: 11_000 }, { t: 21_000, ts: 21_000 }, { t: 34_400, ts: 34_000 }]);
    const findings = run(sampled(afterSeq, untilSeq), b);
    expect(findings.map((f) => [f.checkId, f.level, f.step])).to.deep.equal([
      ['meterValues.interval', 'MUST', 5], ['meterValues.interval', 'MUST', 5]]);
    expect(findings[0].requirement).to.equal('OCPP 1.6 §3.16.1 — judged on arrival at the harness (harness clock)');
    expect(findings[0].expected).to.equal('successive MeterValues.req for connector 1 every 10.00 s ± 0.50 s');
    expect(findings[0].actual).to.equal('gaps 10.02 s (+20 ms), 9.98 s (−20 ms), 13.40 s (+3400 ms, frame #7)');
    expect(findings[0].evidence).to.deep.equal([7]);
    expect(findings[1].requirement).to.equal('OCPP 1.6 §3.16.1 — judged on meterValue.timestamp (the charge point\'s clock)');
    expect(findings[1].actual).to.equal('gaps 10.00 s (±0 ms), 10.00 s (±0 ms), 13.00 s (+3000 ms, frame #7)');
  });

  it('timestamps evenly spaced but frames bunched: only the arrival finding, at its own level', () => {
    const { b, afterSeq, untilSeq } = observe([{ t: 20_000, ts: 0 }, { t: 20_100, ts: 10_000 }, { t: 20_200, ts: 20_000 }]);
    const findings = run(sampled(afterSeq, untilSeq, { arrivalLevel: 'SHOULD' }), b);
    expect(findings.map((f) => [f.checkId, f.level, f.actual])).to.deep.equal([
      ['meterValues.interval', 'SHOULD', 'gaps 0.10 s (−9900 ms, frame #3), 0.10 s (−9900 ms, frame #5)']]);
  });

  it('arrivalOctt: arrival findings carry their own OCTT axis, timestamp findings keep the default', () => {
    const { b, afterSeq, untilSeq } = observe([
      { t: 1_000, ts: 1_000 }, { t: 11_000, ts: 11_000 }, { t: 24_400, ts: 24_000 }]);
    const findings = run(sampled(afterSeq, untilSeq, { arrivalOctt: 'not-checked' }), b);
    expect(findings.map((f) => [f.checkId, f.level, f.octt, f.requirement.split(' — ')[1]])).to.deep.equal([
      ['meterValues.interval', 'MUST', 'not-checked', 'judged on arrival at the harness (harness clock)'],
      ['meterValues.interval', 'MUST', 'fails', 'judged on meterValue.timestamp (the charge point\'s clock)']]);
  });

  it('arrivalOctt on clock-aligned values: a late arrival is not-checked', () => {
    const { b, afterSeq, untilSeq } = observe([
      { t: 900_100, ts: 900_000, context: 'Sample.Clock' }, { t: 1_820_000, ts: 1_800_000, context: 'Sample.Clock' }]);
    const e: MeterValuesExpectation = {
      ...sampled(afterSeq, untilSeq, { arrivalOctt: 'not-checked' }), mode: 'clockAligned', intervalS: 900, context: 'Sample.Clock', minCount: 2,
    };
    expect(run(e, b).map((f) => [f.checkId, f.level, f.octt])).to.deep.equal([['meterValues.interval', 'MUST', 'not-checked']]);
  });

  it('only the connector and transaction asked for count; Transaction.Begin and Trigger readings are left out', () => {
    const { b, afterSeq, untilSeq } = observe([
      { t: 500, context: 'Transaction.Begin' },
      { t: 1_000 }, { t: 5_000, connectorId: 2 }, { t: 6_000, transactionId: 8 }, { t: 7_000, context: 'Trigger' },
      { t: 11_000 }, { t: 21_000 }]);
    const sel = selectMeterValues(sampled(afterSeq, untilSeq), buildRpcModel(b.events));
    expect(sel.counted.map((c) => c.frame.seq)).to.deep.equal([3, 11, 13]);
    expect(sel.notCounted.map((n) => `#${n.frame.seq} ${n.why}`)).to.deep.equal([
      '#1 context Transaction.Begin', '#5 connectorId 2', '#7 transactionId 8', '#9 context Trigger']);
    expect(run(sampled(afterSeq, untilSeq), b)).to.deep.equal([]);
  });

  it('frames outside afterSeq..untilSeq and frames an earlier expectation took do not count', () => {
    const { b, afterSeq, untilSeq } = observe([{ t: 1_000 }, { t: 11_000 }, { t: 21_000 }]);
    b.in(31_000, mv('late', 31_000, [energy(), power()]));
    const e = sampled(afterSeq, untilSeq, { exclude: [1] });
    expect(selectMeterValues(e, buildRpcModel(b.events)).counted.map((c) => c.frame.seq)).to.deep.equal([3, 5]);
  });
});

describe('meterValues expectation: clock-aligned', () => {
  // 900 s: readings at 00:15:00, 00:30:00, 00:45:00.4 (timestamps), arriving shortly after.
  const quarterHours = (third = 2_700_400) => observe([
    { t: 900_120, ts: 900_000, context: 'Sample.Clock' },
    { t: 1_800_080, ts: 1_800_000, context: 'Sample.Clock' },
    { t: third + 50, ts: third, context: 'Sample.Clock' }]);

  it('on the boundaries within tolerance: no finding', () => {
    const { b, afterSeq, untilSeq } = quarterHours();
    expect(run(aligned(afterSeq, untilSeq, { measurands: [E, P] }), b)).to.deep.equal([]);
  });

  it('a timestamp 400 ms off with a 300 ms tolerance, and its late arrival: two findings with offsets', () => {
    const { b, afterSeq, untilSeq } = quarterHours();
    const findings = run(aligned(afterSeq, untilSeq, { measurands: [E, P], toleranceMs: 300 }), b);
    expect(findings.map((f) => [f.checkId, f.requirement, f.expected, f.actual, f.evidence])).to.deep.equal([
      ['meterValues.interval', 'OCPP 1.6 §3.16.2 — judged on meterValue.timestamp (the charge point\'s clock)',
        'every meterValue.timestamp on a 900 s boundary counted from 00:00:00 UTC (tolerance 0.30 s)',
        'timestamps 00:15:00.000 ±0 ms, 00:30:00.000 ±0 ms, 00:45:00.400 +400 ms (frame #5)', [5]],
      ['meterValues.interval', 'OCPP 1.6 §3.16.2 — judged on arrival at the harness (harness wall clock)',
        'each MeterValues.req arrives within 0.30 s of a 900 s boundary counted from 00:00:00 UTC',
        'arrivals 00:15:00.120 +120 ms, 00:30:00.080 +80 ms, 00:45:00.450 +450 ms (frame #5)', [5]],
    ]);
  });

  it('a skipped boundary is a finding', () => {
    const { b, afterSeq, untilSeq } = observe([
      { t: 900_050, ts: 900_000, context: 'Sample.Clock' }, { t: 2_700_050, ts: 2_700_000, context: 'Sample.Clock' }]);
    const findings = run(aligned(afterSeq, untilSeq, { measurands: [E, P], minCount: 2 }), b);
    expect(findings.map((f) => [f.checkId, f.expected, f.actual])).to.deep.equal([
      ['meterValues.interval', 'a reading at every 900 s boundary counted from 00:00:00 UTC between the first (00:15:00.000) and the last (00:45:00.000)',
        'no reading for 00:30:00.000'],
    ]);
  });

  it('periodic readings do not count as clock-aligned ones: missing, and the near misses are named', () => {
    const { b, afterSeq, untilSeq } = observe([{ t: 900_050, ts: 900_000 }, { t: 1_800_050, ts: 1_800_000 }]);
    const findings = run(aligned(afterSeq, untilSeq, { measurands: [E, P], minCount: 2 }), b);
    expect(findings.map((f) => [f.checkId, f.expected, f.actual, f.evidence])).to.deep.equal([
      ['meterValues.missing', 'at least 2 clock-aligned meter values for connector 1 (transaction 7), context Sample.Clock, between event #0 and event #5',
        '0 readings; not counted: frame #1 (context Sample.Periodic), frame #3 (context Sample.Periodic)', [0, 5]],
    ]);
  });

  it('clock-aligned readings sent without a context are named as such', () => {
    const { b, afterSeq, untilSeq } = observe([{ t: 900_050, ts: 900_000, sv: [{ value: '1' }] }]);
    const findings = run(aligned(afterSeq, untilSeq, { minCount: 1 }), b);
    expect(findings.map((f) => f.actual)).to.deep.equal([
      '0 readings; not counted: frame #1 (context absent (= Sample.Periodic))',
    ]);
  });
});

describe('meterValues expectation: measurands, context, count', () => {
  it('a configured measurand missing (MUST), one not configured (SHOULD, not an OCTT check): a finding each, naming the frames', () => {
    const { b, afterSeq, untilSeq } = observe([
      { t: 1_000, sv: [energy(), power()] },
      { t: 11_000, sv: [{ value: '120' }] },
      { t: 21_000, sv: [energy(), power(), { value: '230', measurand: 'Voltage', unit: 'V' }] }]);
    const findings = run(sampled(afterSeq, untilSeq), b);
    expect(findings.map((f) => [f.checkId, f.level, f.expected, f.actual, f.evidence])).to.deep.equal([
      ['meterValues.measurands', 'MUST', `each MeterValues.req carries every measurand of the configured MeterValuesSampledData: ${E}, ${P}`,
        `frame #3 lacks ${P}`, [3]],
      ['meterValues.measurands', 'SHOULD', `each MeterValues.req carries only the configured MeterValuesSampledData: ${E}, ${P}`,
        'frame #5 has unconfigured Voltage', [5]],
    ]);
  });

  it('the wrong context (Other); a value without context is Sample.Periodic, not clock-aligned', () => {
    const { b, afterSeq, untilSeq } = observe([
      { t: 900_000, sv: [{ ...energy('Sample.Clock') }] },
      { t: 1_800_000, sv: [energy('Other')] }]);
    b.in(2_700_000, [2, 'x', 'MeterValues', { connectorId: 1, transactionId: 7, meterValue: [{ timestamp: iso(2_700_000), sampledValue: [energy('Sample.Clock'), { value: '1', measurand: P }] }] }]);
    const e = aligned(afterSeq, b.note(2_700_100), { measurands: [E, P], minCount: 3 });
    const findings = run(e, b).filter((f) => f.checkId === 'meterValues.measurands');
    expect(findings.map((f) => f.actual)).to.deep.equal([
      `frame #1 lacks ${P}; frame #3 lacks ${P}; frame #6 lacks ${P}`,
      'frame #3: context Other ×1',
    ]);
    expect(findings[1].expected).to.equal('every clock-aligned value with context Sample.Clock');
  });

  it('too few readings: meterValues.missing with what did arrive', () => {
    const { b, afterSeq, untilSeq } = observe([{ t: 1_000 }, { t: 11_000 }, { t: 12_000, connectorId: 2 }]);
    const findings = run(sampled(afterSeq, untilSeq), b);
    expect(findings.map((f) => [f.checkId, f.level, f.actual, f.evidence])).to.deep.equal([
      ['meterValues.missing', 'MUST', '2 readings (frames #1, #3); not counted: frame #5 (connectorId 2)', [1, 3]],
    ]);
  });

  it('recorded in the trace, the expectation is judged by findingsOf (so rejudge agrees)', () => {
    const { b, afterSeq, untilSeq } = observe([{ t: 1_000 }, { t: 11_000 }]);
    b.expect(11_200, sampled(afterSeq, untilSeq));
    const settings = { responseTimeoutMs: 1000, toleranceMs: 500, strict: false };
    const findings = findingsOf({ caseId: 'T', sut: 'ChargePoint', events: b.events, settings, registry: schemaRegistry('1.6') });
    expect(findings.map((f) => f.checkId)).to.deep.equal(['meterValues.missing']);
  });
});
