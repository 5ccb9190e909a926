// Process exit code, verdict counts and the certification-readiness summary of a run.
import { PROFILES, type Profile } from '../dsl/profiles.js';
import type { Sut } from '../trace/types.js';
import type { CaseResult, NotRunCase, ReadinessRow, ReadinessStatus, RunResult, UnrunCase } from './result.js';
import { VERDICTS, type Verdict } from './verdict.js';

export type ExitCode = 0 | 1 | 2;

/** What each exit code means, for `--help` and the console summary. */
export const EXIT_CODE_MEANING: Record<ExitCode, string> = {
  0: 'no failures',
  1: 'at least one case failed',
  2: 'not everything could be judged (a case was inconclusive, the run was interrupted, or nothing was selected)',
};

/** The meaning of exit code 2 when --require-complete turned an incomplete profile into it. */
export const INCOMPLETE_MEANING = 'a declared profile is incomplete: applicable cases did not run (--require-complete)';

/** True when this verdict fails the run: FAIL always, NON_STRICT only in strict mode. */
export function isFailing(verdict: Verdict, strict: boolean): boolean {
  return verdict === 'FAIL' || (strict && verdict === 'NON_STRICT');
}

/**
 * 1 if any case FAILed (or was NON_STRICT in a strict run);
 * else 2 if something could not be judged: zero cases, an INCONCLUSIVE case, or an interrupted run
 * (a CI job must not go green on a case nobody could judge);
 * else 2 with `requireComplete` when a declared profile is incomplete (applicable cases did not run);
 * else 0 — every case PASS, NOT_APPLICABLE, NON_STRICT (not strict) or EXPECTED_FAIL.
 */
export function exitCodeFor(
  run: Pick<RunResult, 'cases' | 'strict'> & Partial<Pick<RunResult, 'notRun'>> & { interrupted?: boolean },
  options: { requireComplete?: boolean } = {},
): ExitCode {
  if (run.cases.some((c) => isFailing(c.verdict, run.strict))) return 1;
  if (run.cases.length === 0 || run.interrupted || run.cases.some((c) => c.verdict === 'INCONCLUSIVE')) return 2;
  if (options.requireComplete && hasIncompleteProfile(readiness(run.cases, { strict: run.strict, notRun: run.notRun }))) return 2;
  return 0;
}

function zeroCounts(): Record<Verdict, number> {
  const counts = {} as Record<Verdict, number>;
  for (const v of VERDICTS) counts[v] = 0;
  return counts;
}

/** Counts per verdict (every verdict present, in VERDICTS order) plus the total. */
export function summarise(cases: readonly Pick<CaseResult, 'verdict'>[]): RunResult['summary'] {
  const counts = zeroCounts();
  for (const c of cases) counts[c.verdict] += 1;
  return { ...counts, total: cases.length };
}

const SUT_ORDER: readonly Sut[] = ['ChargePoint', 'Csms'];

type ReadinessInput = Pick<CaseResult, 'id' | 'profile' | 'sut' | 'verdict'> & Partial<Pick<CaseResult, 'findings' | 'notApplicable'>>;

/** Why an applicable case has no verdict on the SUT, or undefined when it has one. */
function unrun(c: ReadinessInput): UnrunCase | undefined {
  if (c.verdict === 'INCONCLUSIVE') return { id: c.id, why: 'inconclusive' };
  const na = c.notApplicable;
  if (c.verdict !== 'NOT_APPLICABLE' || !na) return undefined;
  if (na.by === 'configuration') return { id: c.id, why: 'configuration' };
  if (na.by !== 'control' && na.by !== 'operator') return undefined;
  return { id: c.id, why: na.by, ...(na.actions?.length ? { actions: na.actions } : {}) };
}

function isUndeclaredProfile(c: ReadinessInput): boolean {
  return c.verdict === 'NOT_APPLICABLE' && c.notApplicable?.by === 'declaration' && c.notApplicable.declaration === 'features';
}

/**
 * One row per (profile, SUT) that has a case or a not-run case, in profile order then SUT order.
 * `failed` lists the ids that FAILed (plus NON_STRICT ones when `strict`); `notRun` the applicable
 * cases without a verdict on the SUT (see ReadinessStatus).
 */
export function readiness(
  cases: readonly ReadinessInput[],
  options: { strict?: boolean; notRun?: readonly NotRunCase[] } = {},
): ReadinessRow[] {
  const strict = options.strict ?? false;
  const rows = new Map<string, ReadinessRow & { undeclared: boolean }>();
  const rowFor = (profile: Profile, sut: Sut) => {
    const key = `${profile}\u0000${sut}`;
    let row = rows.get(key);
    if (!row) {
      row = { status: 'ready', profile, sut, counts: zeroCounts(), failed: [], octtFails: [], notRun: [], undeclared: true };
      rows.set(key, row);
    }
    return row;
  };
  for (const c of cases) {
    const row = rowFor(c.profile, c.sut);
    row.counts[c.verdict] += 1;
    if (!isUndeclaredProfile(c)) row.undeclared = false;
    if (isFailing(c.verdict, strict)) row.failed.push(c.id);
    else if (octtWouldFail(c)) row.octtFails!.push(c.id);
    const missing = unrun(c);
    if (missing) row.notRun.push(missing);
  }
  for (const n of options.notRun ?? []) {
    const row = rowFor(n.profile, n.sut);
    row.undeclared = false;
    row.notRun.push({ id: n.id, why: n.why });
  }
  const rank = (p: Profile): number => {
    const i = PROFILES.indexOf(p);
    return i < 0 ? PROFILES.length : i;
  };
  return [...rows.values()]
    .map(({ undeclared, ...row }): ReadinessRow => ({ ...row, status: statusOf(row, undeclared) }))
    .sort((a, b) => rank(a.profile) - rank(b.profile) || SUT_ORDER.indexOf(a.sut) - SUT_ORDER.indexOf(b.sut));
}

function statusOf(row: ReadinessRow, undeclared: boolean): ReadinessStatus {
  if (undeclared) return 'not declared';
  if (row.failed.length || row.octtFails?.length) return 'not ready';
  if (row.notRun.length) return 'incomplete';
  return 'ready';
}

/**
 * A row is ready when nothing failed, every applicable case ran and was judged, and no case passes
 * here only because the spec says SHOULD where the OCTT's tool validation fails it (the lab would fail it).
 */
export function isReady(row: ReadinessRow): boolean {
  return row.status === 'ready';
}

/** The word for a row's status, with the count that explains it: "incomplete: 3 not run". */
export function readinessWord(row: ReadinessRow): string {
  if (row.status !== 'incomplete') return row.status === 'ready' ? 'yes' : row.status === 'not ready' ? 'no' : 'not declared';
  const undecided = row.notRun.filter((n) => n.why === 'inconclusive').length;
  const notRun = row.notRun.length - undecided;
  return `incomplete: ${[notRun ? `${notRun} not run` : '', undecided ? `${undecided} inconclusive` : ''].filter(Boolean).join(', ')}`;
}

const WHY_TEXT: Record<UnrunCase['why'], string> = {
  control: 'not run: the SUT control lacks',
  operator: 'not run: the operator skipped',
  configuration: 'not run: the run\'s configuration does not reach them (e.g. another security profile; see each reason)',
  filter: 'not run: left out by --cases/--exclude',
  interrupted: 'not run: the run was interrupted before',
  inconclusive: 'not judged (INCONCLUSIVE)',
  'not-written': 'not run: the certification list has them, this harness has no case for them yet (a lab would run them)',
};

/**
 * What would let a row's unrun cases run, one line each: "not run: the SUT control lacks plugIn: TC_003_CS, TC_004_1_CS".
 */
export function unlockLines(row: ReadinessRow, maxIds = Infinity): string[] {
  const groups = new Map<string, string[]>();
  for (const n of row.notRun) {
    const key = n.actions?.length ? `${WHY_TEXT[n.why]} ${n.actions.join(', ')}` : WHY_TEXT[n.why];
    groups.set(key, [...(groups.get(key) ?? []), n.id]);
  }
  const list = (ids: string[]) => (ids.length > maxIds ? `${ids.slice(0, maxIds).join(', ')} … and ${ids.length - maxIds} more` : ids.join(', '));
  return [...groups.entries()].map(([why, ids]) => `${why}: ${list(ids)}`);
}

/** True when some declared profile could not be judged completely (for --require-complete). */
export function hasIncompleteProfile(rows: readonly ReadinessRow[]): boolean {
  return rows.some((r) => r.status === 'incomplete');
}

/** A case we do not fail (NON_STRICT) whose finding the OCTT's own tool validation fails. */
export function octtWouldFail(c: Pick<CaseResult, 'verdict'> & Partial<Pick<CaseResult, 'findings'>>): boolean {
  return c.verdict === 'NON_STRICT' && (c.findings ?? []).some((f) => f.level === 'SHOULD' && f.octt === 'fails');
}
