// The robustness checks of issue 7 §3 over hand-written traces: the 1.6 error-code rule, placeholder
// ids, unanswered malformed CALLs, non-1.6 actions, subprotocol negotiation, unasked Basic credentials.
import { expect } from 'chai';
import { findingsOf } from '../../harness/checks/judge.js';
import { classifyErrorCode16 } from '../../harness/versions/ocpp16/error-codes.js';
import { schemaRegistry } from '../../harness/schema/registry.js';
import type { Sut } from '../../harness/trace/types.js';
import { TraceBuilder } from '../support/trace-builder.js';

const settings = { responseTimeoutMs: 1000, toleranceMs: 500, strict: false, maxFrameBytes: 1024 };
const findings = (b: TraceBuilder, sut: Sut = 'ChargePoint') =>
  findingsOf({ caseId: 'T', sut, events: b.events, settings, registry: schemaRegistry('1.6') });
const ids = (b: TraceBuilder, sut: Sut = 'ChargePoint') => findings(b, sut).map((f) => `${f.checkId}:${f.level}`);
const sentOnPurpose = (b: TraceBuilder, t: number, raw: string) =>
  b.event(t, { kind: 'frame', conn: 0, dir: 'out', raw, deliberatelyInvalid: true });

describe('the one OCPP 1.6 error-code tolerance rule', () => {
  it('exact, another Table 7 code, a later spelling, no 1.6 code', () => {
    expect(classifyErrorCode16('NotImplemented', ['NotImplemented'])).to.equal('exact');
    expect(classifyErrorCode16('NotSupported', ['NotImplemented'])).to.equal('other-code');
    expect(classifyErrorCode16('TypeConstraintViolation', ['FormationViolation'])).to.equal('other-code');
    expect(classifyErrorCode16('FormatViolation', ['FormationViolation'])).to.equal('later-spelling');
    expect(classifyErrorCode16('OccurrenceConstraintViolation', ['TypeConstraintViolation'])).to.equal('later-spelling');
    expect(classifyErrorCode16('RpcFrameworkError', ['FormationViolation'])).to.equal('not-a-code');
  });
});

describe('robustness checks over hand-written traces', () => {
  it('a malformed CALL with a readable id answered with its id: no finding', () => {
    const b = new TraceBuilder();
    sentOnPurpose(b, 0, '[2,"m1"]');
    b.in(5, [4, 'm1', 'FormationViolation', '', {}]);
    b.note(3000);
    expect(ids(b)).to.deep.equal([]);
  });

  it('a malformed CALL with a readable id left unanswered: rpc.noResponse', () => {
    const b = new TraceBuilder();
    sentOnPurpose(b, 0, '[2,"m1"]');
    b.note(3000);
    expect(ids(b)).to.deep.equal(['rpc.noResponse:MUST']);
  });

  it('a CALLERROR with "" or "-1" to a CALL whose id was readable: rpc.messageId.callError (not also unknown / noResponse)', () => {
    for (const placeholder of ['', '-1']) {
      const b = new TraceBuilder();
      sentOnPurpose(b, 0, '[2,"m1","Heartbeat",[]]');
      b.in(5, [4, placeholder, 'FormationViolation', '', {}]);
      b.note(3000);
      expect(ids(b)).to.deep.equal(['rpc.messageId.callError:MUST']);
    }
  });

  it('a CALLERROR with "-1" to garbage without a readable id is fine', () => {
    const b = new TraceBuilder();
    sentOnPurpose(b, 0, 'not json');
    b.in(5, [4, '-1', 'FormationViolation', '', {}]);
    expect(ids(b)).to.deep.equal([]);
  });

  it('rpc.action: a charge point sending a non-1.6 action or a Central System request; DataTransfer and security messages are fine', () => {
    const b = new TraceBuilder();
    b.in(1, [2, 'a', 'CustomOperation', {}]);
    b.out(2, [4, 'a', 'NotImplemented', '', {}]);
    b.in(3, [2, 'b', 'Reset', { type: 'Soft' }]);
    b.out(4, [4, 'b', 'NotSupported', '', {}]);
    b.in(5, [2, 'c', 'DataTransfer', { vendorId: 'x' }]);
    b.out(6, [3, 'c', { status: 'UnknownVendorId' }]);
    b.in(7, [2, 'd', 'SecurityEventNotification', { type: 'StartupOfTheDevice', timestamp: '2026-01-01T00:00:00Z' }]);
    b.out(8, [3, 'd', {}]);
    const f = findings(b).filter((x) => x.checkId === 'rpc.action');
    expect(f.map((x) => x.evidence[0])).to.deep.equal([0, 2]);
    expect(f[1].actual).to.contain('a request of the other side');
  });

  it('rpc.action on the CSMS side', () => {
    const b = new TraceBuilder();
    b.in(1, [2, 'a', 'CustomOperation', {}]);
    b.out(2, [4, 'a', 'NotImplemented', '', {}]);
    b.in(3, [2, 'b', 'GetConfiguration', {}]);
    b.out(4, [3, 'b', { configurationKey: [] }]);
    expect(ids(b, 'Csms')).to.deep.equal(['rpc.action:MUST']);
  });

  const probe = (status: number, chosen: string | null, closedByPeerAfterMs?: number | null) => {
    const b = new TraceBuilder();
    b.event(0, { kind: 'http-upgrade', url: 'ws://x/ocpp/CP001', status, offeredProtocols: ['ocpp9.9'], chosenProtocol: chosen, closedByPeerAfterMs });
    return ids(b, 'Csms');
  };
  it('handshake.unsupportedSubprotocol: HTTP 400, a protocol not offered, or kept open are MUST; 101 without header then closed passes', () => {
    expect(probe(101, null, 12)).to.deep.equal([]);
    expect(probe(400, null)).to.deep.equal(['handshake.unsupportedSubprotocol:MUST']);
    expect(probe(101, 'ocpp1.6', 5)).to.deep.equal(['handshake.unsupportedSubprotocol:MUST']);
    expect(probe(101, null, null)).to.deep.equal(['handshake.unsupportedSubprotocol:MUST']);
    expect(probe(0, null)).to.deep.equal([]); // no answer at all: the case is INCONCLUSIVE, nothing judged
  });

  it('a connection without an agreed subprotocol closed by the peer is not connection.closed', () => {
    const b = new TraceBuilder();
    b.open(0, { chosen: null });
    b.close(5, 'peer');
    expect(ids(b)).to.deep.equal([]);
  });

  const opened = (extra: Record<string, unknown>) => {
    const b = new TraceBuilder();
    b.event(0, { kind: 'ws-open', conn: 0, url: '/ocpp/CP001', identity: 'CP001', offeredProtocols: ['ocpp1.6'], chosenProtocol: 'ocpp1.6', ...extra });
    return ids(b);
  };
  it('handshake.basicAuthUnasked: Basic credentials over plain ws:// to a harness without basicAuthPassword is SHOULD', () => {
    expect(opened({ authorization: 'Basic ***', secure: false, basicAuthExpected: false })).to.deep.equal(['handshake.basicAuthUnasked:SHOULD']);
    expect(opened({ authorization: 'Basic ***', secure: false, basicAuthExpected: true })).to.deep.equal([]);
    expect(opened({ authorization: 'Basic ***', secure: true, basicAuthExpected: false })).to.deep.equal([]);
    expect(opened({ secure: false, basicAuthExpected: false })).to.deep.equal([]);
    expect(opened({ authorization: 'Basic ***' })).to.deep.equal([]); // an older trace without the fields
  });

  it('a deliberately invalid Reset announces no restart: a close afterwards is connection.closed', () => {
    const b = new TraceBuilder();
    b.open(0);
    sentOnPurpose(b, 1, JSON.stringify([2, 'r', 'Reset', { type: 'Medium' }]));
    b.in(2, [3, 'r', { status: 'Accepted' }]);
    b.close(50, 'peer');
    expect(ids(b)).to.include('connection.closed:MUST');
  });
});
