// results.json: the RunResult without inline traces (each case points to its traces/<ID>.jsonl),
// plus the readiness summary. Keys in a fixed order, 2-space indent, secrets masked.
import { readiness } from './exit-code.js';
import { writeLines } from './line-writer.js';
import { redactDeep } from './redact.js';
import type { CaseResult, ReadinessRow, RunResult } from './result.js';
import { traceRelPath } from './trace-file.js';
import { VERDICTS } from './verdict.js';

export type CaseResultJson = Omit<CaseResult, 'trace'> & { traceFile: string };

export type ResultsJson = Omit<RunResult, 'cases'> & {
  readiness: ReadinessRow[];
  cases: CaseResultJson[];
};

/** Copy of `obj` with `order` keys first (in that order), then any other keys sorted; undefined dropped. */
function ordered<T extends object>(obj: T, order: readonly string[], omit: readonly string[] = []): T {
  const src = obj as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of order) if (src[k] !== undefined && !omit.includes(k)) out[k] = src[k];
  for (const k of Object.keys(src).sort()) {
    if (!(k in out) && src[k] !== undefined && !omit.includes(k)) out[k] = src[k];
  }
  return out as T;
}

const FINDING_KEYS = ['checkId', 'level', 'octt', 'step', 'requirement', 'expected', 'actual', 'evidence'];
const STEP_KEYS = ['step', 'title', 'startMs', 'endMs', 'status'];
const CASE_KEYS = [
  'id', 'title', 'ocpp', 'profile', 'sut', 'octtTable', 'octtRevision', 'aliases', 'purpose', 'refs', 'provenance',
  'deviations', 'verdict', 'reason', 'notApplicable',
  'startedAt', 'durationMs', 'steps', 'findings', 'traceFile',
];
const RUN_KEYS = [
  'tool', 'startedAt', 'finishedAt', 'durationMs', 'interrupted', 'strict', 'selection', 'errata',
  'requireComplete', 'summary', 'readiness', 'notRun', 'cases',
];

function caseJson(c: CaseResult): CaseResultJson {
  const withFile = { ...c, traceFile: c.traceFile ?? traceRelPath(c.id) };
  const out = ordered(withFile, CASE_KEYS, ['trace']) as unknown as CaseResultJson;
  out.steps = c.steps.map((s) => ordered(s, STEP_KEYS));
  out.findings = c.findings.map((f) => ordered(f, FINDING_KEYS));
  return out;
}

/** The object written to results.json (already redacted). */
export function toResultsJson(run: RunResult): ResultsJson {
  const summary: Record<string, number> = {};
  for (const v of VERDICTS) summary[v] = run.summary[v] ?? 0;
  summary.total = run.summary.total;
  const doc = ordered(
    {
      ...run,
      tool: ordered(run.tool, ['name', 'version']),
      selection: ordered(run.selection, ['ocpp', 'sut', 'profiles', 'cases', 'exclude']),
      errata: run.errata.map((e) => ordered(e, ['id', 'source', 'appliesTo'])),
      summary: summary as RunResult['summary'],
      readiness: readiness(run.cases, { strict: run.strict, notRun: run.notRun })
        .map((r) => ordered(r, ['profile', 'sut', 'status', 'counts', 'failed', 'octtFails', 'notRun'])),
      cases: run.cases.map(caseJson),
    },
    RUN_KEYS,
  );
  return redactDeep(doc);
}

export function resultsJsonText(run: RunResult): string {
  return `${JSON.stringify(toResultsJson(run), null, 2)}\n`;
}

/**
 * The text of resultsJsonText, in pieces: the run without its cases, then one case at a time. The
 * same bytes, but no single string holds the whole file.
 */
export function* resultsJsonPieces(run: RunResult): Generator<string> {
  const { cases, ...rest } = toResultsJson(run);
  const head = JSON.stringify({ ...rest, cases: [] }, null, 2);
  // `cases` is the last key (RUN_KEYS): the head ends with `"cases": []\n}`.
  const cut = head.lastIndexOf('[]');
  if (cases.length === 0 || cut < 0 || head.slice(cut) !== '[]\n}') {
    yield JSON.stringify({ ...rest, cases }, null, 2);
    return;
  }
  yield `${head.slice(0, cut)}[`;
  for (let i = 0; i < cases.length; i++) {
    const text = JSON.stringify(cases[i], null, 2).replace(/\n/g, '\n    ');
    yield `${i ? ',' : ''}\n    ${text}`;
  }
  yield '\n  ]\n}';
}

/** Writes results.json at `path` (creating its directory), a case at a time. */
export async function writeResultsJson(path: string, run: RunResult): Promise<void> {
  await writeLines(path, resultsJsonLines(run));
}

function* resultsJsonLines(run: RunResult): Generator<string> {
  // writeLines ends each piece with a newline: join the pieces into the file's lines instead.
  let pending = '';
  for (const piece of resultsJsonPieces(run)) {
    pending += piece;
    const lastNewline = pending.lastIndexOf('\n');
    if (lastNewline < 0) continue;
    yield pending.slice(0, lastNewline);
    pending = pending.slice(lastNewline + 1);
  }
  yield pending;
}
