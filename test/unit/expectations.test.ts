// The expectation evaluator over literal traces: windows, tolerance, forbid, match, consumption.
import { OCPP16 } from '../../harness/versions/ocpp16/facts.js';
import { expect } from 'chai';
import { evaluateCall, evaluateOne } from '../../harness/checks/evaluate-expectations.js';
import type { CallExpectation } from '../../harness/checks/expectation.js';
import { buildRpcModel } from '../../harness/checks/rpc-model.js';
import { TraceBuilder } from '../support/trace-builder.js';

const boot = (id: string) => [2, id, 'BootNotification', { chargePointVendor: 'A', chargePointModel: 'B' }];
const status = (id: string, connectorId: number, s = 'Available') => [2, id, 'StatusNotification', { connectorId, errorCode: 'NoError', status: s }];

function retryExpectation(anchorSeq: number, extra: Partial<CallExpectation> = {}): CallExpectation {
  return {
    type: 'call', action: 'BootNotification', afterSeq: anchorSeq, requirement: 'retry after interval', step: 4,
    window: { anchorSeq, minMs: 10_000, maxMs: 10_000, toleranceMs: 500, graceMs: 500 }, ...extra,
  };
}

describe('expectations: call windows', () => {
  const withRetryAt = (t: number) => {
    const b = new TraceBuilder();
    const anchor = b.out(0, [3, 'a', { status: 'Pending', currentTime: '2026-01-01T00:00:00Z', interval: 10 }]);
    b.in(t, boot('b'));
    b.note(11_500);
    return { model: buildRpcModel(b.events), anchor };
  };
  const table: [string, number, string[]][] = [
    ['on time', 10_000, []],
    ['early, inside tolerance', 9_600, []],
    ['too early', 2_130, ['timing.notBefore']],
    ['late, inside tolerance', 10_400, []],
    ['too late, inside grace', 10_800, ['timing.notAfter']],
    ['after the grace: missing', 11_200, ['sequence.missing']],
  ];
  for (const [name, t, expected] of table) {
    it(`${name} (+${t} ms) → ${expected.join(', ') || 'no finding'}`, () => {
      const { model, anchor } = withRetryAt(t);
      expect(evaluateCall(retryExpectation(anchor), model).findings.map((f) => f.checkId)).to.deep.equal(expected);
    });
  }

  it('the failure explains itself: expected vs actual with times and frame numbers', () => {
    const { model, anchor } = withRetryAt(2_130);
    const [f] = evaluateCall(retryExpectation(anchor), model).findings;
    expect(f).to.include({ checkId: 'timing.notBefore', step: 4, level: 'MUST' });
    expect(f.expected).to.equal('BootNotification ≥ 10.00 s after event #0 (tolerance 0.50 s)');
    expect(f.actual).to.equal('BootNotification at +2.13 s (frame #1)');
    expect(f.evidence).to.deep.equal([0, 1]);
  });

  it('pending while the trace has not reached the deadline; unmet after', () => {
    const b = new TraceBuilder();
    const anchor = b.note(0);
    const e: CallExpectation = { type: 'call', action: 'Heartbeat', afterSeq: anchor, requirement: 'r', window: { anchorSeq: anchor, maxMs: 1000, toleranceMs: 0, graceMs: 0 } };
    expect(evaluateCall(e, buildRpcModel(b.events)).status).to.equal('pending');
    b.note(1001);
    const result = evaluateCall(e, buildRpcModel(b.events));
    expect(result.status).to.equal('unmet');
    expect(result.findings.map((f) => f.checkId)).to.deep.equal(['sequence.missing']);
  });

  it('forbid: anything but BootNotification while Pending', () => {
    const b = new TraceBuilder();
    const anchor = b.note(0);
    b.in(100, status('s', 0));
    b.in(10_000, boot('b'));
    const e = retryExpectation(anchor, { forbid: { actions: '*', why: 'Pending' } });
    expect(evaluateCall(e, buildRpcModel(b.events)).findings.map((f) => f.checkId)).to.deep.equal(['sequence.forbidden']);
  });

  it('where selects, match judges; consumed frames and other connections do not count', () => {
    const b = new TraceBuilder();
    const anchor = b.note(0);
    b.in(1, status('x', 1, 'Charging'), 7);
    b.in(2, status('a', 1, 'Available'));
    b.in(3, status('b', 0, 'Available'));
    b.in(4, status('c', 1, 'Preparing'));
    const base = { type: 'call' as const, action: 'StatusNotification', afterSeq: anchor, conn: 0, requirement: 'r', window: { anchorSeq: anchor, maxMs: 1000, toleranceMs: 0, graceMs: 0 } };
    const model = buildRpcModel(b.events);
    const first = evaluateCall({ ...base, where: { connectorId: 1 }, match: { status: 'Preparing' } }, model);
    expect(first.match?.event.seq).to.equal(2);
    expect(first.findings.map((f) => f.checkId)).to.deep.equal(['payload.mismatch']);
    expect(first.findings[0].actual).to.contain('status = "Available"');
    const second = evaluateCall({ ...base, where: { connectorId: 1 }, match: { status: 'Preparing' }, exclude: [2] }, model);
    expect(second.match?.event.seq).to.equal(4);
    expect(second.findings).to.deep.equal([]);
  });
});

describe('matchers', () => {
  it('oneOf with optional: absent passes, a listed value passes, another fails', async () => {
    const { mismatches } = await import('../../harness/checks/match.js');
    const m = { reason: { oneOf: ['Local'], optional: true } };
    expect(mismatches({}, m)).to.deep.equal([]);
    expect(mismatches({ reason: 'Local' }, m)).to.deep.equal([]);
    expect(mismatches({ reason: 'Remote' }, m)).to.have.length(1);
    expect(mismatches({}, { reason: { oneOf: ['Local'] } })).to.have.length(1);
  });

  it('notBefore / notAfter compare date-time strings; anything else fails', async () => {
    const { mismatches } = await import('../../harness/checks/match.js');
    const m = { timestamp: { notBefore: '2024-05-01T10:00:00.000Z' }, 'x.at': { notAfter: '2024-05-01T10:00:05Z' } };
    expect(mismatches({ timestamp: '2024-05-01T10:00:00Z', x: { at: '2024-05-01T12:00:04+02:00' } }, m)).to.deep.equal([]);
    expect(mismatches({ timestamp: '2024-05-01T09:59:59.999Z', x: { at: '2024-05-01T10:00:05.001Z' } }, m)).to.have.length(2);
    expect(mismatches({ timestamp: 'not a time', x: { at: 1714557600000 } }, m)).to.have.length(2);
    expect(mismatches({}, m)).to.have.length(2);
    const both = { t: { notBefore: '2024-05-01T10:00:00Z', notAfter: '2024-05-01T10:00:01Z' } };
    expect(mismatches({ t: '2024-05-01T10:00:00.500Z' }, both)).to.deep.equal([]);
    expect(mismatches({ t: '2024-05-01T10:00:01.500Z' }, both)).to.have.length(1);
  });
});

describe('expectations: answers to our CALLs', () => {
  it('callResult: match fields, CALLERROR instead of a result', () => {
    const b = new TraceBuilder();
    const call = b.out(0, [2, 'c', 'ChangeConfiguration', { key: 'K', value: 'V' }]);
    b.in(5, [3, 'c', { status: 'Rejected' }]);
    const model = buildRpcModel(b.events);
    const findings = evaluateOne({ type: 'callResult', callSeq: call, action: 'ChangeConfiguration', match: { status: 'Accepted' }, requirement: 'r' }, model, OCPP16);
    expect(findings.map((f) => f.checkId)).to.deep.equal(['payload.mismatch']);
    const b2 = new TraceBuilder();
    const call2 = b2.out(0, [2, 'c', 'ChangeConfiguration', { key: 'K', value: 'V' }]);
    b2.in(5, [4, 'c', 'InternalError', 'boom', {}]);
    const f2 = evaluateOne({ type: 'callResult', callSeq: call2, action: 'ChangeConfiguration', requirement: 'r' }, buildRpcModel(b2.events), OCPP16);
    expect(f2.map((f) => f.checkId)).to.deep.equal(['payload.mismatch']);
    expect(f2[0].actual).to.contain('CALLERROR InternalError');
  });

  const errorCase = (answer: unknown) => {
    const b = new TraceBuilder();
    const call = b.out(0, [2, 'c', 'ChangeConfiguration', { key: 'K' }]);
    b.in(5, answer);
    return evaluateOne({
      type: 'callError', callSeq: call, exact: ['OccurenceConstraintViolation'], requirement: 'r',
    }, buildRpcModel(b.events), OCPP16).map((f) => `${f.checkId}:${f.level}`);
  };
  it('callError: exact code passes', () => expect(errorCase([4, 'c', 'OccurenceConstraintViolation', '', {}])).to.deep.equal([]));
  it('callError: tolerated spelling is SHOULD', () => expect(errorCase([4, 'c', 'OccurrenceConstraintViolation', '', {}])).to.deep.equal(['rpc.errorCode:SHOULD']));
  it('callError: another 1.6 code is SHOULD (the one 1.6 rule: never FAIL a legitimate 1.6 code)', () => {
    expect(errorCase([4, 'c', 'GenericError', '', {}])).to.deep.equal(['rpc.errorCode:SHOULD']);
    expect(errorCase([4, 'c', 'TypeConstraintViolation', '', {}])).to.deep.equal(['rpc.errorCode:SHOULD']);
  });
  it('callError: a code that is no 1.6 code is MUST (2.0.1\'s RpcFrameworkError, or invented)', () => {
    expect(errorCase([4, 'c', 'RpcFrameworkError', '', {}])).to.deep.equal(['rpc.errorCode:MUST']);
    expect(errorCase([4, 'c', 'Oops', '', {}])).to.deep.equal(['rpc.errorCode:MUST']);
  });
  it('callError: a CALLRESULT is rpc.expectedCallError', () => expect(errorCase([3, 'c', { status: 'Accepted' }])).to.deep.equal(['rpc.expectedCallError:MUST']));
});

describe('expectations: matchLevel (the CALL must come; what it carries is a SHOULD)', () => {
  const unlock = (connectorId: number) => [2, 'u', 'UnlockConnector', { connectorId }];
  const expectation = (anchor: number): CallExpectation => ({
    type: 'call', action: 'UnlockConnector', afterSeq: anchor, requirement: 'r', match: { connectorId: 1 }, matchLevel: 'SHOULD',
    window: { anchorSeq: anchor, maxMs: 1000, toleranceMs: 0, graceMs: 0 },
  });

  it('a mismatch is a SHOULD finding, not checked by the OCTT', () => {
    const b = new TraceBuilder();
    const anchor = b.note(0);
    b.in(10, unlock(2));
    const [f] = evaluateOne(expectation(anchor), buildRpcModel(b.events), OCPP16);
    expect(f).to.include({ checkId: 'payload.mismatch', level: 'SHOULD', octt: 'not-checked' });
  });

  it('a CALL that never comes is still a MUST', () => {
    const b = new TraceBuilder();
    const anchor = b.note(0);
    b.note(1001);
    const [f] = evaluateOne(expectation(anchor), buildRpcModel(b.events), OCPP16);
    expect(f).to.include({ checkId: 'sequence.missing', level: 'MUST', octt: 'fails' });
  });
});
