// The same cases against an external peer on 127.0.0.1 driven through sutControl "http": the
// reference peers run as separate processes (`ocpp-harness simulate … --control`).
import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startCli, stop } from '../support/cli.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

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
    const result = await runCli(['test', 'charge-point', '--listen', `127.0.0.1:${port}`, '--config', cfg, '--report-dir', out]);
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { cases: { id: string; verdict: string }[] };
    expect(results.cases.length).to.be.at.least(8);
    expect(results.cases.filter((c) => c.verdict !== 'PASS')).to.deep.equal([]);
  });

  it('CSMS under test: an external simulator on 127.0.0.1, driven over HTTP, passes the CSMS cases', async () => {
    const sim = await startCli(['simulate', 'csms', '--listen', '127.0.0.1:0', '--heartbeat', '2', '--control', '127.0.0.1:0', '--quiet'], /listening on (ws:\/\/\S+)\/<identity>[\s\S]*control: (http:\/\/\S+)/);
    children.push(sim.child);
    const cfg = join(dir, 'csms.json');
    writeFileSync(cfg, JSON.stringify({ sutControl: { type: 'http', url: sim.match[2] } }));
    const out = join(dir, 'csms');
    const result = await runCli(['test', 'csms', '--url', sim.match[1], '--config', cfg, '--report-dir', out]);
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { cases: { id: string; verdict: string }[] };
    expect(results.cases.length).to.be.at.least(8);
    expect(results.cases.filter((c) => c.verdict !== 'PASS')).to.deep.equal([]);
  });
});
