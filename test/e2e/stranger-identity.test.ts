// Issue "nothing a SUT sends can crash the harness or lose a report", defect 9: without --identity, a
// connection from another identity was judged inside the running case (TC_001_CS came out FAIL
// handshake.subprotocol for a charger that never connected). Only the charge point under test is let in;
// another one is refused, named on the console, and noted — not judged — in the trace.
import { expect } from 'chai';
import { Writable } from 'node:stream';
import WebSocket from 'ws';
import { startControlServer } from '../../harness/peers/control-server.js';
import { ReferenceChargePoint } from '../../harness/versions/ocpp16/reference/charge-point.js';
import { runTests } from '../../harness/runner/run.js';
import { freePort } from '../support/free-port.js';
import { testConfig } from '../support/run-builtin.js';

describe('a charger with another identity connecting during a run', function () {
  this.timeout(60_000);

  it('is refused and named; the case judges only the charge point under test', async () => {
    const port = await freePort();
    const cp = new ReferenceChargePoint({ url: `ws://127.0.0.1:${port}/ocpp`, identity: 'REAL-1', connectorIds: [1] });
    const control = await startControlServer({ actions: cp.actions, knowsAction: (a) => cp.knowsAction(a), perform: (a, p) => cp.perform(a, p) });
    const cfg = testConfig();
    cfg.identity = 'REAL-1';
    cfg.sutControl = { type: 'http', url: control.url };
    let console = '';
    const out = new Writable({ write: (c, _e, cb) => { console += c.toString(); cb(); } });
    // A stranger that offers no subprotocol, again and again while the run goes on.
    const strangers: WebSocket[] = [];
    const timer = setInterval(() => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/ocpp/STRANGER`);
      ws.on('error', () => undefined);
      strangers.push(ws);
    }, 200);
    try {
      const start = cp.start();
      const { run } = await runTests({
        sides: ['ChargePoint'], ocpp: '1.6', profiles: ['all'], cases: ['TC_001_CS', 'TC_019_CS'], cfg, reportDir: '', strict: false,
        builtin: false, listen: { host: '127.0.0.1', port }, out, noReports: true,
      });
      await start;
      expect(run.cases.map((c) => [c.id, c.verdict, c.reason ?? ''])).to.deep.equal([['TC_001_CS', 'PASS', ''], ['TC_019_CS', 'PASS', '']]);
      expect(console.match(/refused a charge point "STRANGER": this run tests "REAL-1"/g)).to.have.length(1);
      const notes = run.cases.flatMap((c) => c.trace).filter((e) => e.kind === 'note' && /STRANGER/.test(e.text));
      expect(notes.length).to.be.greaterThan(0);
    } finally {
      clearInterval(timer);
      for (const s of strangers) s.terminate();
      await cp.stop();
      await control.close();
    }
  });
});
