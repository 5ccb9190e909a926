// The HTML reports (index.html, mochawesome) show a case's trace, not store it: the first events and
// every event a finding cites, with a note of how many more the trace file has. A hostile run's
// 100,000 frames must not be formatted into one page.
import type { CaseResult } from './result.js';
import type { TraceEvent } from '../trace/types.js';

/** Events of a case's trace shown in the HTML reports (plus those its findings cite). */
export const PAGE_TRACE_EVENTS = 2000;

export function traceForPages(c: CaseResult, max = PAGE_TRACE_EVENTS): TraceEvent[] {
  if (c.trace.length <= max) return c.trace;
  const cited = new Set(c.findings.flatMap((f) => f.evidence));
  const shown = c.trace.filter((e, i) => i < max || cited.has(e.seq));
  const last = c.trace[c.trace.length - 1]!;
  shown.push({
    kind: 'note', seq: last.seq + 1, t: last.t, wall: last.wall,
    text: `the reports show the first ${max} of ${c.trace.length} events (and those the findings cite); all of them are in ${c.traceFile ?? 'the trace file'}`,
  });
  return shown;
}

/** The run as the HTML writers get it: each case's trace as traceForPages() shows it. */
export function runForPages<R extends { cases: CaseResult[] }>(run: R): R {
  return { ...run, cases: run.cases.map((c) => (c.trace.length > PAGE_TRACE_EVENTS ? { ...c, trace: traceForPages(c) } : c)) };
}
