// The CLI as a user runs it: the README's main command, list, exit codes, reports on disk, rejudge.
import { expect } from 'chai';
import { existsSync, rmSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';

const SLICE_CS = ['TC_001_CS', 'TC_002_CS', 'TC_003_CS', 'TC_004_1_CS', 'TC_010_CS', 'TC_012_CS', 'TC_019_CS', 'TC_021_CS'];
const SLICE_CSMS = ['TC_001_CSMS', 'TC_003_CSMS', 'TC_004_1_CSMS', 'TC_010_CSMS', 'TC_012_CSMS', 'TC_019_1_CSMS', 'TC_021_CSMS', 'TC_023_1_CSMS'];
const ROBUSTNESS = [1, 2, 3, 4, 5].flatMap((n) => [`X16_RPC_0${n}_CS`, `X16_RPC_0${n}_CSMS`]);

interface ResultsJson {
  summary: Record<string, number>;
  interrupted: boolean;
  cases: { id: string; verdict: string; sut: string; profile: string; durationMs: number; traceFile: string; findings: { checkId: string }[] }[];
}

describe('CLI end to end', function () {
  this.timeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-e2e-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('list shows the slice and the robustness group; --json gives the same', async () => {
    const text = await runCli(['list', '--ocpp', '1.6']);
    expect(text.code).to.equal(0);
    for (const id of [...SLICE_CS, ...SLICE_CSMS, ...ROBUSTNESS]) expect(text.stdout).to.match(new RegExp(`^${id}\\s`, 'm'));
    const json = await runCli(['list', '--json']);
    const listed = JSON.parse(json.stdout) as { id: string; profile: string; sut: string; title: string }[];
    expect(listed.map((c) => c.id)).to.include.members([...SLICE_CS, ...SLICE_CSMS, ...ROBUSTNESS]);
    for (const c of listed) expect(c.title && c.profile && c.sut).to.be.a('string');
  });

  it('the main command (test all --builtin) passes every case and writes every report', async () => {
    const out = join(dir, 'main');
    const result = await runCli(['test', 'all', '--builtin', '--report-dir', out]);
    expect(result.code, result.stdout + result.stderr).to.equal(0);
    expect(result.stdout).to.contain(join(out, 'index.html'));
    for (const f of ['index.html', 'junit.xml', 'results.json']) expect(existsSync(join(out, f)), f).to.equal(true);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as ResultsJson;
    // Every case passes, or does not apply to the reference peers' declarations and says why.
    const notPassing = results.cases
      .filter((c) => c.verdict !== 'PASS' && !(c.verdict === 'NOT_APPLICABLE' && (c as { reason?: string }).reason))
      .map((c) => `${c.id} ${c.verdict}`);
    expect(notPassing).to.deep.equal([]);
    expect(results.cases.filter((c) => c.verdict === 'PASS').length).to.be.greaterThan(results.cases.length * 0.9);
    expect(results.cases.map((c) => c.id)).to.include.members([...SLICE_CS, ...SLICE_CSMS, ...ROBUSTNESS]);
    expect(readdirSync(join(out, 'traces')).sort()).to.deep.equal(results.cases.map((c) => `${c.id}.jsonl`).sort());
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).to.contain('id="certification-readiness"').and.contain('Certification readiness');
    const readinessRows = (JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { readiness: { profile: string; sut: string; failed: string[] }[] }).readiness;
    expect(readinessRows.map((r) => `${r.profile}/${r.sut}`)).to.include.members(['Core/ChargePoint', 'Core/Csms']);
    const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase /g)).to.have.length(results.cases.length);
    expect(junit).to.contain('name="TC_001_CS Cold Boot Charge Point"');
  });

  it('a fault fails the run with exit 1, and rejudge reaches the same verdict from the saved trace', async () => {
    const out = join(dir, 'fault');
    const result = await runCli(['test', 'charge-point', '--builtin', '--builtin-fault', 'status-before-boot-accepted', '--cases', 'TC_002_CS', '--report-dir', out]);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.match(/FAIL\s+TC_002_CS/);
    expect(result.stdout).to.contain('sequence.forbidden');
    const again = await runCli(['rejudge', join(out, 'traces', 'TC_002_CS.jsonl'), '--json']);
    expect(again.code).to.equal(1);
    const judged = JSON.parse(again.stdout) as { verdict: string; findings: { checkId: string }[] };
    expect(judged.verdict).to.equal('FAIL');
    expect(judged.findings.map((f) => f.checkId)).to.deep.equal(['sequence.forbidden']);
  });

  it('a SHOULD-level finding is NON_STRICT: exit 0, but exit 1 with --strict', async () => {
    const args = ['test', 'charge-point', '--builtin', '--builtin-fault', 'boot-retry-too-early', '--cases', 'TC_002_CS'];
    const lenient = await runCli([...args, '--report-dir', join(dir, 'lenient')]);
    expect(lenient.code, lenient.stdout).to.equal(0);
    expect(lenient.stdout).to.match(/NON_STRICT\s+TC_002_CS/);
    const strict = await runCli([...args, '--strict', '--report-dir', join(dir, 'strict')]);
    expect(strict.code).to.equal(1);
  });

  it('rejudge of a passing trace passes', async () => {
    const result = await runCli(['rejudge', join(dir, 'main', 'traces', 'TC_001_CS.jsonl')]);
    expect(result.code, result.stdout).to.equal(0);
    expect(result.stdout).to.match(/TC_001_CS\s+PASS/);
  });

  it('a bad config is refused with exit 2 and names the field', async () => {
    const cfg = join(dir, 'bad.json');
    writeFileSync(cfg, JSON.stringify({ timeouts: { responseMs: 'soon' }, colour: 'blue' }));
    const result = await runCli(['test', 'charge-point', '--builtin', '--config', cfg]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain('timeouts.responseMs');
    expect(result.stderr).to.contain('colour');
  });

  it('usage errors exit 2: unknown case, csms without --url, unknown profile, unreadable trace', async () => {
    expect((await runCli(['test', 'charge-point', '--builtin', '--cases', 'TC_999_CS'])).code).to.equal(2);
    const noUrl = await runCli(['test', 'csms']);
    expect(noUrl.code).to.equal(2);
    expect(noUrl.stderr).to.contain('--url');
    expect((await runCli(['test', 'all', '--builtin', '--profile', 'quantum'])).code).to.equal(2);
    expect((await runCli(['rejudge', join(dir, 'nope.jsonl')])).code).to.equal(2);
    expect((await runCli(['frobnicate'])).code).to.equal(2);
  });

  it('--dry-run lists the selection without running it', async () => {
    const result = await runCli(['test', 'all', '--dry-run', '--cases', 'TC_001_*']);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.contain('TC_001_CS').and.contain('TC_001_CSMS').and.contain('2 cases selected');
  });
});
