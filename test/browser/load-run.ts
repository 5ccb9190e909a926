// Reads a report directory written by `ocpp-harness test` back into a RunResult (results.json plus
// the trace files), so reports of several real runs can be put together into one.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readTraceFile } from '../../harness/report/trace-file.js';
import type { CaseResult, RunResult } from '../../harness/report/result.js';
import { summarise } from '../../harness/report/exit-code.js';

export async function loadRun(dir: string): Promise<RunResult> {
  const doc = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as RunResult & { readiness?: unknown };
  const cases: CaseResult[] = [];
  for (const c of doc.cases) {
    const { events } = await readTraceFile(join(dir, ...(c.traceFile ?? `traces/${c.id}.jsonl`).split('/')));
    cases.push({ ...c, trace: events });
  }
  delete doc.readiness;
  return { ...doc, cases };
}

/** One run out of several: the cases of all, the earliest start and latest end. */
export function mergeRuns(runs: RunResult[]): RunResult {
  const [first] = runs;
  if (!first) throw new Error('no runs to merge');
  const cases = runs.flatMap((r) => r.cases);
  const startedAt = runs.map((r) => r.startedAt).sort()[0]!;
  const finishedAt = runs.map((r) => r.finishedAt).sort().at(-1)!;
  return {
    ...first,
    startedAt, finishedAt,
    durationMs: Date.parse(finishedAt) - Date.parse(startedAt),
    interrupted: runs.some((r) => r.interrupted),
    selection: { ...first.selection, sut: [...new Set(runs.flatMap((r) => r.selection.sut))] },
    summary: summarise(cases),
    notRun: runs.flatMap((r) => r.notRun ?? []),
    cases,
  };
}
