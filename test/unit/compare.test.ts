// The diff behind `ocpp-harness compare`: which cases regressed, were fixed, changed verdict or
// findings, appeared or disappeared — with cases matched by id and by alias.
import { expect } from 'chai';
import type { Finding } from '../../harness/checks/finding.js';
import { compareExitCode, compareRuns, findingKey, type ComparableCase } from '../../harness/report/compare.js';
import type { Verdict } from '../../harness/report/verdict.js';

const finding = (checkId: string, step?: number, actual = 'x'): Finding =>
  ({ checkId, level: 'MUST', step, requirement: 'r', expected: 'e', actual, evidence: [] });
const kase = (id: string, verdict: Verdict, findings: Finding[] = [], extra: Partial<ComparableCase> = {}): ComparableCase =>
  ({ id, title: `Title ${id}`, verdict, findings, ...extra });
const ids = (list: { id: string }[]) => list.map((c) => c.id);

describe('compare: the diff of two runs', () => {
  it('PASS/NON_STRICT/NOT_APPLICABLE/INCONCLUSIVE/EXPECTED_FAIL → FAIL is a regression, with the new findings', () => {
    const before: Verdict[] = ['PASS', 'NON_STRICT', 'NOT_APPLICABLE', 'INCONCLUSIVE', 'EXPECTED_FAIL'];
    const old = before.map((v, i) => kase(`TC_00${i}_CS`, v));
    const now = before.map((_v, i) => kase(`TC_00${i}_CS`, 'FAIL', [finding('schema.call', 1)]));
    const c = compareRuns(old, now);
    expect(ids(c.regressions)).to.deep.equal(old.map((o) => o.id));
    expect(c.regressions.map((r) => r.old)).to.deep.equal(before);
    expect(c.regressions[0]!.newFindings.map(findingKey)).to.deep.equal(['schema.call@1']);
    expect(compareExitCode(c)).to.equal(1);
  });

  it('a case that FAILs in both runs is no regression; its findings that came and went are listed', () => {
    const old = [kase('TC_001_CS', 'FAIL', [finding('schema.call', 1), finding('timing.notAfter', 3)])];
    const now = [kase('TC_001_CS', 'FAIL', [finding('schema.call', 1, 'other text'), finding('sequence.missing', 4)])];
    const c = compareRuns(old, now);
    expect(c.regressions).to.deep.equal([]);
    expect(compareExitCode(c)).to.equal(0);
    expect(c.findingsChanged).to.have.length(1);
    expect(c.findingsChanged[0]!.newFindings.map(findingKey)).to.deep.equal(['sequence.missing@4']);
    expect(c.findingsChanged[0]!.goneFindings.map(findingKey)).to.deep.equal(['timing.notAfter@3']);
  });

  it('findings are matched by check id and step, as a multiset: a second trip of the same check is new', () => {
    const old = [kase('TC_001_CS', 'NON_STRICT', [finding('rpc.singleOutstandingCall')])];
    const now = [kase('TC_001_CS', 'NON_STRICT', [finding('rpc.singleOutstandingCall'), finding('rpc.singleOutstandingCall')])];
    const c = compareRuns(old, now);
    expect(c.findingsChanged[0]!.newFindings.map(findingKey)).to.deep.equal(['rpc.singleOutstandingCall@-']);
    expect(c.findingsChanged[0]!.goneFindings).to.deep.equal([]);
    // Same check, other step: one new, one gone.
    const moved = compareRuns([kase('A', 'FAIL', [finding('payload.mismatch', 5)])], [kase('A', 'FAIL', [finding('payload.mismatch', 7)])]);
    expect(moved.findingsChanged[0]!.newFindings.map(findingKey)).to.deep.equal(['payload.mismatch@7']);
    expect(moved.findingsChanged[0]!.goneFindings.map(findingKey)).to.deep.equal(['payload.mismatch@5']);
  });

  it('FAIL or EXPECTED_FAIL → PASS or NON_STRICT is fixed; other verdict changes are listed as changed', () => {
    const old = [kase('A', 'FAIL'), kase('B', 'EXPECTED_FAIL'), kase('C', 'FAIL'), kase('D', 'PASS'), kase('E', 'FAIL'), kase('F', 'PASS')];
    const now = [kase('A', 'PASS'), kase('B', 'NON_STRICT'), kase('C', 'INCONCLUSIVE', [], { reason: 'no connection' }), kase('D', 'NOT_APPLICABLE'), kase('E', 'EXPECTED_FAIL'), kase('F', 'PASS')];
    const c = compareRuns(old, now);
    expect(ids(c.fixed)).to.deep.equal(['A', 'B']);
    expect(c.changed.map((x) => `${x.id} ${x.old}→${x.new}`)).to.deep.equal(['C FAIL→INCONCLUSIVE', 'D PASS→NOT_APPLICABLE', 'E FAIL→EXPECTED_FAIL']);
    expect(c.changed[0]!.reason).to.equal('no connection');
    expect(c.unchanged).to.equal(1);
    expect(c.regressions).to.deep.equal([]);
    expect(compareExitCode(c)).to.equal(0);
  });

  it('cases added and removed; a new case that FAILs is a regression', () => {
    const old = [kase('TC_001_CS', 'PASS'), kase('TC_099_CS', 'PASS')];
    const now = [kase('TC_001_CS', 'PASS'), kase('TC_100_CS', 'PASS'), kase('TC_101_CS', 'FAIL', [finding('rpc.json')])];
    const c = compareRuns(old, now);
    expect(ids(c.added)).to.deep.equal(['TC_100_CS']);
    expect(ids(c.removed)).to.deep.equal(['TC_099_CS']);
    expect(c.regressions.map((r) => [r.id, r.old, r.new])).to.deep.equal([['TC_101_CS', null, 'FAIL']]);
    expect(compareExitCode(c)).to.equal(1);
  });

  it('matches by alias both ways: a split case continues its 2024-04 id, and an old split case its alias', () => {
    // Old run knew only TC_007_CS; the new one splits it and names TC_007_CS as alias of both parts.
    const old = [kase('TC_007_CS', 'PASS')];
    const now = [kase('TC_007_1_CS', 'FAIL', [], { aliases: ['TC_007_CS'] }), kase('TC_007_2_CS', 'PASS', [], { aliases: ['TC_007_CS'] })];
    const c = compareRuns(old, now);
    expect(c.regressions.map((r) => [r.id, r.oldId, r.old])).to.deep.equal([['TC_007_1_CS', 'TC_007_CS', 'PASS']]);
    expect(c.unchanged).to.equal(1);
    expect(c.removed).to.deep.equal([]);
    expect(c.added).to.deep.equal([]);
    // The other way round: the old case carried the alias, the new run uses the 2024-04 id.
    const back = compareRuns([kase('TC_008_1_CS', 'FAIL', [], { aliases: ['TC_008_CS'] })], [kase('TC_008_CS', 'PASS')]);
    expect(back.fixed.map((r) => [r.id, r.oldId])).to.deep.equal([['TC_008_CS', 'TC_008_1_CS']]);
  });

  it('identical runs: everything unchanged, exit 0', () => {
    const run = [kase('A', 'PASS'), kase('B', 'FAIL', [finding('x', 1)]), kase('C', 'NOT_APPLICABLE')];
    const c = compareRuns(run, run);
    expect(c).to.deep.equal({ regressions: [], fixed: [], changed: [], findingsChanged: [], added: [], removed: [], unchanged: 3 });
    expect(compareExitCode(c)).to.equal(0);
  });
});
