// Issue "nothing a SUT sends can crash the harness or lose a report", defect 5: SendLocalList with
// `localAuthorizationList: [null]` made a harness handler throw, so the harness never answered and the
// harness's own error showed only in the trace. The harness now always answers (with the code an
// exemplary receiver sends for the broken payload) and a fault of its own makes the case INCONCLUSIVE.
import { expect } from 'chai';
import { judge } from '../../harness/checks/judge.js';
import { schemaRegistry } from '../../harness/schema/registry.js';
import { runAgainstScriptedCsms } from '../support/scripted-csms.js';
import { TraceBuilder } from '../support/trace-builder.js';

describe('a harness handler that fails on what the SUT sent', function () {
  this.timeout(30_000);

  it('SendLocalList with [null] in the list is answered with a CALLERROR, not silence', async () => {
    const answers: unknown[] = [];
    await runAgainstScriptedCsms({
      afterBoot: (ws) => ws.send(JSON.stringify([2, 'sll1', 'SendLocalList', { listVersion: 1, updateType: 'Full', localAuthorizationList: [null] }])),
      onAnswer: (_ws, frame) => {
        if (frame[1] === 'sll1') answers.push(frame);
      },
    });
    expect(answers).to.have.length(1);
    const [type, , code] = answers[0] as [number, string, string];
    expect(type).to.equal(4);
    expect(['FormationViolation', 'FormatViolation', 'TypeConstraintViolation', 'ProtocolError']).to.include(code);
  });

  it('a harness fault makes the case INCONCLUSIVE even where findings against the SUT followed it', () => {
    const b = new TraceBuilder();
    b.out(0, [2, 'h1', 'GetConfiguration', {}]);
    b.in(3000, [3, 'h1', { configurationKey: [] }]); // late: a MUST finding (rpc.responseTime)
    b.events.push({ seq: b.events.length, t: 3001, wall: '', kind: 'case-end', abort: { verdict: 'INCONCLUSIVE', reason: 'harness error: boom', harnessFault: true } });
    const j = judge({ caseId: 'T', sut: 'ChargePoint', events: b.events, settings: { responseTimeoutMs: 1000, toleranceMs: 500, strict: false }, registry: schemaRegistry('1.6') });
    expect(j.findings.map((f) => f.checkId)).to.include('rpc.responseTime');
    expect([j.verdict, j.reason]).to.deep.equal(['INCONCLUSIVE', 'harness error: boom']);
  });
});
