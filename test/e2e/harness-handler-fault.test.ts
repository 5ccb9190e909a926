// Issue "nothing a SUT sends can crash the harness or lose a report", defect 5: SendLocalList with
// `localAuthorizationList: [null]` made a harness handler throw, so the harness never answered and the
// harness's own error showed only in the trace. The harness now always answers (with the code an
// exemplary receiver sends for the broken payload) and a fault of its own makes the case INCONCLUSIVE.
import { expect } from 'chai';
import { WebSocketServer, type WebSocket } from 'ws';
import { runTests } from '../../harness/runner/run.js';
import { judge } from '../../harness/checks/judge.js';
import { schemaRegistry } from '../../harness/schema/registry.js';
import { sink, testConfig } from '../support/run-builtin.js';
import { TraceBuilder } from '../support/trace-builder.js';

describe('a harness handler that fails on what the SUT sent', function () {
  this.timeout(30_000);

  it('SendLocalList with [null] in the list is answered with a CALLERROR, not silence', async () => {
    const answers: unknown[] = [];
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'ocpp1.6' });
    wss.on('connection', (ws: WebSocket) => {
      ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as unknown[];
        if (frame[0] === 2 && frame[2] === 'BootNotification') {
          ws.send(JSON.stringify([3, frame[1], { status: 'Accepted', currentTime: new Date().toISOString(), interval: 300 }]));
          ws.send(JSON.stringify([2, 'sll1', 'SendLocalList', { listVersion: 1, updateType: 'Full', localAuthorizationList: [null] }]));
        } else if (frame[0] === 2) {
          ws.send(JSON.stringify([3, frame[1], frame[2] === 'Heartbeat' ? { currentTime: new Date().toISOString() } : {}]));
        } else if (frame[1] === 'sll1') {
          answers.push(frame);
        }
      });
    });
    await new Promise((r) => wss.once('listening', r));
    const { port } = wss.address() as { port: number };
    const cfg = testConfig();
    cfg.timeouts.responseMs = 1000;
    cfg.timeouts.messageMs = 1500;
    cfg.sutControl = { type: 'http', url: 'http://127.0.0.1:1/none' };
    try {
      await runTests({
        sides: ['Csms'], ocpp: '1.6', profiles: ['all'], cases: ['TC_001_CSMS'], cfg, reportDir: '', strict: false,
        builtin: false, url: `ws://127.0.0.1:${port}/ocpp`, out: sink(), noReports: true,
      });
    } finally {
      for (const c of wss.clients) c.terminate();
      await new Promise((r) => wss.close(r));
    }
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
    const j = judge({ caseId: 'T', sut: 'ChargePoint', events: b.events, settings: { responseTimeoutMs: 1000, toleranceMs: 500, strict: false }, registry: schemaRegistry() });
    expect(j.findings.map((f) => f.checkId)).to.include('rpc.responseTime');
    expect([j.verdict, j.reason]).to.deep.equal(['INCONCLUSIVE', 'harness error: boom']);
  });
});
