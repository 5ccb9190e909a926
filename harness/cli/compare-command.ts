// `ocpp-harness compare OLD NEW`: what changed between two runs' results.json — for a firmware team
// between two builds, for a CSMS team in a pull request. Exit 1 when a case now FAILs that did not.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '../checks/finding.js';
import { compareExitCode, compareRuns, type CaseChange, type CaseRef, type ComparableCase, type Comparison } from '../report/compare.js';
import { VERDICTS, type Verdict } from '../report/verdict.js';
import { UsageError } from './parse.js';

interface RunFile {
  file: string;
  tool?: { name?: string; version?: string };
  startedAt?: string;
  cases: ComparableCase[];
}

const isVerdict = (v: unknown): v is Verdict => typeof v === 'string' && (VERDICTS as readonly string[]).includes(v);

/** Reads a results.json (or the results.json inside a report directory); a clear UsageError otherwise. */
export async function readRunFile(path: string, label: string): Promise<RunFile> {
  let file = path;
  let text: string;
  try {
    if ((await stat(path)).isDirectory()) file = join(path, 'results.json');
    text = await readFile(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.message;
    throw new UsageError(`cannot read the ${label} results ${file}: ${why}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`the ${label} results ${file} is not JSON: ${(err as Error).message}`);
  }
  const cases = (doc as { cases?: unknown })?.cases;
  if (!doc || typeof doc !== 'object' || !Array.isArray(cases)) {
    throw new UsageError(`the ${label} results ${file} is not an ocpp-harness results.json (no "cases" list)`);
  }
  cases.forEach((c: unknown, i) => {
    const cc = c as { id?: unknown; verdict?: unknown } | null;
    if (!cc || typeof cc.id !== 'string' || !isVerdict(cc.verdict)) {
      throw new UsageError(`the ${label} results ${file}: cases[${i}] has no id or no known verdict (${VERDICTS.join(', ')})`);
    }
  });
  const run = doc as { tool?: RunFile['tool']; startedAt?: string };
  return { file, tool: run.tool, startedAt: run.startedAt, cases: cases as ComparableCase[] };
}

function runLine(label: string, r: RunFile): string {
  const tool = r.tool?.name ? `${r.tool.name} ${r.tool.version ?? ''}`.trim() : 'unknown tool';
  return `  ${label}: ${r.file}  (${tool}, ${r.startedAt ?? 'no start time'}, ${r.cases.length} case${r.cases.length === 1 ? '' : 's'})`;
}

function clip(s: string, max = 160): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function findingLine(sign: '+' | '-', f: Finding): string {
  const step = f.step !== undefined ? ` step ${f.step}` : '';
  const detail = f.expected ? `expected ${f.expected} / actual ${f.actual}` : `actual ${f.actual}`;
  return `      ${sign} [${f.checkId}] (${f.level})${step}: ${clip(detail)}`;
}

function changeLines(c: CaseChange): string[] {
  const was = c.old === null ? 'new case' : c.old;
  const alias = c.oldId ? ` (was ${c.oldId})` : '';
  const lines = [`  ${c.id.padEnd(16)} ${was} → ${c.new}  ${c.title}${alias}`];
  if ((c.new === 'INCONCLUSIVE' || c.new === 'NOT_APPLICABLE') && c.reason) lines.push(`      reason: ${clip(c.reason)}`);
  lines.push(...c.newFindings.map((f) => findingLine('+', f)), ...c.goneFindings.map((f) => findingLine('-', f)));
  return lines;
}

function refLines(r: CaseRef): string {
  return `  ${r.id.padEnd(16)} ${r.verdict}  ${r.title}`;
}

/** The human-readable comparison. */
export function comparisonText(oldRun: RunFile, newRun: RunFile, c: Comparison): string {
  const out: string[] = ['Comparing two runs', runLine('old', oldRun), runLine('new', newRun), ''];
  const section = <T>(title: string, items: T[], render: (item: T) => string | string[]) => {
    if (!items.length) return;
    out.push(`${title} (${items.length}):`, ...items.flatMap(render), '');
  };
  section('Regressions — now FAIL', c.regressions, changeLines);
  section('Fixed', c.fixed, changeLines);
  section('Other verdict changes', c.changed, changeLines);
  section('Same verdict, findings changed (+ new, - gone)', c.findingsChanged, changeLines);
  section('Cases added', c.added, refLines);
  section('Cases removed', c.removed, refLines);
  const n = (k: number, word: string) => `${k} ${word}`;
  out.push(`Summary: ${[
    n(c.regressions.length, c.regressions.length === 1 ? 'regression' : 'regressions'),
    n(c.fixed.length, 'fixed'),
    n(c.changed.length, 'other verdict changes'),
    n(c.findingsChanged.length, 'with changed findings'),
    n(c.added.length, 'added'),
    n(c.removed.length, 'removed'),
    n(c.unchanged, 'unchanged'),
  ].join(', ')}`);
  out.push(compareExitCode(c) === 1
    ? 'Exit code 1: at least one case FAILs that did not before'
    : 'Exit code 0: no case FAILs that did not before');
  return `${out.join('\n')}\n`;
}

/** The machine-readable comparison (`--json`). */
export function comparisonJson(oldRun: RunFile, newRun: RunFile, c: Comparison): object {
  const run = (r: RunFile) => ({ file: r.file, tool: r.tool, startedAt: r.startedAt, cases: r.cases.length });
  return {
    old: run(oldRun),
    new: run(newRun),
    summary: {
      regressions: c.regressions.length, fixed: c.fixed.length, changed: c.changed.length,
      findingsChanged: c.findingsChanged.length, added: c.added.length, removed: c.removed.length, unchanged: c.unchanged,
    },
    exitCode: compareExitCode(c),
    ...c,
  };
}

export async function compareCommand(oldPath: string, newPath: string, flags: { json?: boolean }): Promise<number> {
  const oldRun = await readRunFile(oldPath, 'old');
  const newRun = await readRunFile(newPath, 'new');
  const comparison = compareRuns(oldRun.cases, newRun.cases);
  process.stdout.write(flags.json
    ? `${JSON.stringify(comparisonJson(oldRun, newRun, comparison), null, 2)}\n`
    : comparisonText(oldRun, newRun, comparison));
  return compareExitCode(comparison);
}
