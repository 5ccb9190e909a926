// What CI gets from real runs against the built-in reference peers: junit.xml valid against the JUnit
// schema (with an INCONCLUSIVE case an <error>), and `compare` between a clean run and a run with a
// fault — the regression a firmware team or a CSMS team must see, with exit codes a job can use.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { freePort } from '../support/free-port.js';
import { validateJunit } from '../support/junit-schema.js';
import { findAll, parseXml } from '../support/xml.js';

describe('CI outputs from real runs: junit.xml and compare', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-ci-outputs-'));
  const clean = join(dir, 'clean');
  const faulty = join(dir, 'faulty');
  const unreachable = join(dir, 'unreachable');
  after(() => rmSync(dir, { recursive: true, force: true }));

  before(async () => {
    // A CSMS URL nobody listens on: the case cannot be judged (INCONCLUSIVE, exit 2).
    const closedPort = await freePort();
    const config = join(dir, 'fast-connect.json');
    writeFileSync(config, JSON.stringify({ timeouts: { connectMs: 1000 } }));
    const [a, b, c] = await Promise.all([
      runCli(['test', 'charge-point', '--builtin', '--cases', 'TC_001_CS,TC_002_CS', '--report-dir', clean, '--quiet']),
      // The reference charge point sends an extra property in BootNotification: every case FAILs schema.call.
      runCli(['test', 'charge-point', '--builtin', '--builtin-fault', 'extra-property-in-boot', '--cases', 'TC_001_CS,X16_RPC_01_CS', '--report-dir', faulty, '--quiet']),
      runCli(['test', 'csms', '--url', `ws://127.0.0.1:${closedPort}/ocpp`, '--cases', 'TC_001_CSMS', '--config', config, '--report-dir', unreachable, '--quiet']),
    ]);
    expect(a.code, a.stdout + a.stderr).to.equal(0);
    expect(b.code, b.stdout + b.stderr).to.equal(1);
    expect(c.code, c.stdout + c.stderr).to.equal(2);
  });

  it('every junit.xml validates against the JUnit schema; the unreachable CSMS is an <error>, the fault a <failure>', async () => {
    for (const run of [clean, faulty, unreachable]) {
      const result = await validateJunit(readFileSync(join(run, 'junit.xml'), 'utf8'));
      expect(result.errors, run).to.deep.equal([]);
    }
    const inconclusive = findAll(parseXml(readFileSync(join(unreachable, 'junit.xml'), 'utf8')), 'testcase');
    expect(inconclusive).to.have.length(1);
    expect(inconclusive[0]!.attrs.status).to.equal('INCONCLUSIVE');
    expect(inconclusive[0]!.children[0]!.name).to.equal('error');
    expect(inconclusive[0]!.children[0]!.attrs.message).to.match(/^INCONCLUSIVE: cannot connect to ws:\/\/127\.0\.0\.1:\d+\/ocpp\/CP001/);
    const failed = findAll(parseXml(readFileSync(join(faulty, 'junit.xml'), 'utf8')), 'failure');
    expect(failed.map((f) => f.attrs.type)).to.deep.equal(['schema.call', 'schema.call']);
  });

  it('compare clean → faulty: the regressions with their new findings, the removed case; exit 1', async () => {
    const r = await runCli(['compare', join(clean, 'results.json'), join(faulty, 'results.json')]);
    expect(r.code, r.stderr).to.equal(1);
    expect(r.stdout).to.match(/^Regressions — now FAIL \(2\):$/m);
    expect(r.stdout).to.match(/^ {2}TC_001_CS +PASS → FAIL {2}Cold Boot Charge Point$/m);
    expect(r.stdout).to.match(/^ {6}\+ \[schema\.call\] \(MUST\) step 1: expected BootNotification\.req valid/m);
    expect(r.stdout).to.match(/^ {2}X16_RPC_01_CS +new case → FAIL/m);
    expect(r.stdout).to.match(/^Cases removed \(1\):\n {2}TC_002_CS +PASS/m);
    expect(r.stdout).to.contain('Summary: 2 regressions, 0 fixed');
  });

  it('compare faulty → clean (report directories work too): fixed, added, removed; exit 0', async () => {
    const r = await runCli(['compare', faulty, clean]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout).to.match(/^Fixed \(1\):\n {2}TC_001_CS +FAIL → PASS/m);
    expect(r.stdout).to.match(/^ {6}- \[schema\.call\] \(MUST\) step 1:/m);
    expect(r.stdout).to.match(/^Cases added \(1\):\n {2}TC_002_CS +PASS/m);
    expect(r.stdout).to.match(/^Cases removed \(1\):\n {2}X16_RPC_01_CS +FAIL/m);
    expect(r.stdout).to.not.contain('Regressions');
  });

  it('--json gives the same comparison for machines', async () => {
    const r = await runCli(['compare', join(clean, 'results.json'), join(faulty, 'results.json'), '--json']);
    expect(r.code).to.equal(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).to.deep.equal({ regressions: 2, fixed: 0, changed: 0, findingsChanged: 0, added: 0, removed: 1, unchanged: 0 });
    expect(doc.exitCode).to.equal(1);
    expect(doc.regressions.map((c: { id: string; old: string | null; new: string }) => [c.id, c.old, c.new]))
      .to.deep.equal([['TC_001_CS', 'PASS', 'FAIL'], ['X16_RPC_01_CS', null, 'FAIL']]);
    expect(doc.regressions[0].newFindings[0]).to.include({ checkId: 'schema.call', step: 1, level: 'MUST' });
    expect(doc.removed).to.deep.equal([{ id: 'TC_002_CS', title: 'Cold Boot Charge Point - Pending', verdict: 'PASS' }]);
    expect(doc.old.file).to.equal(join(clean, 'results.json'));
  });

  it('a run against itself: nothing changed, exit 0', async () => {
    const r = await runCli(['compare', clean, clean]);
    expect(r.code).to.equal(0);
    expect(r.stdout).to.contain('Summary: 0 regressions, 0 fixed, 0 other verdict changes, 0 with changed findings, 0 added, 0 removed, 2 unchanged');
  });

  it('unreadable input: one clear line naming the file, exit 2, no stack trace', async () => {
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, '<testsuites/>');
    const noCases = join(dir, 'no-cases.json');
    writeFileSync(noCases, JSON.stringify({ summary: {} }));
    const emptyDir = join(dir, 'empty');
    mkdirSync(emptyDir);
    const cases: [string[], RegExp][] = [
      [[join(dir, 'missing.json'), clean], /^ocpp-harness: cannot read the old results .*missing\.json: no such file$/m],
      [[clean, emptyDir], /^ocpp-harness: cannot read the new results .*empty\/results\.json: no such file$/m],
      [[notJson, clean], /^ocpp-harness: the old results .*not-json\.json is not JSON/m],
      [[clean, noCases], /^ocpp-harness: the new results .*no-cases\.json is not an ocpp-harness results\.json \(no "cases" list\)$/m],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['compare', ...args]);
      expect(r.code, args.join(' ')).to.equal(2);
      expect(r.stderr).to.match(message);
      expect(r.stderr).to.not.match(/\n\s+at /);
    }
  });
});
