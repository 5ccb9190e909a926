// Readiness a certification lab would confirm: "ready" only when every case the declaration makes
// applicable ran and passed; a case that did not run (control, operator, filter, interruption) makes the
// profile "incomplete"; a profile outside `features` is "not declared", never "yes".
import { expect } from 'chai';
import { exitCodeFor, isReady, readiness, readinessWord, unlockLines } from '../../harness/report/exit-code.js';
import { summaryBlock } from '../../harness/report/console.js';
import type { CaseResult, NotRunCase, RunResult } from '../../harness/report/result.js';
import { summarise } from '../../harness/report/exit-code.js';

type Row = Pick<CaseResult, 'id' | 'profile' | 'sut' | 'verdict'> & Partial<Pick<CaseResult, 'notApplicable' | 'findings'>>;
const core = (id: string, verdict: CaseResult['verdict'], extra: Partial<Row> = {}): Row => ({ id, profile: 'Core', sut: 'ChargePoint', verdict, ...extra });

function run(cases: Row[], notRun: NotRunCase[] = [], extra: Partial<RunResult> = {}): RunResult {
  const full = cases.map((c) => ({
    title: c.id, ocpp: '1.6', purpose: '', refs: [], provenance: '', startedAt: '', durationMs: 1, steps: [], findings: [], trace: [], ...c,
  })) as CaseResult[];
  return {
    tool: { name: 'ocpp-harness', version: '0' }, startedAt: '', finishedAt: '', durationMs: 1, interrupted: false, strict: false,
    selection: { ocpp: '1.6', sut: ['ChargePoint'], profiles: ['all'] }, errata: [], summary: summarise(full), cases: full, notRun, ...extra,
  };
}

describe('readiness: ready, not ready, incomplete, not declared', () => {
  it('all applicable cases passed (N/A by declaration or by the case is fine): ready', () => {
    const [row] = readiness([core('A', 'PASS'), core('B', 'NOT_APPLICABLE', { notApplicable: { by: 'declaration' } }), core('C', 'NOT_APPLICABLE', { notApplicable: { by: 'case' } })]);
    expect(row!.status).to.equal('ready');
    expect(readinessWord(row!)).to.equal('yes');
  });

  it('a case the SUT control could not drive is not a pass: incomplete, naming the action that would unlock it', () => {
    const [row] = readiness([core('A', 'PASS'), core('B', 'NOT_APPLICABLE', { notApplicable: { by: 'control', actions: ['plugIn'] } })]);
    expect(row!.status).to.equal('incomplete');
    expect(isReady(row!)).to.equal(false);
    expect(readinessWord(row!)).to.equal('incomplete: 1 not run');
    expect(unlockLines(row!)).to.deep.equal(['not run: the SUT control lacks plugIn: B']);
  });

  it('an operator "skip" is not a pass either: incomplete', () => {
    const [row] = readiness([core('A', 'PASS'), core('B', 'NOT_APPLICABLE', { notApplicable: { by: 'operator', actions: ['presentIdTag'] } })]);
    expect(row!.status).to.equal('incomplete');
    expect(unlockLines(row!)).to.deep.equal(['not run: the operator skipped presentIdTag: B']);
  });

  it('a case the run\'s configuration does not reach (another security profile) did not run: incomplete', () => {
    const [row] = readiness([core('A', 'PASS'), core('B', 'NOT_APPLICABLE', { notApplicable: { by: 'configuration' } })]);
    expect(row!.status).to.equal('incomplete');
    expect(unlockLines(row!)[0]).to.match(/^not run: the run's configuration does not reach them .*: B$/);
  });

  it('cases left out by a filter or by an interruption make the profile incomplete; INCONCLUSIVE counts as not judged', () => {
    const notRun: NotRunCase[] = [
      { id: 'C', title: 'C', profile: 'Core', sut: 'ChargePoint', why: 'filter' },
      { id: 'D', title: 'D', profile: 'Core', sut: 'ChargePoint', why: 'interrupted' },
    ];
    const [row] = readiness([core('A', 'PASS'), core('B', 'INCONCLUSIVE')], { notRun });
    expect(row!.status).to.equal('incomplete');
    expect(readinessWord(row!)).to.equal('incomplete: 2 not run, 1 inconclusive');
    expect(row!.notRun.map((n) => `${n.id}:${n.why}`)).to.deep.equal(['B:inconclusive', 'C:filter', 'D:interrupted']);
  });

  it('a FAIL makes it "not ready" whatever else is missing', () => {
    const [row] = readiness([core('A', 'FAIL'), core('B', 'NOT_APPLICABLE', { notApplicable: { by: 'control', actions: ['plugIn'] } })]);
    expect(row!.status).to.equal('not ready');
    expect(readinessWord(row!)).to.equal('no');
  });

  it('a profile outside `features` is "not declared", not "yes" (it was "0 PASS, 5 N/A — yes")', () => {
    const fw = (id: string): Row => ({ id, profile: 'FirmwareManagement', sut: 'ChargePoint', verdict: 'NOT_APPLICABLE', notApplicable: { by: 'declaration', declaration: 'features' } });
    const rows = readiness([core('A', 'PASS'), fw('F1'), fw('F2')]);
    expect(rows.map((r) => [r.profile, r.status])).to.deep.equal([['Core', 'ready'], ['FirmwareManagement', 'not declared']]);
    expect(readinessWord(rows[1]!)).to.equal('not declared');
  });

  it('--require-complete: an incomplete profile exits 2; without it the exit code stays 0', () => {
    const r = run([core('A', 'PASS'), core('B', 'NOT_APPLICABLE', { notApplicable: { by: 'control', actions: ['plugIn'] } })]);
    expect(exitCodeFor(r)).to.equal(0);
    expect(exitCodeFor(r, { requireComplete: true })).to.equal(2);
    const complete = run([core('A', 'PASS')]);
    expect(exitCodeFor(complete, { requireComplete: true })).to.equal(0);
    const undeclared = run([core('A', 'PASS'), { id: 'F', profile: 'FirmwareManagement', sut: 'ChargePoint', verdict: 'NOT_APPLICABLE', notApplicable: { by: 'declaration', declaration: 'features' } }]);
    expect(exitCodeFor(undeclared, { requireComplete: true }), 'not declared is not incomplete').to.equal(0);
  });

  it('the console summary says incomplete, why, and what the exit code means', () => {
    const r = run([core('A', 'PASS'), core('B', 'NOT_APPLICABLE', { notApplicable: { by: 'control', actions: ['plugIn'] } })], [], { requireComplete: true });
    const text = summaryBlock(r, 'out', { color: false });
    expect(text).to.match(/Core\s+Charge Point\s+1\s+0\s+0\s+1\s+0\s+0\s+incomplete: 1 not run/);
    expect(text).to.include('not run: the SUT control lacks plugIn: B');
    expect(text).to.include('Exit code 2: a declared profile is incomplete');
  });

  it('the summary never points at an index.html that could not be written', () => {
    const r = run([core('A', 'PASS')]);
    expect(summaryBlock(r, 'out', { color: false })).to.include('Report: out/index.html');
    const text = summaryBlock(r, 'out', { color: false, htmlMissing: true });
    expect(text).to.include('index.html could not be written');
    expect(text).to.not.include('Report: out/index.html');
  });
});
