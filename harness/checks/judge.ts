// From a trace to findings and a verdict. Pure: the live run and `rejudge` both end here.
import { capFinding, capFindingsPerCheck } from './finding-text-limit.js';
import type { KnownIssue } from '../config/types.js';
import type { Verdict } from '../report/verdict.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { JudgingSettings, Sut, TraceEvent } from '../trace/types.js';
import { CHECKS, type CheckInfo } from './catalogue.js';
import { checkConnection, checkHandshake } from './connection.js';
import { evaluateExpectations } from './evaluate-expectations.js';
import { invalidHarnessFrames } from './harness-frames.js';
import type { Finding } from './finding.js';
import { checkFraming } from './framing.js';
import { buildRpcModel } from './rpc-model.js';
import { checkPlaceholderIds, checkResponseTimes, checkSingleOutstandingCall, checkUnknownMessageIds } from './rpc-pairing.js';
import { checkActions } from './actions.js';
import { checkSchemas } from './schema.js';

export interface Judgement {
  verdict: Verdict;
  reason?: string;
  findings: Finding[];
}

export interface JudgeInput {
  caseId: string;
  sut: Sut;
  events: TraceEvent[];
  settings: JudgingSettings & { maxFrameBytes?: number };
  registry: SchemaRegistry;
  knownIssues?: KnownIssue[];
}

export function findingsOf(input: JudgeInput): Finding[] {
  const model = buildRpcModel(input.events);
  const facts = input.registry.facts;
  const generic = [
    ...checkHandshake(input.events, input.sut, facts),
    ...checkFraming(model, facts),
    ...checkSchemas(model, input.registry),
    ...checkUnknownMessageIds(model),
    ...checkPlaceholderIds(model),
    ...checkActions(model, input.sut, facts),
    ...checkSingleOutstandingCall(model, input.settings),
    ...checkResponseTimes(model, input.settings, facts),
    ...checkConnection(input.events, input.settings.maxFrameBytes ?? 0, facts, input.settings.frameBytes),
    ...facts.versionChecks(model, input.sut),
  ];
  // Only generic checks can see the §1.3 phases: the case records no expectation there.
  demoteConditionPhases(generic, input.events);
  const findings = [...generic, ...evaluateExpectations(model, facts)];
  attributeSteps(findings, input.events);
  for (const f of findings) f.octt ??= ((CHECKS as Record<string, CheckInfo>)[f.checkId] ?? facts.checkCatalogue[f.checkId])?.octt ?? 'not-checked';
  for (const f of findings) capFinding(f, input.settings.findingTextChars);
  const sorted = findings.sort((a, b) => (a.evidence[0] ?? 0) - (b.evidence[0] ?? 0));
  return capFindingsPerCheck(sorted, input.settings.findingsPerCheck);
}

/**
 * What the system under test does while the harness establishes or restores the §1.3 general
 * conditions is not what the case tests: shown as INFO, never a FAIL of the case.
 */
function demoteConditionPhases(findings: Finding[], events: TraceEvent[]): void {
  const ranges: [number, number][] = [];
  let open: number | undefined;
  for (const e of events) {
    if (e.kind !== 'conditions') continue;
    if (e.edge === 'start') open = e.seq;
    else if (open !== undefined) {
      ranges.push([open, e.seq]);
      open = undefined;
    }
  }
  if (open !== undefined) ranges.push([open, Number.MAX_SAFE_INTEGER]);
  if (!ranges.length) return;
  for (const f of findings) {
    const first = f.evidence[0];
    if (first === undefined || !ranges.some(([a, b]) => first > a && first < b)) continue;
    if (f.level === 'INFO') continue;
    f.level = 'INFO';
    f.requirement = `(while the harness established the §1.3 general conditions; not judged) ${f.requirement}`;
  }
}

/** A generic finding belongs to the step that was running when its first evidence was recorded. */
function attributeSteps(findings: Finding[], events: TraceEvent[]): void {
  const stepAt: (number | undefined)[] = [];
  let current: number | undefined;
  for (const e of events) {
    if (e.kind === 'step') current = e.phase === 'start' ? e.step : current;
    stepAt[e.seq] = current;
  }
  for (const f of findings) {
    if (f.step === undefined && f.evidence.length) f.step = stepAt[f.evidence[0]];
  }
}

export function judge(input: JudgeInput): Judgement {
  const findings = findingsOf(input);
  const ours = invalidHarnessFrames(buildRpcModel(input.events), input.registry);
  const end = [...input.events].reverse().find((e) => e.kind === 'case-end');
  const abort = end?.kind === 'case-end' ? end.abort : undefined;
  const must = findings.filter((f) => f.level === 'MUST');
  const should = findings.filter((f) => f.level === 'SHOULD');

  // A harness fault is never judged as the SUT's: what followed it may be our doing.
  if (abort?.harnessFault) return { verdict: 'INCONCLUSIVE', reason: abort.reason, findings };
  if (must.length) {
    const issues = (input.knownIssues ?? []).filter((k) => k.caseId === input.caseId);
    const covered = issues.length > 0 && must.every((f) => issues.some((k) => !k.checkId || k.checkId === f.checkId));
    if (covered) return { verdict: 'EXPECTED_FAIL', reason: `known issue: ${issues.map((k) => k.note).join('; ')}`, findings };
    return { verdict: 'FAIL', reason: summarise(must), findings };
  }
  if (abort) return { verdict: abort.verdict, reason: abort.reason, findings };
  if (ours.length) {
    return { verdict: 'INCONCLUSIVE', reason: `harness fault: the harness sent a frame that fails its own schema (${ours[0]})`, findings };
  }
  if (end?.kind === 'case-end' && end.stoppedEarly && should.length) {
    // A missed SHOULD the case could not go on without: the SUT's, graded as such; the rest did not run.
    return { verdict: 'NON_STRICT', reason: `${summarise(should)}; the case stopped there (${end.stoppedEarly}), its later steps did not run`, findings };
  }
  if (end?.kind === 'case-end' && end.stoppedEarly) {
    // The case stopped on a problem the checks should have named; if none did, we cannot judge.
    return { verdict: 'INCONCLUSIVE', reason: `stopped early (${end.stoppedEarly}) without a finding`, findings };
  }
  if (should.length) {
    // Stays NON_STRICT under --strict too (more telling); the exit code is what --strict changes.
    return { verdict: 'NON_STRICT', reason: summarise(should), findings };
  }
  return { verdict: 'PASS', findings };
}

function summarise(findings: Finding[]): string {
  const ids = [...new Set(findings.map((f) => f.checkId))];
  return `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${ids.join(', ')}`;
}
