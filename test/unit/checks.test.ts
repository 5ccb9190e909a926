// Each generic check over hand-written traces, with the exact findings expected.
import { expect } from 'chai';
import { findingsOf, judge } from '../../harness/checks/judge.js';
import { schemaRegistry } from '../../harness/schema/registry.js';
import type { Sut } from '../../harness/trace/types.js';
import { TraceBuilder } from '../support/trace-builder.js';

const settings = { responseTimeoutMs: 1000, toleranceMs: 500, strict: false, maxFrameBytes: 1024 };
const ids = (b: TraceBuilder, sut: Sut = 'ChargePoint') =>
  findingsOf({ caseId: 'T', sut, events: b.events, settings, registry: schemaRegistry('1.6') }).map((f) => f.checkId);
const HB = (id: string) => [2, id, 'Heartbeat', {}];
const HB_CONF = (id: string) => [3, id, { currentTime: '2026-01-01T00:00:00Z' }];

describe('checks over hand-written traces', () => {
  it('a clean exchange has no finding', () => {
    const b = new TraceBuilder();
    b.open(0);
    b.in(10, HB('a'));
    b.out(11, HB_CONF('a'));
    b.out(20, [2, 'h1', 'GetConfiguration', {}]);
    b.in(30, [3, 'h1', { configurationKey: [] }]);
    expect(ids(b)).to.deep.equal([]);
  });

  it('framing: not JSON, wrong shape, unknown type, binary', () => {
    const b = new TraceBuilder();
    b.in(1, 'nope');
    b.in(2, '{"a":1}');
    b.in(3, '[9,"x",{}]');
    b.events.push({ seq: 3, t: 4, wall: '', kind: 'frame', conn: 0, dir: 'in', raw: 'AAE=', binary: true });
    expect(ids(b)).to.deep.equal(['rpc.json', 'rpc.shape', 'rpc.messageType', 'rpc.shape']);
  });

  it('the harness\'s own deliberately broken frames are not findings', () => {
    const b = new TraceBuilder();
    b.out(1, 'nope');
    expect(ids(b)).to.deep.equal([]);
  });

  it('schema: an inbound CALL and an inbound CALLRESULT are each validated against their action', () => {
    const b = new TraceBuilder();
    b.in(1, [2, 'a', 'BootNotification', { chargePointVendor: 'A', chargePointModel: 'B', extra: 1 }]);
    b.out(2, [3, 'a', { status: 'Accepted', currentTime: '2026-01-01T00:00:00Z', interval: 10 }]);
    b.out(3, [2, 'h', 'ChangeConfiguration', { key: 'K', value: 'V' }]);
    b.in(4, [3, 'h', { status: 'Maybe' }]);
    expect(ids(b)).to.deep.equal(['schema.call', 'schema.callResult']);
  });

  it('an unknown inbound action is not a schema finding (the receiver refuses it), but rpc.action (§4.3: use DataTransfer)', () => {
    const b = new TraceBuilder();
    b.in(1, [2, 'a', 'Frobnicate', {}]);
    b.out(2, [4, 'a', 'NotImplemented', '', {}]);
    expect(ids(b)).to.deep.equal(['rpc.action']);
  });

  it('rpc.messageId.unknown and rpc.noResponse for an answer with the wrong id', () => {
    const b = new TraceBuilder();
    b.out(0, [2, 'h1', 'GetConfiguration', {}]);
    b.in(5, [3, 'zz', { configurationKey: [] }]);
    b.note(2000);
    expect(ids(b)).to.deep.equal(['rpc.noResponse', 'rpc.messageId.unknown']);
  });

  it('a CALLERROR answering garbage we sent on purpose pairs with it, once per garbage frame', () => {
    const b = new TraceBuilder();
    b.events.push({ seq: 0, t: 0, wall: '', kind: 'frame', conn: 0, dir: 'out', raw: 'not json', deliberatelyInvalid: true });
    b.in(5, [4, '-1', 'FormationViolation', '', {}]);
    b.in(6, [4, '-1', 'FormationViolation', '', {}]);
    expect(ids(b)).to.deep.equal(['rpc.messageId.unknown']);
  });

  it('rpc.noResponse needs the trace to cover a full response timeout', () => {
    const b = new TraceBuilder();
    b.out(0, [2, 'h1', 'GetConfiguration', {}]);
    b.note(999);
    expect(ids(b)).to.deep.equal([]);
  });

  it('rpc.responseTime: answered, but after the timeout', () => {
    const b = new TraceBuilder();
    b.out(0, [2, 'h1', 'GetConfiguration', {}]);
    b.in(1500, [3, 'h1', { configurationKey: [] }]);
    const f = findingsOf({ caseId: 'T', sut: 'ChargePoint', events: b.events, settings, registry: schemaRegistry('1.6') });
    expect(f.map((x) => x.checkId)).to.deep.equal(['rpc.responseTime']);
    expect(f[0].actual).to.contain('1500.0 ms');
  });

  it('rpc.singleOutstandingCall: a second CALL before the first is answered (SHOULD)', () => {
    const b = new TraceBuilder();
    b.in(0, HB('a'));
    b.in(1, [2, 'b', 'StatusNotification', { connectorId: 0, errorCode: 'NoError', status: 'Available' }]);
    b.out(2, HB_CONF('a'));
    b.out(3, [3, 'b', {}]);
    const f = findingsOf({ caseId: 'T', sut: 'ChargePoint', events: b.events, settings, registry: schemaRegistry('1.6') });
    expect(f.map((x) => `${x.checkId}:${x.level}`)).to.deep.equal(['rpc.singleOutstandingCall:SHOULD']);
  });

  it('…but not once the first CALL has timed out', () => {
    const b = new TraceBuilder();
    b.in(0, HB('a'));
    b.in(1001, HB('b'));
    b.out(1002, HB_CONF('b'));
    expect(ids(b)).to.deep.equal([]);
  });

  it('…nor within the timing tolerance of the timeout (the sender\'s own timer ends its wait, ours stands in for it)', () => {
    const near = new TraceBuilder();
    near.in(0, HB('a'));
    near.in(600, HB('b')); // 1000 ms timeout − 500 ms tolerance: already at the edge
    near.out(601, HB_CONF('b'));
    expect(ids(near)).to.deep.equal([]);
    const early = new TraceBuilder();
    early.in(0, HB('a'));
    early.in(400, HB('b'));
    early.out(401, HB_CONF('b'));
    expect(ids(early)).to.deep.equal(['rpc.singleOutstandingCall']);
  });

  it('handshake.subprotocol on either side', () => {
    const cp = new TraceBuilder();
    cp.open(0, { offered: [] });
    expect(ids(cp, 'ChargePoint')).to.deep.equal(['handshake.subprotocol']);
    const csms = new TraceBuilder();
    csms.upgrade(0, null);
    expect(ids(csms, 'Csms')).to.deep.equal(['handshake.subprotocol']);
    const ok = new TraceBuilder();
    ok.upgrade(0, 'ocpp1.6');
    expect(ids(ok, 'Csms')).to.deep.equal([]);
  });

  it('connection.closed unless a restart was asked for; frameTooLarge', () => {
    const b = new TraceBuilder();
    b.open(0);
    b.close(10, 'peer');
    expect(ids(b)).to.deep.equal(['connection.closed']);
    const rebooted = new TraceBuilder();
    rebooted.open(0);
    rebooted.stimulus(5, 'reboot');
    rebooted.close(10, 'peer');
    expect(ids(rebooted)).to.deep.equal([]);
    const reset = new TraceBuilder();
    reset.open(0);
    reset.out(1, [2, 'r', 'Reset', { type: 'Hard' }]);
    reset.in(2, [3, 'r', { status: 'Accepted' }]);
    reset.close(10, 'peer');
    expect(ids(reset)).to.deep.equal([]);
    const huge = new TraceBuilder();
    huge.error(1, 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', 'Max payload size exceeded');
    huge.close(2, 'harness', 1009);
    expect(ids(huge)).to.deep.equal(['transport.frameTooLarge']);
  });

  it('a generic finding is attributed to the step running at its first evidence', () => {
    const b = new TraceBuilder();
    b.step(0, 3);
    b.in(1, 'garbage');
    const f = findingsOf({ caseId: 'T', sut: 'ChargePoint', events: b.events, settings, registry: schemaRegistry('1.6') });
    expect(f[0].step).to.equal(3);
  });
});

describe('judge: verdicts', () => {
  const verdictOf = (b: TraceBuilder, extra: Partial<Parameters<typeof judge>[0]> = {}) =>
    judge({ caseId: 'T', sut: 'ChargePoint', events: b.events, settings, registry: schemaRegistry('1.6'), ...extra });

  it('PASS, FAIL, NON_STRICT', () => {
    const pass = new TraceBuilder();
    pass.in(0, HB('a'));
    expect(verdictOf(pass).verdict).to.equal('PASS');
    const fail = new TraceBuilder();
    fail.in(0, 'x');
    expect(verdictOf(fail).verdict).to.equal('FAIL');
    const should = new TraceBuilder();
    should.in(0, HB('a'));
    should.in(1, HB('b'));
    expect(verdictOf(should).verdict).to.equal('NON_STRICT');
  });

  it('an abort recorded in the trace gives NOT_APPLICABLE or INCONCLUSIVE, but a MUST finding still wins', () => {
    const na = new TraceBuilder();
    na.end(0, { abort: { verdict: 'NOT_APPLICABLE', reason: 'no plugIn' } });
    expect(verdictOf(na)).to.include({ verdict: 'NOT_APPLICABLE', reason: 'no plugIn' });
    const failed = new TraceBuilder();
    failed.in(0, 'x');
    failed.end(1, { abort: { verdict: 'INCONCLUSIVE', reason: 'operator timeout' } });
    expect(verdictOf(failed).verdict).to.equal('FAIL');
  });

  it('a frame of the harness that fails its schema is a harness fault (INCONCLUSIVE), unless sent broken on purpose', () => {
    const b = new TraceBuilder();
    b.out(0, [2, 'c', 'ChangeConfiguration', { key: 'K' }]);
    b.in(5, [4, 'c', 'OccurenceConstraintViolation', '', {}]);
    const j = verdictOf(b);
    expect(j.verdict).to.equal('INCONCLUSIVE');
    expect(j.reason).to.match(/harness fault.*ChangeConfiguration\.req/);
    const onPurpose = new TraceBuilder();
    onPurpose.events.push({ seq: 0, t: 0, wall: '', kind: 'frame', conn: 0, dir: 'out', raw: '[2,"c","ChangeConfiguration",{"key":"K"}]', deliberatelyInvalid: true });
    onPurpose.in(5, [4, 'c', 'OccurenceConstraintViolation', '', {}]);
    expect(verdictOf(onPurpose).verdict).to.equal('PASS');
  });

  it('stopping early with no finding to explain it is INCONCLUSIVE, never PASS', () => {
    const b = new TraceBuilder();
    b.end(0, { stoppedEarly: 'something odd' });
    expect(verdictOf(b).verdict).to.equal('INCONCLUSIVE');
  });

  it('stopping early on a missed SHOULD is NON_STRICT with the reason, not INCONCLUSIVE "without a finding"', () => {
    const b = new TraceBuilder();
    const anchor = b.note(0, 'waiting for StatusNotification');
    b.expect(0, { type: 'call', action: 'StatusNotification', afterSeq: anchor, level: 'SHOULD', octt: 'fails',
      window: { anchorSeq: anchor, maxMs: 100, toleranceMs: 0, graceMs: 0 }, requirement: 'Finishing after reconnecting (SHOULD)' });
    b.end(200, { stoppedEarly: 'StatusNotification did not arrive in time' });
    const j = verdictOf(b);
    expect(j.verdict).to.equal('NON_STRICT');
    expect(j.reason).to.match(/sequence\.missing.*later steps did not run/);
    expect(j.findings[0]).to.include({ checkId: 'sequence.missing', level: 'SHOULD', octt: 'fails' });
  });

  it('a known issue turns the FAIL it covers into EXPECTED_FAIL, and only that one', () => {
    const b = new TraceBuilder();
    b.in(0, 'x');
    expect(verdictOf(b, { knownIssues: [{ caseId: 'T', checkId: 'rpc.json', note: 'ticket 12' }] }).verdict).to.equal('EXPECTED_FAIL');
    expect(verdictOf(b, { knownIssues: [{ caseId: 'T', checkId: 'rpc.shape', note: 'other' }] }).verdict).to.equal('FAIL');
    expect(verdictOf(b, { knownIssues: [{ caseId: 'OTHER', note: 'other case' }] }).verdict).to.equal('FAIL');
  });
});
