// What changed between two runs (two results.json): the cases that now FAIL, the ones fixed, other
// verdict changes, findings that came or went, cases added or removed. Pure: no files, no output.
import type { Finding } from '../checks/finding.js';
import type { Verdict } from './verdict.js';

/** The part of a results.json case a comparison reads. */
export interface ComparableCase {
  id: string;
  title?: string;
  verdict: Verdict;
  reason?: string;
  /** Other ids the case answers to (the 2024-04 id of a case a newer revision split). */
  aliases?: string[];
  findings?: Finding[];
}

export interface CaseChange {
  id: string;
  /** The old run's id when the case was matched through an alias. */
  oldId?: string;
  title: string;
  /** null: the case is new in the new run. */
  old: Verdict | null;
  new: Verdict;
  reason?: string;
  /** Findings in the new run that the old run did not have (matched by check id + step). */
  newFindings: Finding[];
  /** Findings of the old run that are gone. */
  goneFindings: Finding[];
}

export interface CaseRef { id: string; title: string; verdict: Verdict }

export interface Comparison {
  /** Was not FAIL (or did not exist) and is FAIL now. */
  regressions: CaseChange[];
  /** Was FAIL or EXPECTED_FAIL, now PASS or NON_STRICT. */
  fixed: CaseChange[];
  /** Any other verdict change (e.g. PASS → NON_STRICT, FAIL → INCONCLUSIVE, PASS → NOT_APPLICABLE). */
  changed: CaseChange[];
  /** Same verdict, but findings came or went. */
  findingsChanged: CaseChange[];
  /** New in the new run and not FAIL (a new FAIL case is a regression). */
  added: CaseRef[];
  /** In the old run, matched by no case of the new run. */
  removed: CaseRef[];
  /** Matched, same verdict, same findings. */
  unchanged: number;
}

const FIXED_TO: readonly Verdict[] = ['PASS', 'NON_STRICT'];
const FIXED_FROM: readonly Verdict[] = ['FAIL', 'EXPECTED_FAIL'];

/** Findings are the same finding when check id and step agree (texts carry times and message ids). */
export function findingKey(f: Pick<Finding, 'checkId' | 'step'>): string {
  return `${f.checkId}@${f.step ?? '-'}`;
}

/** `a` minus `b`, as multisets keyed by findingKey (the same check may trip twice in one step). */
function findingsMinus(a: readonly Finding[], b: readonly Finding[]): Finding[] {
  const left = new Map<string, number>();
  for (const f of b) left.set(findingKey(f), (left.get(findingKey(f)) ?? 0) + 1);
  const out: Finding[] = [];
  for (const f of a) {
    const k = findingKey(f);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push(f);
  }
  return out;
}

/**
 * The old case a new case continues: the same id; else an old case whose id is one of the new case's
 * aliases; else an old case that names the new id among its aliases.
 */
function matchOld(c: ComparableCase, byId: Map<string, ComparableCase>, byAlias: Map<string, ComparableCase>): ComparableCase | undefined {
  return byId.get(c.id) ?? (c.aliases ?? []).map((a) => byId.get(a)).find((o) => o !== undefined) ?? byAlias.get(c.id);
}

function ref(c: ComparableCase): CaseRef {
  return { id: c.id, title: c.title ?? '', verdict: c.verdict };
}

export function compareRuns(oldCases: readonly ComparableCase[], newCases: readonly ComparableCase[]): Comparison {
  const byId = new Map(oldCases.map((c) => [c.id, c]));
  const byAlias = new Map<string, ComparableCase>();
  for (const c of oldCases) for (const a of c.aliases ?? []) if (!byAlias.has(a)) byAlias.set(a, c);

  const result: Comparison = { regressions: [], fixed: [], changed: [], findingsChanged: [], added: [], removed: [], unchanged: 0 };
  const matched = new Set<ComparableCase>();
  for (const now of newCases) {
    const before = matchOld(now, byId, byAlias);
    if (!before) {
      if (now.verdict === 'FAIL') {
        result.regressions.push({ id: now.id, title: now.title ?? '', old: null, new: now.verdict, reason: now.reason, newFindings: now.findings ?? [], goneFindings: [] });
      } else {
        result.added.push(ref(now));
      }
      continue;
    }
    matched.add(before);
    const change: CaseChange = {
      id: now.id,
      ...(before.id !== now.id ? { oldId: before.id } : {}),
      title: now.title ?? before.title ?? '',
      old: before.verdict,
      new: now.verdict,
      ...(now.reason !== undefined ? { reason: now.reason } : {}),
      newFindings: findingsMinus(now.findings ?? [], before.findings ?? []),
      goneFindings: findingsMinus(before.findings ?? [], now.findings ?? []),
    };
    if (now.verdict === 'FAIL' && before.verdict !== 'FAIL') result.regressions.push(change);
    else if (FIXED_FROM.includes(before.verdict) && FIXED_TO.includes(now.verdict)) result.fixed.push(change);
    else if (now.verdict !== before.verdict) result.changed.push(change);
    else if (change.newFindings.length || change.goneFindings.length) result.findingsChanged.push(change);
    else result.unchanged += 1;
  }
  result.removed = oldCases.filter((c) => !matched.has(c)).map(ref);
  return result;
}

/** Exit status of `compare`: 1 when something now FAILs that did not, else 0. */
export function compareExitCode(c: Comparison): 0 | 1 {
  return c.regressions.length > 0 ? 1 : 0;
}
