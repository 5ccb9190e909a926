// The run as it happens, as a user sees it on the console: case starts, waits with what and how long,
// operator prompts that name the case and step, a closed stdout that does not lose the reports, a port in
// use in one line, --cases that selects nothing, colour off for TERM=dumb, the faults listed by --help.
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { useColor } from '../../harness/report/console.js';
import { ManualSutControl } from '../../harness/sut/manual-control.js';
import { CLI, runCli } from '../support/cli.js';

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

describe('the run as it happens', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-run-output-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a line when each case starts, and a wait longer than 5 s says what it waits for and how long (a log, not a terminal)', async () => {
    const cfg = join(dir, 'slow-connect.json');
    writeFileSync(cfg, JSON.stringify({ timeouts: { connectMs: 8000 } }));
    const r = await runCli(['test', 'charge-point', '--builtin', '--builtin-fault', 'never-connects', '--config', cfg, '--cases', 'TC_001_CS', '--report-dir', join(dir, 'wait')]);
    expect(r.stdout).to.match(/^ {2}▸ TC_001_CS {2}Cold Boot Charge Point$/m);
    expect(r.stdout).to.match(/… TC_001_CS \(\d+ s\) step 1: .* — waiting up to 8 s for CP001 to connect to ws:\/\/127\.0\.0\.1:\d+\/ocpp\/CP001 \(\d+ s left\)/);
  });

  it('`test … | head -3`: the console stops, the run goes on and writes every report', async () => {
    const out = join(dir, 'piped');
    const child = spawn(process.execPath, [CLI, 'test', 'charge-point', '--builtin', '--cases', 'TC_001_CS,TC_003_CS,TC_010_CS', '--report-dir', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      lines += d.toString().split('\n').length - 1;
      if (lines >= 3) child.stdout.destroy(); // what `head -3` does when it has its lines
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).to.not.match(/EPIPE|Error/);
    expect(code).to.equal(0);
    expect(existsSync(join(out, 'results.json')), 'results.json').to.equal(true);
    expect(existsSync(join(out, 'index.html')), 'index.html').to.equal(true);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { cases: unknown[] };
    expect(results.cases).to.have.length(3);
  });

  it('SIGTERM is reported as SIGTERM (not as Ctrl-C), and the report of what ran is written', async () => {
    const out = join(dir, 'sigterm');
    const cfg = join(dir, 'wait-long.json');
    writeFileSync(cfg, JSON.stringify({ timeouts: { connectMs: 60000 } }));
    const child = spawn(process.execPath, [CLI, 'test', 'charge-point', '--builtin', '--builtin-fault', 'never-connects', '--config', cfg, '--cases', 'TC_001_CS,TC_003_CS', '--report-dir', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('▸ TC_001_CS')) setTimeout(() => child.kill('SIGTERM'), 500);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).to.equal(2);
    expect(stderr).to.include('terminated (SIGTERM)');
    expect(stderr).to.not.include('Ctrl-C)');
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { interrupted: boolean; cases: { id: string; reason?: string }[] };
    expect(results.interrupted).to.equal(true);
    expect(results.cases.find((c) => c.id === 'TC_001_CS')?.reason).to.include('SIGTERM');
  });

  it('a port in use: one line naming it and the option, exit 2 — in test and in simulate', async () => {
    const { server, port } = await occupy();
    try {
      const test = await runCli(['test', 'charge-point', '--listen', `127.0.0.1:${port}`, '--report-dir', join(dir, 'busy')]);
      expect(test.code).to.equal(2);
      expect(test.stderr.trim()).to.equal(`ocpp-harness: cannot listen on 127.0.0.1:${port}: the port is in use (another harness, simulator or CSMS?); choose another with --listen host:port`);
      expect(test.stdout).to.not.include('INCONCLUSIVE');
      const sim = await runCli(['simulate', 'csms', '--listen', `127.0.0.1:${port}`, '--quiet']);
      expect(sim.code).to.equal(2);
      expect(sim.stderr).to.include(`cannot listen on 127.0.0.1:${port}: the port is in use`);
      expect(sim.stderr).to.not.match(/\n\s+at /);
      const control = await runCli(['simulate', 'csms', '--listen', '127.0.0.1:0', '--control', `127.0.0.1:${port}`, '--quiet']);
      expect(control.code).to.equal(2);
      expect(control.stderr).to.include('choose another with --control host:port');
    } finally {
      server.close();
    }
  });

  it('--cases that selects nothing for the side says where the ids are and suggests the nearest', async () => {
    const wrongSide = await runCli(['test', 'charge-point', '--builtin', '--cases', 'TC_001_CSMS']);
    expect(wrongSide.code).to.equal(2);
    expect(wrongSide.stderr).to.include('selects no charge-point case: TC_001_CSMS is a csms case (Core); nearest: TC_001_CS');
    const typo = await runCli(['test', 'csms', '--builtin', '--cases', 'TC_01_CSMS']);
    expect(typo.code).to.equal(2);
    expect(typo.stderr).to.match(/no case matches "TC_01_CSMS"; nearest: TC_001_CSMS/);
  });

  it('TERM=dumb: no colour on a terminal that cannot show it (FORCE_COLOR still wins)', () => {
    expect(useColor({ stream: { isTTY: true }, env: {} })).to.equal(true);
    expect(useColor({ stream: { isTTY: true }, env: { TERM: 'dumb' } })).to.equal(false);
    expect(useColor({ stream: { isTTY: true }, env: { TERM: 'dumb', FORCE_COLOR: '1' } })).to.equal(true);
  });

  it('`test all` without --builtin names everything it needs in one message', async () => {
    const r = await runCli(['test', 'all']);
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include('test all needs');
    expect(r.stderr).to.include('--url');
    expect(r.stderr).to.include('--listen');
    expect(r.stderr).to.include('sutControl');
    expect(r.stderr).to.include('--builtin');
  });

  it('--help lists the built-in faults by name', async () => {
    const help = await runCli(['test', '--help']);
    expect(help.stdout).to.include('Faults for --builtin-fault');
    for (const fault of ['boot-retry-too-early', 'never-connects', 'remote-start-ignored']) expect(help.stdout).to.include(fault);
  });

  it('an operator prompt names the case, the step and the action', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d) => (text += d));
    const control = new ManualSutControl({ timeoutMs: 5000 }, { input, output });
    const answer = control.perform('plugIn', { connectorId: 1 }, { identity: 'CP1', ocpp: '1.6', caseId: 'TC_003_CS', step: 'step 1: Plug in the cable' });
    await new Promise((r) => setTimeout(r, 50));
    input.write('\n');
    expect((await answer).outcome).to.equal('done');
    expect(text).to.include('>>> ACTION NEEDED (TC_003_CS, step 1: Plug in the cable; action "plugIn"): Plug the cable into connector 1.');
  });
});

