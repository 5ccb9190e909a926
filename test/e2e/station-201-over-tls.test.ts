// A 2.0.1 charging station at security profile 2, as a bench would run it: `pki init`, the reference
// station as a separate process (`simulate charge-point --ocpp 2.0.1 --security-profile 2`) trusting the
// PKI's CSMS root, and `test charge-point` listening on wss:// with the same PKI. The migration cases with a
// new CSMS root (TC_B_47/50_CS) run over real TLS and pass, like a plain boot case.
import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startCli, stop } from '../support/cli.js';
import { freePort } from '../support/free-port.js';

const PASSWORD = 'BenchStation201Password';
const IDENTITY = 'CS201-TLS';

describe('a 2.0.1 charging station at security profile 2 (separate process, real TLS)', function () {
  this.timeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-201-tls-'));
  const children: ChildProcess[] = [];
  after(async () => {
    for (const c of children.splice(0)) await stop(c);
    rmSync(dir, { recursive: true, force: true });
  });

  it('TC_B_01_CS, TC_B_47_CS and TC_B_50_CS PASS over wss:// at profile 2; every connection is TLS', async () => {
    const pki = join(dir, 'pki');
    const init = await runCli(['pki', 'init', pki, '--identity', IDENTITY]);
    expect(init.code, init.stdout + init.stderr).to.equal(0);
    const [port, controlPort] = [await freePort(), await freePort()];
    const sim = await startCli([
      'simulate', 'charge-point', '--ocpp', '2.0.1', '--url', `wss://127.0.0.1:${port}/ocpp`, '--identity', IDENTITY,
      '--security-profile', '2', '--pki', pki, '--password', PASSWORD, '--control', `127.0.0.1:${controlPort}`, '--quiet',
    ], /control: /);
    children.push(sim.child);
    const cfgFile = join(dir, 'station.json');
    writeFileSync(cfgFile, JSON.stringify({
      identity: IDENTITY, connectorIds: [1], features: ['Core'],
      declarations: { pics: ['AS-2', 'C-47'] },
      security: { profile: 2, pkiDir: pki, basicAuthPassword: PASSWORD },
      sutControl: { type: 'http', url: `http://127.0.0.1:${controlPort}/control` },
      timeouts: { connectMs: 15000 },
    }));
    const out = join(dir, 'report');
    const result = await runCli(['test', 'charge-point', '--ocpp', '2.0.1', '--listen', `127.0.0.1:${port}`, '--config', cfgFile,
      '--cases', 'TC_B_01_CS,TC_B_47_CS,TC_B_50_CS', '--report-dir', out], { timeoutMs: 170_000 });
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { cases: { id: string; verdict: string; traceFile: string }[] };
    expect(results.cases.map((c) => `${c.id} ${c.verdict}`)).to.deep.equal(['TC_B_01_CS PASS', 'TC_B_47_CS PASS', 'TC_B_50_CS PASS']);
    for (const c of results.cases) {
      const opens = readFileSync(join(out, c.traceFile), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { kind: string; tls?: unknown; securityProfile?: number })
        .filter((e) => e.kind === 'ws-open');
      expect(opens.length, c.id).to.be.greaterThan(0);
      for (const o of opens) expect([o.securityProfile, o.tls !== undefined], c.id).to.deep.equal([2, true]);
    }
  });
});
