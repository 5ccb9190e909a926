// Issue "nothing a SUT sends can crash the harness or lose a report", defect 1: one frame of nested
// arrays (depth ≳ 2,000) overflowed the stack while the reports were written (the redaction recursed):
// "internal error", no results.json, junit.xml or index.html. Now every report is written.
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startControlServer } from '../../harness/peers/control-server.js';
import { runTests } from '../../harness/runner/run.js';
import { freePort } from '../support/free-port.js';
import { sink, testConfig } from '../support/run-builtin.js';

describe('a charge point that sends a frame nested 50,000 deep', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-deep-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('does not cost a report: results.json, junit.xml and index.html are written, the case is judged', async () => {
    const port = await freePort();
    const depth = 50_000;
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    let ws: WebSocket | undefined;
    const control = await startControlServer(async (action) => {
      if (action === 'reboot') {
        ws?.close();
        ws = new WebSocket(`ws://127.0.0.1:${port}/ocpp/DEEP1`, ['ocpp1.6']);
        ws.on('error', () => undefined);
        ws.on('open', () => ws!.send(`[2,"b1","BootNotification",{"chargePointVendor":"deep","chargePointModel":${deep}}]`));
        ws.on('message', (data) => {
          const frame = JSON.parse(data.toString()) as unknown[];
          if (frame[0] === 2) ws!.send(`[3,"${String(frame[1])}",{"configurationKey":${deep}}]`);
        });
      }
      return { outcome: 'done' as const };
    });
    const cfg = testConfig();
    cfg.identity = 'DEEP1';
    cfg.sutControl = { type: 'http', url: control.url };
    cfg.timeouts.connectMs = 3000;
    cfg.timeouts.responseMs = 800;
    const out = join(dir, 'reports');
    try {
      const { run } = await runTests({
        sides: ['ChargePoint'], ocpp: '1.6', profiles: ['all'], cases: ['TC_001_CS'], cfg, reportDir: out, strict: false,
        builtin: false, listen: { host: '127.0.0.1', port }, out: sink(),
      });
      expect(run.cases).to.have.length(1);
      expect(['FAIL', 'INCONCLUSIVE']).to.include(run.cases[0]!.verdict);
    } finally {
      ws?.close();
      await control.close();
    }
    for (const f of ['results.json', 'junit.xml', 'index.html']) expect(existsSync(join(out, f)), f).to.equal(true);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { cases: { id: string }[] };
    expect(results.cases.map((c) => c.id)).to.deep.equal(['TC_001_CS']);
  });
});
