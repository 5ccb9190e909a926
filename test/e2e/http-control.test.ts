// The same cases against an external peer on 127.0.0.1 driven through sutControl "http": the
// reference peers run as separate processes (`ocpp-harness simulate … --control`).
import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port.js';
import { runCli, startCli, stop } from '../support/cli.js';

// The foundation slice and the robustness group, both sides: the catalogue as a whole runs against the
// built-in peers elsewhere; here the point is the HTTP control path to a separate process.
const CP_CASES = 'TC_001_CS,TC_002_CS,TC_003_CS,TC_004_1_CS,TC_010_CS,TC_012_CS,TC_019_CS,TC_021_CS,X16_RPC_*_CS';
const CSMS_CASES = 'TC_001_CSMS,TC_003_CSMS,TC_004_1_CSMS,TC_010_CSMS,TC_012_CSMS,TC_019_1_CSMS,TC_021_CSMS,TC_023_1_CSMS,X16_RPC_*_CSMS';

describe('external peers driven through sutControl http', function () {
  this.timeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-http-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const children: ChildProcess[] = [];
  after(async () => {
    for (const c of children) await stop(c);
  });

  it('charge point under test: an external simulator on 127.0.0.1, driven over HTTP, passes the charge-point cases', async () => {
    const port = await freePort();
    const sim = await startCli(['simulate', 'charge-point', '--url', `ws://127.0.0.1:${port}/ocpp`, '--identity', 'CP001', '--control', '127.0.0.1:0', '--quiet'], /control: (http:\/\/\S+)/);
    children.push(sim.child);
    const cfg = join(dir, 'cp.json');
    writeFileSync(cfg, JSON.stringify({ identity: 'CP001', sutControl: { type: 'http', url: sim.match[1] } }));
    const out = join(dir, 'cp');
    const result = await runCli(['test', 'charge-point', '--listen', `127.0.0.1:${port}`, '--config', cfg, '--report-dir', out, '--cases', CP_CASES]);
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { cases: { id: string; verdict: string }[] };
    expect(results.cases.length).to.equal(17);
    expect(results.cases.filter((c) => c.verdict !== 'PASS')).to.deep.equal([]);
  });

  it('CSMS under test: an external simulator on 127.0.0.1, driven over HTTP, passes the CSMS cases', async () => {
    const sim = await startCli(['simulate', 'csms', '--listen', '127.0.0.1:0', '--heartbeat', '2', '--control', '127.0.0.1:0', '--quiet'], /listening on (ws:\/\/\S+)\/<identity>[\s\S]*control: (http:\/\/\S+)/);
    children.push(sim.child);
    const cfg = join(dir, 'csms.json');
    writeFileSync(cfg, JSON.stringify({ sutControl: { type: 'http', url: sim.match[2] } }));
    const out = join(dir, 'csms');
    const result = await runCli(['test', 'csms', '--url', sim.match[1], '--config', cfg, '--report-dir', out, '--cases', CSMS_CASES]);
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { cases: { id: string; verdict: string }[] };
    expect(results.cases.length).to.equal(17);
    expect(results.cases.filter((c) => c.verdict !== 'PASS')).to.deep.equal([]);
  });
});
