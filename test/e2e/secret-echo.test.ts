// Issue "nothing a SUT sends can crash the harness or lose a report", defect 10: the configured password
// was redacted by field name only. A SUT that echoes it in free text or in a non-JSON frame got it into
// every report. Secrets are now masked by value too, in every file the run writes.
import { expect } from 'chai';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startControlServer } from '../../harness/peers/control-server.js';
import { clearRegisteredSecrets } from '../../harness/report/redact.js';
import { runTests } from '../../harness/runner/run.js';
import { freePort } from '../support/free-port.js';
import { sink, testConfig } from '../support/run-builtin.js';

const SECRET = 'Sup3r-Secret-Pw';

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? allFiles(join(dir, f)) : [join(dir, f)]));
}

describe('a SUT that echoes the configured password', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-echo-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    clearRegisteredSecrets();
  });

  it('has it masked in results.json, junit.xml, index.html and the traces, free text and non-JSON frames included', async () => {
    const port = await freePort();
    const cfg = testConfig();
    cfg.identity = 'ECHO1';
    cfg.basicAuthPassword = SECRET;
    cfg.timeouts.responseMs = 800;
    const out = join(dir, 'reports');
    let ws: WebSocket | undefined;
    // A charge point that boots when told to and answers every request of the harness with the password.
    const connect = () => {
      ws = new WebSocket(`ws://127.0.0.1:${port}/ocpp/ECHO1`, ['ocpp1.6'], { headers: { authorization: `Basic ${Buffer.from(`ECHO1:${SECRET}`).toString('base64')}` } });
      ws.on('open', () => ws!.send(JSON.stringify([2, 'b1', 'BootNotification', { chargePointVendor: 'echo', chargePointModel: 'echo' }])));
      ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as unknown[];
        if (frame[0] === 3 && frame[1] === 'b1') {
          for (const connectorId of [0, 1]) ws!.send(JSON.stringify([2, `s${connectorId}`, 'StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available' }]));
        }
        if (frame[0] !== 2) return;
        ws!.send(`password echo: ${SECRET}`); // not JSON
        ws!.send(JSON.stringify([2, 'dt1', 'DataTransfer', { vendorId: 'x', data: `the key is ${SECRET}` }]));
        ws!.send(JSON.stringify([3, frame[1], { configurationKey: [{ key: 'Echo', readonly: true, value: SECRET }] }]));
      });
      ws.on('error', () => undefined);
    };
    const control = await startControlServer(async (action) => {
      if (action === 'reboot') {
        ws?.close();
        connect();
      }
      return { outcome: 'done' as const };
    });
    cfg.sutControl = { type: 'http', url: control.url };
    try {
      await runTests({
        sides: ['ChargePoint'], ocpp: '1.6', profiles: ['all'], cases: ['TC_019_CS'], cfg, reportDir: out, strict: false,
        builtin: false, listen: { host: '127.0.0.1', port }, out: sink(),
      });
    } finally {
      ws?.close();
      await control.close();
    }
    const files = allFiles(out);
    expect(files.map((f) => f.slice(out.length + 1))).to.include.members(['results.json', 'junit.xml', 'index.html']);
    const traces = files.filter((f) => f.endsWith('.jsonl')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(traces, 'the echo frames are in the trace').to.include('password echo: ***');
    for (const f of files) expect(readFileSync(f, 'utf8').includes(SECRET), f).to.equal(false);
  });
});
