// Every shipped example config, run as the README shows against the built-in simulators (separate
// processes, real sockets): the documented wiring reaches every action the simulator offers (no case
// NOT_APPLICABLE for want of an action), and readiness is earned — or says "incomplete" and names the
// missing action when the adapter lacks one. Only host and port are rewritten (ports are free ones).
import { expect } from 'chai';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLI, runCli, startCli, stop } from '../support/cli.js';
import { freePort } from '../support/free-port.js';

interface Results {
  cases: { id: string; verdict: string; profile: string; notApplicable?: { by: string; actions?: string[] } }[];
  readiness: { profile: string; sut: string; status: string; notRun: { id: string; why: string; actions?: string[] }[] }[];
}

const example = (name: string) => JSON.parse(readFileSync(join('fixtures/configs', name), 'utf8')) as Record<string, unknown> & { sutControl: { type: string; url?: string } };

/** The example's URL with only host and port replaced. */
function samePath(url: string, hostPort: string): string {
  const u = new URL(url);
  return `http://${hostPort}${u.pathname}`;
}

describe('the shipped example configs against the built-in simulators', function () {
  this.timeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-examples-'));
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const c of children.splice(0)) await stop(c);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('csms.example.json with `simulate csms --control`: every case runs, every declared profile is ready, exit 0 with --require-complete', async () => {
    const cfg = example('csms.example.json');
    const sim = await startCli(
      ['simulate', 'csms', '--listen', '127.0.0.1:0', '--control', '127.0.0.1:0', '--password', String(cfg.basicAuthPassword), '--quiet'],
      /listening on (ws:\/\/\S+)\/<identity>[\s\S]*control: http:\/\/(\S+)/,
    );
    children.push(sim.child);
    const file = join(dir, 'csms.json');
    writeFileSync(file, JSON.stringify({ ...cfg, sutControl: { ...cfg.sutControl, url: samePath(cfg.sutControl.url!, sim.match[2]!) } }));
    const out = join(dir, 'csms');
    const result = await runCli(['test', 'csms', '--url', sim.match[1]!, '--config', file, '--report-dir', out, '--require-complete'], { timeoutMs: 280_000 });
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
    expect(results.cases.filter((c) => c.notApplicable && c.notApplicable.by !== 'declaration' && c.notApplicable.by !== 'case')).to.deep.equal([]);
    expect(results.cases.filter((c) => c.verdict === 'FAIL' || c.verdict === 'INCONCLUSIVE').map((c) => c.id)).to.deep.equal([]);
    const core = results.readiness.find((r) => r.profile === 'Core' && r.sut === 'Csms');
    expect(core?.status).to.equal('ready');
    expect(results.readiness.filter((r) => r.status === 'incomplete' || r.status === 'not ready')).to.deep.equal([]);
  });

  it('charger.example.json (its manual control replaced by the simulator\'s HTTP control, the rest as shipped): every case it runs passes; only the cases left out by --exclude keep Core from ready', async () => {
    const cfg = example('charger.example.json');
    const [port, controlPort] = [await freePort(), await freePort()];
    const file = join(dir, 'charger.json');
    writeFileSync(file, JSON.stringify({ ...cfg, sutControl: { type: 'http', url: `http://127.0.0.1:${controlPort}/control` } }));
    const connectors = (cfg.connectorIds as number[]).join(',');
    const sim = await startCli(['simulate', 'charge-point', '--url', `ws://127.0.0.1:${port}/ocpp`, '--identity', String(cfg.identity), '--connectors', connectors, '--control', `127.0.0.1:${controlPort}`, '--quiet'], /control: /);
    children.push(sim.child);
    const out = join(dir, 'charger');
    // The example's bench intervals (heartbeat and samples every 10 s, 30 s message timeout) make these
    // few cases wait 20–50 s each in real time; the rest run in well under a minute.
    const slow = ['TC_001_CS', 'TC_002_CS', 'TC_023_4_CS', 'TC_036_CS', 'TC_068_CS', 'TC_070_CS', 'TC_071_CS', 'X16_RPC_07_CS'];
    const result = await runCli(['test', 'charge-point', '--listen', `127.0.0.1:${port}`, '--identity', String(cfg.identity), '--config', file, '--report-dir', out, '--exclude', slow.join(',')], { timeoutMs: 280_000 });
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as Results;
    expect(results.cases.filter((c) => c.notApplicable && c.notApplicable.by !== 'declaration' && c.notApplicable.by !== 'case')).to.deep.equal([]);
    expect(results.cases.filter((c) => !['PASS', 'NOT_APPLICABLE'].includes(c.verdict)).map((c) => `${c.id} ${c.verdict}`)).to.deep.equal([]);
    const row = (profile: string) => results.readiness.find((r) => r.profile === profile && r.sut === 'ChargePoint');
    expect(row('RemoteTrigger')?.status).to.equal('ready');
    expect(row('Core')?.status).to.equal('incomplete');
    expect(row('Core')?.notRun.map((n) => `${n.id}:${n.why}`).sort()).to.deep.equal(slow.map((id) => `${id}:filter`).sort());
    const declared = cfg.features as string[];
    expect(results.readiness.filter((r) => !declared.includes(r.profile)).map((r) => r.status)).to.satisfy((s: string[]) => s.every((x) => x === 'not declared'));
  });

  it('command-control.example.json: the actions it has commands for run; the case needing one it lacks makes Core "incomplete" and names it; --require-complete exits 2', async () => {
    const cfg = example('command-control.example.json');
    const [port, controlPort] = [await freePort(), await freePort()];
    // The example's bench scripts, written to drive the simulator over its HTTP control.
    const bench = join(dir, 'bench');
    mkdirSync(bench, { recursive: true });
    const post = (action: string, body: string) =>
      `exec "${process.execPath}" -e 'fetch("http://127.0.0.1:${controlPort}/${action}",{method:"POST",headers:{"content-type":"application/json"},body:JSON.stringify(${body})}).then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))' "$@"\n`;
    const scripts: Record<string, string> = {
      'power-cycle.sh': post('reboot', '{}'),
      'relay.sh': `if [ "$1" = plug ]; then ${post('plugIn', '{connectorId:Number(process.argv[1])}').replace('"$@"', '"$2"')}else ${post('unplug', '{connectorId:Number(process.argv[1])}').replace('"$@"', '"$2"')}fi\n`,
      'rfid.sh': post('presentIdTag', '{connectorId:Number(process.argv[1]),idTag:process.argv[2]}'),
    };
    for (const [name, body] of Object.entries(scripts)) {
      writeFileSync(join(bench, name), `#!/bin/sh\n${body}`);
      chmodSync(join(bench, name), 0o755);
    }
    writeFileSync(join(dir, 'command.json'), JSON.stringify(cfg));
    const sim = await startCli(['simulate', 'charge-point', '--url', `ws://127.0.0.1:${port}/ocpp`, '--identity', String(cfg.identity), '--control', `127.0.0.1:${controlPort}`, '--quiet'], /control: /);
    children.push(sim.child);
    const out = join(dir, 'command');
    const { spawn } = await import('node:child_process');
    const result = await new Promise<{ code: number | null; stdout: string }>((done) => {
      const child = spawn(process.execPath, [CLI, 'test', 'charge-point', '--listen', `127.0.0.1:${port}`, '--config', 'command.json', '--report-dir', out,
        '--cases', 'TC_001_CS,TC_003_CS,TC_005_1_CS', '--require-complete'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stdout += d));
      child.on('close', (code) => done({ code, stdout }));
    });
    expect(result.code, result.stdout).to.equal(2);
    const results = JSON.parse(readFileSync(resolve(out, 'results.json'), 'utf8')) as Results;
    const byId = Object.fromEntries(results.cases.map((c) => [c.id, c]));
    expect(byId.TC_001_CS?.verdict, 'reboot through power-cycle.sh').to.equal('PASS');
    expect(byId.TC_003_CS?.verdict, 'plug and card through relay.sh / rfid.sh').to.equal('PASS');
    expect(byId.TC_005_1_CS?.notApplicable).to.deep.equal({ by: 'control', actions: ['unplugEvSide'] });
    const core = results.readiness.find((r) => r.profile === 'Core');
    expect(core?.status).to.equal('incomplete');
    expect(result.stdout).to.include('not run: the SUT control lacks unplugEvSide: TC_005_1_CS');
    expect(result.stdout).to.include('Exit code 2: a declared profile is incomplete');
  });
});
