// The reconnect expectation over literal traces: the spacing of a charge point's connection attempts
// (accepted upgrades and refused ones) after the connection was lost (OCPP 2.0.1 Part 4 §5.3, TC_B_57_CS).
import { expect } from 'chai';
import { evaluateReconnect } from '../../harness/checks/evaluate-expectations.js';
import type { ReconnectExpectation } from '../../harness/checks/expectation.js';
import { TraceBuilder } from '../support/trace-builder.js';

const base = (anchorSeq: number, extra: Partial<ReconnectExpectation>): ReconnectExpectation => ({
  type: 'reconnect', anchorSeq, nth: 1, toleranceMs: 500, requirement: 'Part 4 §5.3', ...extra,
});

describe('expectations: reconnect spacing', () => {
  /** The connection closes at 0; refused attempts and then an accepted one at the given times. */
  const trace = (refusedAt: number[], acceptedAt: number) => {
    const b = new TraceBuilder();
    const anchor = b.close(0, 'harness', 1000);
    for (const t of refusedAt) b.event(t, { kind: 'ws-error', status: 503, message: 'refused on purpose' });
    b.open(acceptedAt, { conn: 1 });
    return { events: b.events, anchor };
  };

  it('a first attempt after the wait minimum passes; one before it is timing.notBefore', () => {
    const ok = trace([], 2_100);
    expect(evaluateReconnect(base(ok.anchor, { minMs: 2_000 }), ok.events)).to.deep.equal([]);
    const early = trace([], 200);
    expect(evaluateReconnect(base(early.anchor, { minMs: 2_000 }), early.events).map((f) => f.checkId)).to.deep.equal(['timing.notBefore']);
  });

  it('the tolerance applies', () => {
    const t = trace([], 1_600);
    expect(evaluateReconnect(base(t.anchor, { minMs: 2_000 }), t.events)).to.deep.equal([]);
  });

  it('a doubled back-off: the second attempt at least twice the first gap after it', () => {
    const doubled = trace([2_000], 6_100);
    expect(evaluateReconnect(base(doubled.anchor, { nth: 2, minFactor: 2 }), doubled.events)).to.deep.equal([]);
    const notDoubled = trace([2_000], 4_000);
    const findings = evaluateReconnect(base(notDoubled.anchor, { nth: 2, minFactor: 2 }), notDoubled.events);
    expect(findings.map((f) => f.checkId)).to.deep.equal(['timing.notBefore']);
    expect(findings[0]!.expected).to.contain('2 ×');
  });

  it('no attempt yet: no finding (the case waits for the connection itself)', () => {
    const b = new TraceBuilder();
    const anchor = b.close(0, 'harness', 1000);
    b.note(10_000);
    expect(evaluateReconnect(base(anchor, { minMs: 2_000 }), b.events)).to.deep.equal([]);
  });
});
