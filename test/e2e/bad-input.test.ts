// Bad input never crashes the harness and never loses a result: garbage, disconnects and silence
// become findings, the following cases still run, and the reports are still written.
import { expect } from 'chai';
import { existsSync, rmSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuiltin, testConfig } from '../support/run-builtin.js';
import { startCli, stop } from '../support/cli.js';

const verdicts = (cases: { id: string; verdict: string }[]) => Object.fromEntries(cases.map((c) => [c.id, c.verdict]));

describe('bad input and faults from the system under test', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-bad-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('garbage frames are findings and the next case still runs and passes', async () => {
    for (const fault of ['garbage-not-json', 'garbage-wrong-shape', 'garbage-unknown-type', 'huge-frame']) {
      // TC_003_CS sends no GetConfiguration, so the fault (which fires on GetConfiguration) stays quiet there.
      const { run } = await runBuiltin({ sides: ['ChargePoint'], cases: ['TC_019_CS', 'TC_003_CS'], quirks: { chargePoint: [fault] } });
      expect(verdicts(run.cases), fault).to.deep.equal({ TC_019_CS: 'FAIL', TC_003_CS: 'PASS' });
    }
  });

  it('a disconnect in the middle of a case is a finding; the next case runs on the new connection', async () => {
    const { run } = await runBuiltin({ sides: ['ChargePoint'], cases: ['TC_010_CS', 'TC_019_CS'], quirks: { chargePoint: ['disconnect-on-remote-start'] } });
    expect(verdicts(run.cases)).to.deep.equal({ TC_010_CS: 'FAIL', TC_019_CS: 'PASS' });
    expect(run.cases[0].findings.map((f) => f.checkId)).to.deep.equal(['connection.closed']);
  });

  it('a charge point that never connects makes the cases INCONCLUSIVE with the reason, and the reports are written', async () => {
    const cfg = testConfig();
    cfg.timeouts.connectMs = 1500;
    const out = join(dir, 'never');
    const { run, exitCode } = await runBuiltin({ sides: ['ChargePoint'], cases: ['TC_001_CS', 'TC_019_CS'], quirks: { chargePoint: ['never-connects'] }, cfg, reportDir: out });
    expect(verdicts(run.cases)).to.deep.equal({ TC_001_CS: 'INCONCLUSIVE', TC_019_CS: 'INCONCLUSIVE' });
    for (const c of run.cases) expect(c.reason).to.match(/did not connect within 1500 ms/);
    expect(exitCode).to.equal(2);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { cases: { verdict: string }[] };
    expect(results.cases.map((c) => c.verdict)).to.deep.equal(['INCONCLUSIVE', 'INCONCLUSIVE']);
    expect(existsSync(join(out, 'index.html'))).to.equal(true);
  });

  it('a CSMS that cannot be reached makes the cases INCONCLUSIVE, not FAIL', async () => {
    const cfg = testConfig();
    cfg.sutControl = { type: 'manual' };
    const { runTests } = await import('../../harness/runner/run.js');
    const { sink } = await import('../support/run-builtin.js');
    const { run, exitCode } = await runTests({
      sides: ['Csms'], ocpp: '1.6', profiles: ['all'], cases: ['TC_001_CSMS'], cfg, reportDir: '', strict: false,
      builtin: false, url: 'ws://127.0.0.1:1/ocpp', out: sink(), noReports: true,
    });
    expect(verdicts(run.cases)).to.deep.equal({ TC_001_CSMS: 'INCONCLUSIVE' });
    expect(run.cases[0].reason).to.match(/cannot connect/);
    expect(exitCode).to.equal(2);
  });

  it('Ctrl-C writes the report of what ran', async () => {
    const out = join(dir, 'interrupted');
    const { child } = await startCli(['test', 'charge-point', '--builtin', '--parallel', '1', '--report-dir', out], /PASS\s+TC_001_CS/, 60_000);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    const code = await exited;
    await stop(child);
    expect(code).to.equal(2);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { interrupted: boolean; cases: { id: string; verdict: string }[] };
    expect(results.interrupted).to.equal(true);
    expect(results.cases[0]).to.include({ id: 'TC_001_CS', verdict: 'PASS' });
    expect(existsSync(join(out, 'index.html'))).to.equal(true);
  });
});
