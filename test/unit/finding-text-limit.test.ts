// Issue "nothing a SUT sends can crash the harness or lose a report", defect 4: one frame with tens of
// thousands of unexpected properties became a ~3 MB finding printed in full. Findings are capped.
import { expect } from 'chai';
import { findingsOf } from '../../harness/checks/judge.js';
import { DEFAULT_FINDING_TEXT_CHARS, capText } from '../../harness/checks/finding-text-limit.js';
import { schemaRegistry } from '../../harness/schema/registry.js';
import { TraceBuilder } from '../support/trace-builder.js';

describe('finding text is bounded', () => {
  it('a Heartbeat with 71,000 unexpected properties gives a finding of a few KB that says what it cut', () => {
    const payload: Record<string, number> = {};
    for (let i = 0; i < 71_000; i++) payload[`p${i}`] = i;
    const b = new TraceBuilder();
    b.open(0);
    b.in(10, [2, 'a', 'Heartbeat', payload]);
    b.out(11, [3, 'a', { currentTime: '2026-01-01T00:00:00Z' }]);
    const findings = findingsOf({ caseId: 'T', sut: 'ChargePoint', events: b.events, settings: { responseTimeoutMs: 1000, toleranceMs: 500, strict: false, maxFrameBytes: 8 << 20 }, registry: schemaRegistry('1.6') });
    expect(findings.length).to.be.greaterThan(0);
    for (const f of findings) {
      for (const text of [f.requirement, f.expected, f.actual]) expect(text.length).to.be.at.most(DEFAULT_FINDING_TEXT_CHARS + 100);
    }
    expect(findings.some((f) => /more characters; see the evidence frames/.test(f.actual))).to.equal(true);
  });

  it('short text is left alone', () => {
    expect(capText('abc', 10)).to.equal('abc');
    expect(capText('abcdefghijkl', 10)).to.equal('abcdefghij … (2 more characters; see the evidence frames in the trace)');
  });
});
