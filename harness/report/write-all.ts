// Writes every report of a run into one directory:
//   traces/<ID>.jsonl, results.json, junit.xml, index.html (the harness's own page), and
//   mochawesome.html + mochawesome.json for pipelines that consume mochawesome.
// The HTML reports are written last; if one fails the other files are still there and the error is returned.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { JudgingSettings, TraceHeader } from '../trace/types.js';
import { writeJunit } from './junit.js';
import { writeIndexHtml } from './html/write-html.js';
import { writeHtmlReport as writeMochawesome, type HtmlReportOptions } from './mochawesome-bridge.js';
import type { CaseResult, RunResult } from './result.js';
import { writeResultsJson } from './results-json.js';
import { TRACE_FORMAT, writeTraceFile } from './trace-file.js';
import { claimTraceName, streamedTraceFile } from './trace-stream.js';
import { runForPages } from './page-trace.js';

export interface WrittenReports {
  /** Path of index.html, or undefined when the HTML report could not be written (see `errors`). */
  html: string | undefined;
  /** Path of mochawesome.html (its data is mochawesome.json beside it), or undefined when it failed. */
  mochawesome: string | undefined;
  junit: string;
  json: string;
  /** Paths of the trace files, in case order. */
  traces: string[];
  /** Steps that failed without stopping the others. */
  errors: { step: 'html' | 'mochawesome'; error: Error }[];
}

export function traceHeaderFor(c: CaseResult, judging: JudgingSettings): TraceHeader {
  return {
    kind: 'header',
    format: TRACE_FORMAT,
    caseId: c.id,
    title: c.title,
    ocpp: c.ocpp,
    sut: c.sut,
    startedAt: c.startedAt,
    judging: { ...judging },
  };
}

/**
 * Assigns each case a unique `traces/<ID>.jsonl` (a suffix is added when two cases share an id); a
 * trace already streamed to disk while its case ran keeps its file.
 */
function assignTraceFiles(cases: readonly CaseResult[]): CaseResult[] {
  const used = new Set<string>();
  for (const c of cases) {
    const streamed = streamedTraceFile(c.trace);
    if (streamed) used.add(streamed.slice('traces/'.length).toLowerCase());
  }
  return cases.map((c) => ({ ...c, traceFile: streamedTraceFile(c.trace) ?? claimTraceName(c.id, used) }));
}

/**
 * Writes all reports for `run` into `reportDir` (created if needed). Every file is redacted.
 * Throws only when traces, results.json or junit.xml cannot be written; an HTML failure is
 * returned in `errors` with `html` undefined.
 */
export async function writeReports(
  run: RunResult,
  reportDir: string,
  judging: JudgingSettings,
  options: HtmlReportOptions = {},
): Promise<WrittenReports> {
  const dir = resolve(reportDir);
  await mkdir(join(dir, 'traces'), { recursive: true });
  const withFiles: RunResult = { ...run, cases: assignTraceFiles(run.cases) };

  const traces: string[] = [];
  for (const c of withFiles.cases) {
    const path = join(dir, ...(c.traceFile ?? '').split('/'));
    if (!streamedTraceFile(c.trace)) await writeTraceFile(path, traceHeaderFor(c, judging), c.trace);
    traces.push(path);
  }

  const json = join(dir, 'results.json');
  await writeResultsJson(json, withFiles);
  const junit = join(dir, 'junit.xml');
  await writeJunit(junit, withFiles);

  // The pages show a bounded part of each trace; the trace files have all of it.
  const pages = runForPages(withFiles);
  const errors: WrittenReports['errors'] = [];
  const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));
  let html: string | undefined;
  try {
    html = await writeIndexHtml(pages, dir, { toleranceMs: judging.toleranceMs, ...(options.reportTitle ? { title: options.reportTitle } : {}) });
  } catch (err) {
    errors.push({ step: 'html', error: asError(err) });
  }
  let mochawesome: string | undefined;
  try {
    mochawesome = await writeMochawesome(pages, dir, options);
  } catch (err) {
    errors.push({ step: 'mochawesome', error: asError(err) });
  }
  return { html, mochawesome, junit, json, traces, errors };
}
