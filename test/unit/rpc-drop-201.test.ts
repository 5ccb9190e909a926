// OCPP-J 2.0.1 §4.2.3 lets a receiver drop a CALL that is not valid OCPP: an unanswered CALL the harness
// broke on purpose is a SHOULD there, a MUST in 1.6, and a MUST for every well-formed CALL in both.
import { expect } from 'chai';
import { findingsOf } from '../../harness/checks/judge.js';
import { schemaRegistry } from '../../harness/schema/registry.js';
import { TraceBuilder } from '../support/trace-builder.js';

const settings = { responseTimeoutMs: 1000, toleranceMs: 500, strict: false, maxFrameBytes: 1024 };
const noResponse = (b: TraceBuilder, version: '1.6' | '2.0.1') =>
  findingsOf({ caseId: 'T', sut: 'ChargePoint', events: b.events, settings, registry: schemaRegistry(version) })
    .filter((f) => f.checkId === 'rpc.noResponse').map((f) => f.level);

describe('rpc.noResponse for a CALL broken on purpose', () => {
  const broken = () => {
    const b = new TraceBuilder();
    b.event(0, { kind: 'frame', conn: 0, dir: 'out', raw: '[2,"c","GetVariables",{"getVariableData":[]}]', deliberatelyInvalid: true });
    b.note(2000);
    return b;
  };

  it('2.0.1: SHOULD (the receiver may drop it)', () => {
    expect(noResponse(broken(), '2.0.1')).to.deep.equal(['SHOULD']);
  });

  it('1.6: MUST', () => {
    expect(noResponse(broken(), '1.6')).to.deep.equal(['MUST']);
  });

  it('2.0.1: a well-formed CALL left unanswered is still a MUST', () => {
    const b = new TraceBuilder();
    b.out(0, [2, 'h', 'Heartbeat', {}]);
    b.note(2000);
    expect(noResponse(b, '2.0.1')).to.deep.equal(['MUST']);
  });
});

describe('rpc.noResponse names an answer that came under a placeholder id', () => {
  const findings = (b: TraceBuilder) => findingsOf({ caseId: 'T', sut: 'Csms', events: b.events, settings, registry: schemaRegistry('2.0.1') })
    .filter((f) => f.checkId === 'rpc.noResponse');

  it('a CALLERROR with id "-1" after our frame is named, with its frame as evidence', () => {
    const b = new TraceBuilder();
    const sent = b.event(0, { kind: 'frame', conn: 0, dir: 'out', raw: '[7,"readable-id",{}]', deliberatelyInvalid: true });
    b.event(1, { kind: 'expect', expectation: { type: 'callError', callSeq: sent, exact: ['MessageTypeNotSupported'], requirement: 'Part 4 §4.4' } });
    const answer = b.in(10, [4, '-1', 'MessageTypeNotSupported', 'Unrecognised message type', {}]);
    b.note(2000);
    const [f] = findings(b);
    expect(f?.actual).to.match(/no answer carrying its message id .*; frame #\d+ is a CALLERROR with message id "-1", which answers no frame of ours/);
    expect(f?.evidence).to.deep.equal([sent, answer]);
  });

  it('without such an answer the text stays "no answer"', () => {
    const b = new TraceBuilder();
    b.out(0, [2, 'h', 'Heartbeat', {}]);
    b.note(2000);
    expect(findings(b)[0]?.actual).to.match(/^no answer in the \d+ ms/);
  });
});
