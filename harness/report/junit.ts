// junit.xml for CI: one <testsuite> per (OCPP version, SUT, profile), one <testcase> per case.
// The document keeps to the Jenkins xUnit plugin's junit-10.xsd (test/fixtures/junit/), the schema
// most JUnit consumers follow and the one that plugin rejects files against. That schema has no
// <properties> inside <testcase>, so each case's verdict goes where it allows one: the testcase's
// `status` attribute, and `<ID>.verdict` / `<ID>.octt` properties of its <testsuite>.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isFailing, octtWouldFail } from './exit-code.js';
import { caseTitle, formatFinding } from './format.js';
import { redactDeep } from './redact.js';
import type { CaseResult, RunResult } from './result.js';
import { traceRelPath } from './trace-file.js';

/** Removes characters that XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF). */
export function stripInvalidXmlChars(s: string): string {
  return s.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

/** Escapes text content. */
export function xmlText(s: string): string {
  return stripInvalidXmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes an attribute value (double-quoted); line breaks and tabs survive as character references. */
export function xmlAttr(s: string): string {
  return xmlText(s)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

/** `ocpp1.6.ChargePoint.Core` */
export function junitClassname(c: Pick<CaseResult, 'ocpp' | 'sut' | 'profile'>): string {
  return `ocpp${c.ocpp}.${c.sut}.${c.profile}`;
}

type Outcome = 'passed' | 'failure' | 'error' | 'skipped';

/**
 * FAIL (NON_STRICT when strict) is a failure; INCONCLUSIVE is an error — the run exits 2 on it, so CI
 * must not draw it grey; NOT_APPLICABLE and EXPECTED_FAIL are skipped; PASS and NON_STRICT pass.
 */
export function junitOutcome(c: Pick<CaseResult, 'verdict'>, strict: boolean): Outcome {
  if (isFailing(c.verdict, strict)) return 'failure';
  if (c.verdict === 'INCONCLUSIVE') return 'error';
  if (c.verdict === 'NOT_APPLICABLE' || c.verdict === 'EXPECTED_FAIL') return 'skipped';
  return 'passed';
}

/** What a NON_STRICT case that passes says about itself, first line of its system-out. */
function nonStrictNote(c: CaseResult): string {
  const lab = octtWouldFail(c) ? '; OCTT would fail this (a SHOULD the OCTT tool validation of its step fails)' : '';
  return `NON_STRICT: passes, but fails with --strict (a SHOULD missed or a tolerated spelling used)${lab}`;
}

/** The per-case properties of a testsuite: `<ID>.verdict`, and `<ID>.octt = fails` when the lab would fail it. */
function caseProperties(c: CaseResult): [string, string][] {
  const props: [string, string][] = [[`${c.id}.verdict`, c.verdict]];
  if (octtWouldFail(c)) props.push([`${c.id}.octt`, 'fails']);
  return props;
}

function skipMessage(c: CaseResult): string {
  const reason = c.reason ?? 'no reason recorded';
  switch (c.verdict) {
    // "by control" / "by operator": the case did not run, which CI should see apart from a declaration.
    case 'NOT_APPLICABLE': return `NOT_APPLICABLE${c.notApplicable ? ` (by ${c.notApplicable.by})` : ''}: ${reason}`;
    case 'INCONCLUSIVE': return `INCONCLUSIVE: ${reason}`;
    case 'EXPECTED_FAIL': return `EXPECTED_FAIL (known issue): ${reason}`;
    default: return `${c.verdict}: ${reason}`;
  }
}

function testcaseXml(c: CaseResult, strict: boolean, indent: string): string {
  const head = `${indent}<testcase${attrs({ name: caseTitle(c), classname: junitClassname(c), time: seconds(c.durationMs), status: c.verdict })}`;
  const inner: string[] = [];
  const o = junitOutcome(c, strict);
  if (o === 'failure') {
    const first = c.findings[0];
    const message = first
      ? `${c.verdict}: ${c.findings.length} finding(s); first: [${first.checkId}] ${first.expected ? `expected ${first.expected}, ` : ''}actual ${first.actual}`
      : `${c.verdict}: ${c.reason ?? 'no findings recorded'}`;
    const body = c.findings.length ? c.findings.map(formatFinding).join('\n') : (c.reason ?? '');
    inner.push(`${indent}  <failure${attrs({ message, type: first?.checkId ?? c.verdict })}>${xmlText(body)}</failure>`);
  } else if (o === 'error') {
    const reason = c.reason ?? 'could not be judged (no reason recorded)';
    inner.push(`${indent}  <error${attrs({ message: `INCONCLUSIVE: ${reason}`, type: 'INCONCLUSIVE' })}>${xmlText(reason)}</error>`);
  } else if (o === 'skipped') {
    inner.push(`${indent}  <skipped${attrs({ message: skipMessage(c) })}/>`);
  }
  const out: string[] = [];
  if (c.verdict === 'NON_STRICT' && o === 'passed') out.push(nonStrictNote(c));
  out.push(`verdict: ${c.verdict}${c.reason ? ` (${c.reason})` : ''}`, `trace: ${c.traceFile ?? traceRelPath(c.id)}`);
  out.push(`octt: ${c.octtTable ?? 'none (a case of our own)'}${c.aliases?.length ? ` (document id ${c.aliases.join(', ')})` : ''}`);
  if (octtWouldFail(c)) {
    out.push('OCTT fails this: a SHOULD-level finding that the OCTT tool validation of its step would fail (certification lab)');
  }
  for (const d of c.deviations ?? []) out.push(`deviation: ${d.what} (why: ${d.why}; source: ${d.source})`);
  if (o !== 'failure' && c.findings.length) out.push(...c.findings.map(formatFinding));
  inner.push(`${indent}  <system-out>${xmlText(out.join('\n'))}</system-out>`);
  return `${head}>\n${inner.join('\n')}\n${indent}</testcase>`;
}

/** The junit.xml document for a run (secrets masked). */
export function junitXml(input: RunResult): string {
  const run = redactDeep({ ...input, cases: input.cases.map((c) => ({ ...c, trace: [] })) });
  const groups = new Map<string, CaseResult[]>();
  for (const c of run.cases) {
    const key = junitClassname(c);
    const list = groups.get(key) ?? [];
    list.push(c);
    groups.set(key, list);
  }
  const count = (cases: CaseResult[], o: Outcome): number => cases.filter((c) => junitOutcome(c, run.strict) === o).length;
  const total = (cases: CaseResult[]): number => cases.reduce((s, c) => s + c.durationMs, 0);
  const suites: string[] = [];
  let id = 0;
  for (const [name, cases] of groups) {
    suites.push(
      `  <testsuite${attrs({
        name,
        id: id++,
        tests: cases.length,
        failures: count(cases, 'failure'),
        errors: count(cases, 'error'),
        skipped: count(cases, 'skipped'),
        time: seconds(total(cases)),
        timestamp: cases[0]?.startedAt.replace(/Z$/, ''),
      })}>`,
      '    <properties>',
      ...cases.flatMap(caseProperties).map(([name, value]) => `      <property${attrs({ name, value })}/>`),
      '    </properties>',
      ...cases.map((c) => testcaseXml(c, run.strict, '    ')),
      '  </testsuite>',
    );
  }
  // junit-10.xsd allows no `skipped` or `timestamp` on the root; each testsuite carries them.
  const root = `<testsuites${attrs({
    name: `${run.tool.name} ${run.tool.version} OCPP ${run.selection.ocpp}`,
    tests: run.cases.length,
    failures: count(run.cases, 'failure'),
    errors: count(run.cases, 'error'),
    time: seconds(run.durationMs),
  })}>`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', root, ...suites, '</testsuites>', ''].join('\n');
}

/** Writes junit.xml at `path` (creating its directory). */
export async function writeJunit(path: string, run: RunResult): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, junitXml(run), 'utf8');
}
