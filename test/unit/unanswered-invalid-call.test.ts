// What an unanswered broken CALL is owed depends on the version: OCPP-J 1.6 (errata §3.3) demands a
// CALLERROR; OCPP-J 2.0.1 §4.2.3 lets the receiver drop a message that is invalid or not conform the
// schema, so there it is a SHOULD. A valid CALL left unanswered is a MUST in both.
import { expect } from 'chai';
import { buildRpcModel } from '../../harness/checks/rpc-model.js';
import { checkResponseTimes } from '../../harness/checks/rpc-pairing.js';
import { OCPP16 } from '../../harness/versions/ocpp16/facts.js';
import { OCPP201 } from '../../harness/versions/ocpp201/facts.js';
import { TraceBuilder } from '../support/trace-builder.js';

const settings = { responseTimeoutMs: 1000, toleranceMs: 0, strict: false };

function unanswered(frame: unknown, deliberatelyInvalid: boolean) {
  const b = new TraceBuilder();
  b.event(0, { kind: 'frame', conn: 0, dir: 'out', raw: typeof frame === 'string' ? frame : JSON.stringify(frame), ...(deliberatelyInvalid ? { deliberatelyInvalid: true } : {}) });
  b.event(5000, { kind: 'note', text: 'later' });
  return (facts: typeof OCPP16) => checkResponseTimes(buildRpcModel(b.events), settings, facts).map((f) => `${f.checkId}:${f.level}`);
}

describe('an unanswered CALL, by version', () => {
  it('a malformed CALL with a readable id: MUST in 1.6, SHOULD in 2.0.1', () => {
    const judged = unanswered('[2,"m1","Heartbeat"]', true);
    expect(judged(OCPP16)).to.deep.equal(['rpc.noResponse:MUST']);
    expect(judged(OCPP201)).to.deep.equal(['rpc.noResponse:SHOULD']);
  });

  it('a well-formed CALL with a payload broken on purpose: SHOULD in 2.0.1', () => {
    expect(unanswered([2, 'm2', 'GetVariables', {}], true)(OCPP201)).to.deep.equal(['rpc.noResponse:SHOULD']);
  });

  it('a valid CALL: MUST in both', () => {
    const judged = unanswered([2, 'm3', 'Heartbeat', {}], false);
    expect(judged(OCPP16)).to.deep.equal(['rpc.noResponse:MUST']);
    expect(judged(OCPP201)).to.deep.equal(['rpc.noResponse:MUST']);
  });
});

describe('an answer echoing the over-long id the harness sent', () => {
  it('is no rpc.shape finding of the SUT; the same answer to an id the harness never sent is', async () => {
    const { checkFraming } = await import('../../harness/checks/framing.js');
    const long = `m-${'x'.repeat(60)}`;
    const b = new TraceBuilder();
    b.event(0, { kind: 'frame', conn: 0, dir: 'out', raw: JSON.stringify([2, long, 'Heartbeat', {}]), deliberatelyInvalid: true });
    b.in(5, [4, long, 'FormationViolation', 'id too long', {}]);
    expect(checkFraming(buildRpcModel(b.events), OCPP16)).to.deep.equal([]);
    const c = new TraceBuilder();
    c.in(5, [4, long, 'FormationViolation', 'id too long', {}]);
    expect(checkFraming(buildRpcModel(c.events), OCPP16).map((f) => f.checkId)).to.deep.equal(['rpc.shape']);
  });
});
