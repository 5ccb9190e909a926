// Console output: one line per finished case, and the end-of-run summary block.
import { join } from 'node:path';
import { profileDisplayName } from '../dsl/profiles.js';
import { EXIT_CODE_MEANING, exitCodeFor, INCOMPLETE_MEANING, isFailing, readiness, readinessWord, summarise, unlockLines } from './exit-code.js';
import { findingAxes, findingStep, formatSeconds, sutDisplayName } from './format.js';
import { redactText } from './redact.js';
import type { CaseResult, ReadinessRow, RunResult } from './result.js';
import { VERDICTS, type Verdict } from './verdict.js';

export interface ConsoleOptions {
  /** Force colour on/off; by default colour is used when the stream is a TTY and NO_COLOR is not set. */
  color?: boolean;
  /** Stream the text is meant for (only `isTTY` is read). Default: process.stdout. */
  stream?: { isTTY?: boolean };
  /** Quiet: only failing cases get a line; the summary is reduced to counts and paths. */
  quiet?: boolean;
  /** Verbose: every finding, and the reason of every non-PASS verdict. */
  verbose?: boolean;
  /** Strict run: NON_STRICT counts as failing. */
  strict?: boolean;
  /** Environment to read NO_COLOR / FORCE_COLOR from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** index.html could not be written: the summary must not name it. */
  htmlMissing?: boolean;
}

/** Colour decision: explicit option, else NO_COLOR (any non-empty value) off, FORCE_COLOR on, else TTY. */
export function useColor(options: ConsoleOptions = {}): boolean {
  if (options.color !== undefined) return options.color;
  const env = options.env ?? process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  const stream = options.stream ?? process.stdout;
  return Boolean(stream.isTTY);
}

const SGR = {
  red: [31, 39], green: [32, 39], yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39],
  gray: [90, 39], bold: [1, 22],
} as const;
type Style = keyof typeof SGR;

function paint(on: boolean, style: Style, s: string): string {
  if (!on) return s;
  const [open, close] = SGR[style];
  return `\x1b[${open}m${s}\x1b[${close}m`;
}

const VERDICT_STYLE: Record<Verdict, Style> = {
  PASS: 'green',
  FAIL: 'red',
  NON_STRICT: 'yellow',
  NOT_APPLICABLE: 'gray',
  INCONCLUSIVE: 'magenta',
  EXPECTED_FAIL: 'cyan',
};

function verdictLabel(v: Verdict, color: boolean): string {
  const style = VERDICT_STYLE[v];
  return v === 'FAIL' ? paint(color, 'bold', paint(color, style, v)) : paint(color, style, v);
}

/**
 * `  PASS  TC_001_CS  Cold Boot Charge Point  (1.23 s)`; for a failing case the first 3 findings
 * (all with `verbose`) beneath it. Returns '' when nothing should be printed (quiet, passing case).
 * No trailing newline.
 */
export function caseLine(result: CaseResult, options: ConsoleOptions = {}): string {
  const strict = options.strict ?? false;
  const failing = isFailing(result.verdict, strict);
  if (options.quiet && !failing) return '';
  const color = useColor(options);
  let line = `  ${verdictLabel(result.verdict, color)}  ${result.id}  ${redactText(result.title)}  ${paint(color, 'gray', `(${formatSeconds(result.durationMs)})`)}`;
  const showReason = result.reason && result.verdict !== 'PASS' && (options.verbose || !failing);
  if (showReason) line += paint(color, 'gray', ` — ${redactText(result.reason ?? '')}`);
  // A SHOULD the OCTT's tool validation fails: passes here, fails at the lab. Say it on the line.
  const octtFails = result.verdict === 'NON_STRICT' && result.findings.some((f) => f.level === 'SHOULD' && f.octt === 'fails');
  if (octtFails) line += ` ${paint(color, 'yellow', '[OCTT fails this]')}`;
  const lines = [line];
  const showFindings = failing || octtFails || (options.verbose && result.findings.length > 0);
  if (showFindings) {
    const limit = options.verbose ? result.findings.length : 3;
    const shown = failing || options.verbose ? result.findings : result.findings.filter((f) => f.octt === 'fails');
    for (const f of shown.slice(0, limit)) {
      const text = `[${f.checkId}] (${findingAxes(f)}) ${findingStep(f)}: expected ${f.expected} / actual ${f.actual}`;
      lines.push(`        ${redactText(text)}`);
    }
    const more = shown.length - limit;
    if (more > 0) lines.push(paint(color, 'gray', `        … and ${more} more finding(s) (see the report)`));
    if (failing && result.findings.length === 0 && result.reason) lines.push(`        ${redactText(result.reason)}`);
  }
  return lines.join('\n');
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

const SHORT: Record<Verdict, string> = {
  PASS: 'PASS',
  FAIL: 'FAIL',
  NON_STRICT: 'NON_STRICT',
  NOT_APPLICABLE: 'N/A',
  INCONCLUSIVE: 'INCONCL',
  EXPECTED_FAIL: 'XFAIL',
};

/**
 * End-of-run block: counts per verdict, the readiness table per profile × SUT, where the HTML report
 * is, and what the exit code means. No trailing newline.
 */
export function summaryBlock(run: RunResult, reportDir: string, options: ConsoleOptions = {}): string {
  const color = useColor(options);
  const strict = options.strict ?? run.strict;
  const summary = summarise(run.cases);
  const code = exitCodeFor({ ...run, strict }, { requireComplete: run.requireComplete });
  const lines: string[] = [''];
  const counts = VERDICTS.filter((v) => summary[v] > 0 || v === 'PASS' || v === 'FAIL')
    .map((v) => `${verdictLabel(v, color)} ${summary[v]}`);
  lines.push(`${paint(color, 'bold', 'Result:')} ${summary.total} case(s): ${counts.join(', ')}  (${formatSeconds(run.durationMs)})`);
  if (run.interrupted) lines.push(paint(color, 'yellow', 'Interrupted: not every selected case ran.'));

  if (!options.quiet) {
    const rows = readiness(run.cases, { strict, notRun: run.notRun });
    if (rows.length) {
      lines.push('', paint(color, 'bold', 'Certification readiness'));
      const header = ['Profile', 'SUT', ...VERDICTS.map((v) => SHORT[v]), 'Ready'];
      const body = rows.map((r) => [
        profileDisplayName(r.profile),
        sutDisplayName(r.sut),
        ...VERDICTS.map((v) => String(r.counts[v])),
        readinessWord(r),
      ]);
      const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
      const fmt = (cells: string[]): string => `  ${cells.map((c, i) => pad(c, widths[i] ?? 0)).join('  ')}`.trimEnd();
      lines.push(paint(color, 'gray', fmt(header)));
      const style: Record<ReadinessRow['status'], Style | undefined> = { ready: undefined, 'not ready': 'red', incomplete: 'yellow', 'not declared': 'gray' };
      body.forEach((b, i) => {
        const row = rows[i]!;
        const text = fmt(b);
        const s = style[row.status];
        lines.push(s ? paint(color, s, text) : text);
        if (row.failed.length) lines.push(`      failed: ${row.failed.join(', ')}`);
        if (row.octtFails?.length) lines.push(`      OCTT fails this (NON_STRICT here, a FAIL at the lab): ${row.octtFails.join(', ')}`);
        for (const why of unlockLines(row, options.verbose ? Infinity : 6)) lines.push(`      ${why}`);
        if (row.status === 'not declared') lines.push(paint(color, 'gray', `      add "${row.profile}" to "features" to run its ${row.counts.NOT_APPLICABLE} case(s)`));
      });
    }
  }

  const unlock = actionsThatUnlock(run.cases);
  if (unlock.length) {
    lines.push('', paint(color, 'bold', 'Not run for want of a SUT control action (add it to your adapter to run them)'));
    for (const [action, ids] of unlock) lines.push(`  ${action}: ${ids.join(', ')}`);
  }

  // Never point at a file that is not there: when the HTML could not be written, say so.
  lines.push('', options.htmlMissing ? `Report: index.html could not be written (see the warning above); the other reports are in ${reportDir}` : `Report: ${join(reportDir, 'index.html')}`);
  if (!options.quiet) {
    lines.push(`        ${join(reportDir, 'results.json')}, ${join(reportDir, 'junit.xml')}, ${join(reportDir, 'traces')}/`);
  }
  const codeStyle: Style = code === 0 ? 'green' : code === 1 ? 'red' : 'yellow';
  const incompleteOnly = code === 2 && exitCodeFor({ ...run, strict }) === 0;
  lines.push(paint(color, codeStyle, `Exit code ${code}: ${incompleteOnly ? INCOMPLETE_MEANING : EXIT_CODE_MEANING[code]}${strict ? ' (strict: NON_STRICT counts as failure)' : ''}`));
  return lines.join('\n');
}

/** SUT control actions that would let NOT_APPLICABLE cases run, with those cases. */
export function actionsThatUnlock(cases: readonly CaseResult[]): [string, string[]][] {
  const by = new Map<string, string[]>();
  for (const c of cases) {
    if (c.verdict !== 'NOT_APPLICABLE' || c.notApplicable?.by !== 'control') continue;
    for (const a of c.notApplicable.actions ?? []) by.set(a, [...(by.get(a) ?? []), c.id]);
  }
  return [...by.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
}
