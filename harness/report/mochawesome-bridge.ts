// mochawesome.html + mochawesome.json, an extra output for pipelines that consume mochawesome: a
// programmatic Mocha run whose tests REPLAY recorded verdicts. (index.html is the harness's own page,
// harness/report/html/.)
//
// Each case becomes one Mocha test under `OCPP <ver> / <Profile> / SUT: <side>`. The test does not
// run the case; it attaches the recorded evidence with addContext and then passes, fails (with
// expected/actual so mochawesome shows a diff) or skips (NOT_APPLICABLE, INCONCLUSIVE).
//
// Process hygiene: a fresh Mocha instance per call; calls are serialised (mochawesome keeps
// module-level counters, so two reports must not be built at the same time); no console output
// (consoleReporter 'none', quiet); mocha's runner adds no SIGINT handler and this module never calls
// process.exit. While a report is being built (a few ms to a second) the inner runner has its own
// uncaughtException/unhandledRejection listeners installed; it removes them when it ends.
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Mocha from 'mocha';
import Mochawesome from 'mochawesome';
import addContext from 'mochawesome/addContext.js';
import { profileDisplayName } from '../dsl/profiles.js';
import { isFailing, octtWouldFail } from './exit-code.js';
import { withReadiness } from './readiness-html.js';
import {
  caseTitle, findingAxes, findingStep, formatFindingWithEvidence, formatStepsTable, formatTrace, sutDisplayName,
} from './format.js';
import { redactDeep, redactTrace } from './redact.js';
import type { CaseResult, RunResult } from './result.js';
import { traceRelPath } from './trace-file.js';

export interface HtmlReportOptions {
  /** Title shown in the report header (default: `OCPP <ver> conformance — <tool> <version>`). */
  reportTitle?: string;
  /** Show the pie charts (default true). */
  charts?: boolean;
}

/** The error a replayed FAIL throws: mochawesome renders message, and expected vs actual as a diff. */
export class ConformanceFailure extends Error {
  readonly expected: string;
  readonly actual: string;
  readonly showDiff: boolean;
  constructor(message: string, expected: string, actual: string, showDiff: boolean) {
    super(message);
    this.name = 'ConformanceFailure';
    this.expected = expected;
    this.actual = actual;
    this.showDiff = showDiff;
    // The stack of the replay function says nothing about the system under test.
    this.stack = `${this.name}: ${message}`;
  }
}

type ContextItem = { title: string; value: unknown };

function verdictText(c: CaseResult, strict: boolean): string {
  let text: string = c.verdict;
  if (c.verdict === 'NON_STRICT') text += strict ? ' (fails: strict run)' : ' (passes: run not strict)';
  if (c.verdict === 'EXPECTED_FAIL') text += ' (known issue, does not fail the run)';
  return c.reason ? `${text} — ${c.reason}` : text;
}

/** The context blocks attached to a case's test, in display order (input must already be redacted). */
export function caseContext(c: CaseResult, strict: boolean): ContextItem[] {
  const traceFile = c.traceFile ?? traceRelPath(c.id);
  return [
    { title: 'Verdict', value: verdictText(c, strict) },
    {
      title: 'Case',
      value: {
        id: c.id,
        title: c.title,
        ocpp: c.ocpp,
        profile: c.profile,
        sut: c.sut,
        octtTable: c.octtTable ?? '(none: a case of our own)',
        octtRevision: c.octtRevision,
        aliases: c.aliases,
        refs: c.refs,
        purpose: c.purpose,
        provenance: c.provenance,
        startedAt: c.startedAt,
        durationMs: c.durationMs,
        traceFile,
      },
    },
    ...(c.deviations?.length ? [{
      title: `Deviations from the OCTT table (${c.deviations.length})`,
      value: c.deviations.map((d, i) => `${i + 1}. ${d.what}\n   why: ${d.why}\n   source: ${d.source}`).join('\n'),
    }] : []),
    { title: 'Steps', value: formatStepsTable(c.steps) },
    {
      title: `Findings (${c.findings.length})`,
      value: c.findings.length ? c.findings.map((f) => formatFindingWithEvidence(f, c.trace)).join('\n\n') : '(none)',
    },
    {
      title: `Wire trace (${c.trace.length} events, ${traceFile}; → harness to SUT, ← SUT to harness)`,
      value: c.trace.length ? formatTrace(c.trace) : '(empty trace)',
    },
  ];
}

/** The error thrown for a failing case. */
export function failureFor(c: CaseResult): ConformanceFailure {
  if (c.findings.length === 0) {
    return new ConformanceFailure(`${c.verdict}: ${c.reason ?? 'no findings recorded'}`, '', '', false);
  }
  const lines = c.findings.map((f) => `[${f.checkId}] (${findingAxes(f)}) ${findingStep(f)}: ${f.requirement}\n  expected: ${f.expected}\n  actual:   ${f.actual}`);
  const message = `${c.verdict}: ${c.findings.length} finding(s)\n${lines.join('\n')}`;
  const expected = c.findings.map((f) => `[${f.checkId}] ${findingStep(f)}: ${f.expected}`).join('\n');
  const actual = c.findings.map((f) => `[${f.checkId}] ${findingStep(f)}: ${f.actual}`).join('\n');
  return new ConformanceFailure(message, expected, actual, true);
}

function replay(c: CaseResult, strict: boolean): Mocha.Func {
  const context = caseContext(c, strict);
  return function (this: Mocha.Context) {
    for (const item of context) addContext(this, item);
    if (c.verdict === 'NOT_APPLICABLE' || c.verdict === 'INCONCLUSIVE') this.skip();
    if (isFailing(c.verdict, strict)) throw failureFor(c);
  };
}

/** Wraps mochawesome so the report shows the recorded durations and run times, not the replay's. */
function harnessReporter(run: RunResult, durations: Map<Mocha.Runnable, number>): Mocha.ReporterConstructor {
  function HarnessMochawesome(this: unknown, runner: Mocha.Runner, options: Mocha.MochaOptions): void {
    // Registered before mochawesome's/Base's listeners, so those see the recorded values.
    const setDuration = (test: Mocha.Runnable): void => {
      const ms = durations.get(test);
      if (ms !== undefined) test.duration = Math.round(ms);
    };
    runner.on('test', setDuration);
    runner.on('pass', setDuration);
    runner.on('fail', setDuration);
    runner.on('pending', setDuration);
    runner.on('test end', setDuration);
    runner.once('end', () => {
      // The stats collector's own 'end' listener ran first; replace the replay's timings.
      const stats = runner.stats as (Mocha.Stats & { start?: Date; end?: Date; duration?: number }) | undefined;
      if (stats) {
        stats.start = new Date(run.startedAt);
        stats.end = new Date(run.finishedAt);
        stats.duration = Math.round(run.durationMs);
      }
    });
    Mochawesome.call(this, runner, options);
  }
  return HarnessMochawesome as unknown as Mocha.ReporterConstructor;
}

function redactCase(c: CaseResult): CaseResult {
  return { ...redactDeep({ ...c, trace: [] }), trace: redactTrace(c.trace) };
}

/** Builds the Mocha suite tree; exported for tests. */
export function buildMocha(run: RunResult, reporter: Mocha.ReporterConstructor, reporterOptions: Record<string, unknown>,
  durations: Map<Mocha.Runnable, number>): Mocha {
  const mocha = new Mocha({ reporter, reporterOptions, timeout: 0, slow: 600_000 });
  const root = mocha.suite;
  const suites = new Map<string, Mocha.Suite>();
  const suiteFor = (path: string[]): Mocha.Suite => {
    let parent = root;
    for (let i = 0; i < path.length; i++) {
      const key = path.slice(0, i + 1).join('\u0000');
      let s = suites.get(key);
      if (!s) {
        s = Mocha.Suite.create(parent, path[i] ?? '');
        suites.set(key, s);
      }
      parent = s;
    }
    return parent;
  };
  for (const raw of run.cases) {
    const c = redactCase(raw);
    const suite = suiteFor([`OCPP ${c.ocpp}`, profileDisplayName(c.profile), `SUT: ${sutDisplayName(c.sut)}`]);
    const test = new Mocha.Test(listTitle(c), replay(c, run.strict));
    durations.set(test, c.durationMs);
    suite.addTest(test);
  }
  return mocha;
}

let queue: Promise<unknown> = Promise.resolve();

async function exists(p: string): Promise<boolean> {
  try {
    await access(p);
    return true;
  } catch {
    return false;
  }
}

async function buildOnce(run: RunResult, reportDir: string, options: HtmlReportOptions): Promise<string> {
  const dir = resolve(reportDir);
  const htmlPath = join(dir, 'mochawesome.html');
  await rm(htmlPath, { force: true });
  const reporterOptions = {
    reportDir: dir,
    reportFilename: 'mochawesome',
    reportTitle: options.reportTitle ?? `OCPP ${run.selection.ocpp} conformance — ${run.tool.name} ${run.tool.version}`,
    reportPageTitle: `${run.tool.name} report`,
    inlineAssets: true,
    charts: options.charts ?? true,
    code: false,
    html: true,
    json: true,
    quiet: true,
    consoleReporter: 'none',
    overwrite: true,
    timestamp: false,
    autoOpen: false,
    showPassed: true,
    showFailed: true,
    showPending: true,
    showSkipped: true,
    showHooks: 'never',
  };
  const durations = new Map<Mocha.Runnable, number>();
  const mocha = buildMocha(run, harnessReporter(run, durations), reporterOptions, durations);

  // Mocha.run writes these globals on the shared Base reporter; put them back for any outer mocha.
  const Base = Mocha.reporters.Base as unknown as Record<string, unknown>;
  const saved = { inlineDiffs: Base.inlineDiffs, hideDiff: Base.hideDiff, useColors: Base.useColors };
  try {
    await new Promise<void>((resolveRun, rejectRun) => {
      try {
        // The callback fires after mochawesome has written the files (reporter.done).
        mocha.run(() => resolveRun());
      } catch (err) {
        rejectRun(err as Error);
      }
    });
  } finally {
    Object.assign(Base, saved);
    mocha.dispose();
  }
  if (!(await exists(htmlPath))) {
    throw new Error(`mochawesome did not produce ${htmlPath}`);
  }
  await writeFile(htmlPath, withReadiness(await readFile(htmlPath, 'utf8'), run), 'utf8');
  return htmlPath;
}

/**
 * Writes `<reportDir>/mochawesome.html` (self-contained, assets inlined) and `<reportDir>/mochawesome.json`
 * (the report data, with every test's context) and returns the path of mochawesome.html.
 * Safe to call several times in one process; calls run one after another.
 */
export function writeHtmlReport(run: RunResult, reportDir: string, options: HtmlReportOptions = {}): Promise<string> {
  const job = queue.then(() => buildOnce(run, reportDir, options));
  queue = job.catch(() => undefined);
  return job;
}

/** The title in the test list: the verdict is said in words where mochawesome's icon would mislead. */
function listTitle(c: CaseResult): string {
  const title = caseTitle(c);
  if (c.verdict === 'PASS' || c.verdict === 'FAIL') return title;
  return `${title} — ${c.verdict}${octtWouldFail(c) ? ' (OCTT fails this)' : ''}`;
}
