// Process exit code, verdict counts and the certification-readiness summary of a run.
import { PROFILES, type Profile } from '../dsl/profiles.js';
import type { Sut } from '../trace/types.js';
import type { CaseResult, ReadinessRow, RunResult } from './result.js';
import { VERDICTS, type Verdict } from './verdict.js';

export type ExitCode = 0 | 1 | 2;

/** What each exit code means, for `--help` and the console summary. */
export const EXIT_CODE_MEANING: Record<ExitCode, string> = {
  0: 'no failures',
  1: 'at least one case failed',
  2: 'not everything could be judged (a case was inconclusive, the run was interrupted, or nothing was selected)',
};

/** True when this verdict fails the run: FAIL always, NON_STRICT only in strict mode. */
export function isFailing(verdict: Verdict, strict: boolean): boolean {
  return verdict === 'FAIL' || (strict && verdict === 'NON_STRICT');
}

/**
 * 1 if any case FAILed (or was NON_STRICT in a strict run);
 * else 2 if something could not be judged: zero cases, an INCONCLUSIVE case, or an interrupted run
 * (a CI job must not go green on a case nobody could judge);
 * else 0 — every case PASS, NOT_APPLICABLE, NON_STRICT (not strict) or EXPECTED_FAIL.
 */
export function exitCodeFor(run: Pick<RunResult, 'cases' | 'strict'> & { interrupted?: boolean }): ExitCode {
  if (run.cases.some((c) => isFailing(c.verdict, run.strict))) return 1;
  if (run.cases.length === 0 || run.interrupted || run.cases.some((c) => c.verdict === 'INCONCLUSIVE')) return 2;
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

/**
 * One row per (profile, SUT) that has at least one case, in profile order then SUT order.
 * `failed` lists the ids that FAILed (plus NON_STRICT ones when `strict`).
 */
export function readiness(
  cases: readonly (Pick<CaseResult, 'id' | 'profile' | 'sut' | 'verdict'> & Partial<Pick<CaseResult, 'findings'>>)[],
  options: { strict?: boolean } = {},
): ReadinessRow[] {
  const strict = options.strict ?? false;
  const rows = new Map<string, ReadinessRow>();
  for (const c of cases) {
    const key = `${c.profile}\u0000${c.sut}`;
    let row = rows.get(key);
    if (!row) {
      row = { profile: c.profile, sut: c.sut, counts: zeroCounts(), failed: [], octtFails: [] };
      rows.set(key, row);
    }
    row.counts[c.verdict] += 1;
    if (isFailing(c.verdict, strict)) row.failed.push(c.id);
    else if (octtWouldFail(c)) row.octtFails!.push(c.id);
  }
  const rank = (p: Profile): number => {
    const i = PROFILES.indexOf(p);
    return i < 0 ? PROFILES.length : i;
  };
  return [...rows.values()].sort(
    (a, b) => rank(a.profile) - rank(b.profile) || SUT_ORDER.indexOf(a.sut) - SUT_ORDER.indexOf(b.sut),
  );
}

/**
 * A row is ready when nothing failed, nothing was left undecided, and no case passes here only because
 * the spec says SHOULD where the OCTT's tool validation fails it (the lab would fail it).
 */
export function isReady(row: ReadinessRow): boolean {
  return row.failed.length === 0 && row.counts.INCONCLUSIVE === 0 && !(row.octtFails?.length);
}

/** A case we do not fail (NON_STRICT) whose finding the OCTT's own tool validation fails. */
export function octtWouldFail(c: Pick<CaseResult, 'verdict'> & Partial<Pick<CaseResult, 'findings'>>): boolean {
  return c.verdict === 'NON_STRICT' && (c.findings ?? []).some((f) => f.level === 'SHOULD' && f.octt === 'fails');
}
