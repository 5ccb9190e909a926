// Writes index.html: redacts the run, then builds the page (harness/report/html/page.ts).
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { redactDeep, redactTrace } from '../redact.js';
import type { CaseResult, RunResult } from '../result.js';
import { reportPage, type PageOptions } from './page.js';

/** Secrets masked in every text and frame of the case (the trace through the frame-aware redactor). */
export function redactCase(c: CaseResult): CaseResult {
  return { ...redactDeep({ ...c, trace: [] }), trace: redactTrace(c.trace) };
}

export function redactRun(run: RunResult): RunResult {
  return { ...redactDeep({ ...run, cases: [] }), cases: run.cases.map(redactCase) };
}

/** The page for `run` (redacted here). */
export function buildIndexHtml(run: RunResult, options: PageOptions): string {
  return reportPage(redactRun(run), options);
}

/** Writes `<reportDir>/index.html` and returns its path. */
export async function writeIndexHtml(run: RunResult, reportDir: string, options: PageOptions): Promise<string> {
  const path = join(resolve(reportDir), 'index.html');
  await writeFile(path, buildIndexHtml(run, options), 'utf8');
  return path;
}
