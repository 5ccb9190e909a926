// `ocpp-harness fuzz`: the corpus turned on a system under test, in both roles and both versions. The
// built-in peers come through without a FAIL, faulty ones FAIL the entries whose rule they break (the
// finding names the rule), a peer that crashes on garbage FAILs, and all three reports are written.
import { expect } from 'chai';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS } from '../../harness/fuzz/corpus.js';
import type { RunResult } from '../../harness/report/result.js';
import { runCli } from '../support/cli.js';

async function fuzz(args: string[]): Promise<{ code: number | null; run: RunResult; dir: string; files: string[]; stderr: string; stdout: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'ocpp-fuzz-'));
  const out = await runCli(['fuzz', ...args, '--builtin', '--quiet', '--report-dir', dir], { timeoutMs: 240_000 });
  const run = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as RunResult;
  return { ...out, run, dir, files: await readdir(dir) };
}

describe('fuzz mode (ocpp-harness fuzz)', function () {
  this.timeout(300_000);
  const dirs: string[] = [];
  after(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  for (const ocpp of ['1.6', '2.0.1']) {
    it(`OCPP ${ocpp}: every corpus entry in both roles against the built-in peers — no FAIL, no INCONCLUSIVE, three reports`, async () => {
      const r = await fuzz(['all', '--ocpp', ocpp, '--rounds', '1', '--seed', '5']);
      dirs.push(r.dir);
      expect(r.run.cases).to.have.length(CORPUS.length * 2);
      const bad = r.run.cases.filter((c) => c.verdict === 'FAIL' || c.verdict === 'INCONCLUSIVE').map((c) => `${c.id} ${c.verdict}: ${c.reason}`);
      expect(bad).to.deep.equal([]);
      expect(r.code).to.equal(0);
      expect(r.files).to.include.members(['results.json', 'junit.xml', 'index.html']);
      expect(r.run.selection.ocpp).to.equal(ocpp);
    });
  }

  it('a charge point and a CSMS that accept what they must refuse FAIL those entries, each finding naming the broken rule', async () => {
    const r = await fuzz(['all', '--ocpp', '1.6', '--rounds', '1', '--entries', 'unknown-action,missing-required-field,not-json',
      '--builtin-fault', 'accepts-unknown-action', '--builtin-fault', 'lenient-validation']);
    dirs.push(r.dir);
    const failed = r.run.cases.filter((c) => c.verdict === 'FAIL').map((c) => c.id).sort();
    expect(failed).to.deep.equal(['FUZZ_MISSING_REQUIRED_FIELD_CS', 'FUZZ_MISSING_REQUIRED_FIELD_CSMS', 'FUZZ_UNKNOWN_ACTION_CS', 'FUZZ_UNKNOWN_ACTION_CSMS']);
    const unknown = r.run.cases.find((c) => c.id === 'FUZZ_UNKNOWN_ACTION_CS')!;
    expect(unknown.findings.map((f) => f.checkId)).to.deep.equal(['fuzz.accepted']);
    expect(unknown.findings[0]!.requirement).to.equal(CORPUS.find((e) => e.name === 'unknown-action')!.rule['1.6']);
    expect(r.code).to.equal(1);
  });

  it('a charge point that crashes on garbage FAILs (connection.closed) and the entries after it cannot be judged', async () => {
    const r = await fuzz(['charge-point', '--ocpp', '1.6', '--rounds', '1', '--parallel', '1', '--entries', 'not-json,unknown-action', '--builtin-fault', 'crashes-on-bad-frame']);
    dirs.push(r.dir);
    const byId = new Map(r.run.cases.map((c) => [c.id, c]));
    expect(byId.get('FUZZ_NOT_JSON_CS')!.verdict).to.equal('FAIL');
    expect(byId.get('FUZZ_NOT_JSON_CS')!.findings.map((f) => f.checkId)).to.include('connection.closed');
    expect(byId.get('FUZZ_UNKNOWN_ACTION_CS')!.verdict).to.equal('INCONCLUSIVE');
    expect(r.files).to.include.members(['results.json', 'junit.xml', 'index.html']);
  });

  it('the same seed sends the same frames; bad arguments exit 2', async () => {
    const frames = async () => {
      const r = await fuzz(['csms', '--ocpp', '2.0.1', '--rounds', '2', '--seed', '42', '--entries', 'unknown-action,message-id-too-long']);
      dirs.push(r.dir);
      const traces = join(r.dir, 'traces');
      const sent: string[] = [];
      for (const f of (await readdir(traces)).sort()) {
        for (const line of (await readFile(join(traces, f), 'utf8')).split('\n').filter(Boolean)) {
          const e = JSON.parse(line) as { kind: string; dir?: string; deliberatelyInvalid?: boolean; raw?: string };
          if (e.kind === 'frame' && e.dir === 'out' && e.deliberatelyInvalid) sent.push(e.raw!);
        }
      }
      return sent;
    };
    const first = await frames();
    expect(first).to.have.length(4);
    expect(await frames()).to.deep.equal(first);
    expect((await runCli(['fuzz', 'csms', '--builtin', '--entries', 'no-such-entry'])).code).to.equal(2);
    expect((await runCli(['fuzz', 'csms', '--builtin', '--seed', '-3'])).code).to.equal(2);
  });
});
