// Runs the selected cases of one side, one after another, and judges each from its trace.
import { schemaVerdicts } from '../checks/harness-frames.js';
import { judge } from '../checks/judge.js';
import { buildRpcModel } from '../checks/rpc-model.js';
import type { HarnessConfig } from '../config/types.js';
import { CaseScope } from '../dsl/case-scope.js';
import { chargePointSutContext, csmsSutContext } from '../dsl/context.js';
import { securityProfileMismatch } from '../dsl/security-requirement.js';
import { securityProfile } from '../security/security-settings.js';
import { declarationMismatch, picsMismatch, type CaseBody, type CaseDefinition } from '../dsl/define-case.js';
import { aliasesOf, octtCitation } from '../dsl/octt.js';
import { ExpectationUnmet, Inconclusive, Interrupted, NotApplicable } from '../dsl/errors.js';
import type { CaseResult, StepResult } from '../report/result.js';
import { TRACE_FORMAT } from '../report/trace-file.js';
import { CaseTraceStream, claimTraceName } from '../report/trace-stream.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { VersionModule } from '../versions/version-module.js';
import type { TraceHub } from '../trace/recorder.js';
import type { CaseEndEvent, JudgingSettings, TraceEvent } from '../trace/types.js';
import type { SideEnvironment } from './environment.js';
import type { Progress } from './progress.js';

export interface RunContext {
  cfg: HarnessConfig;
  registry: SchemaRegistry;
  /** The run's OCPP version. */
  version: VersionModule;
  hub: TraceHub;
  judging: JudgingSettings & { maxFrameBytes: number };
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  /** Harness faults raised outside the case body (a handler that threw) land here. */
  harnessErrors: unknown[];
  onCase?: (result: CaseResult) => void;
  /** A case starts running (after its applicability checks). */
  onCaseStart?: (def: CaseDefinition) => void;
  /** What the running cases do, for the progress line. */
  progress?: Progress;
  /** Stream each case's trace to <reportDir>/traces/ as it runs (names unique across the run). */
  traces?: { reportDir: string; names: Set<string> };
}

const DEFAULT_CASE_TIMEOUT_MS = 5 * 60_000;

export async function runSide(env: SideEnvironment, cases: CaseDefinition[], run: RunContext): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const def of cases) {
    if (run.signal.aborted) break;
    const result = await runOne(env, def, run);
    results.push(result);
    run.onCase?.(result);
  }
  return results;
}

async function runOne(env: SideEnvironment, def: CaseDefinition, run: RunContext): Promise<CaseResult> {
  const { meta } = def;
  const startedAt = new Date().toISOString();
  const features = run.cfg.featuresBySut?.[meta.sut] ?? run.cfg.features;
  if (!features.includes(meta.profile)) {
    return { ...skeleton(def, startedAt, 'NOT_APPLICABLE', `profile ${meta.profile} is not declared in "features" (declared: ${features.join(', ')})`), notApplicable: { by: 'declaration', declaration: 'features' } };
  }
  const undeclared = declarationMismatch(meta, run.cfg.declarationsBySut?.[meta.sut] ?? run.cfg.declarations);
  if (undeclared) return { ...skeleton(def, startedAt, 'NOT_APPLICABLE', undeclared), notApplicable: { by: 'declaration' } };
  const unmet = picsMismatch(meta, run.cfg.declarationsBySut?.[meta.sut] ?? run.cfg.declarations);
  if (unmet) return { ...skeleton(def, startedAt, 'NOT_APPLICABLE', unmet), notApplicable: { by: 'declaration', declaration: 'pics' } };
  const security = securityProfileMismatch(meta, run.cfg.declarationsBySut?.[meta.sut] ?? run.cfg.declarations, securityProfile(run.cfg), env.securityProfile ?? 0);
  if (security) return { ...skeleton(def, startedAt, 'NOT_APPLICABLE', security.reason), notApplicable: security.by === 'declaration' ? { by: 'declaration', declaration: 'securityProfiles' } : { by: 'configuration' } };
  // Before anything is sent: an action the SUT control says it cannot do makes the case NOT_APPLICABLE.
  const supported = await env.control.supportedActions?.().catch(() => undefined);
  const missing = supported ? (meta.actions ?? []).filter((a) => !supported.includes(a)) : [];
  if (missing.length) {
    return {
      ...skeleton(def, startedAt, 'NOT_APPLICABLE', `SUT control cannot perform ${missing.map((a) => `"${a}"`).join(', ')} (it offers: ${supported!.join(', ') || 'nothing'})`),
      notApplicable: { by: 'control', actions: missing },
    };
  }
  // Opened synchronously: the case starts exactly when it would without a file.
  const stream = run.traces ? openTraceStream(def, startedAt, run) : undefined;
  const recorder = run.hub.beginCase();
  stream?.follow(recorder);
  const unfollow = run.progress?.follow(meta.id, recorder);
  const links = env.csmsRole?.openLinks() ?? env.cpRole?.openLinks() ?? [];
  for (const link of links) recorder.record(link.channel.describe());
  const startSeq = recorder.events.length - 1;
  run.harnessErrors.length = 0;

  const controller = new AbortController();
  // The run's reason says which signal (Ctrl-C or SIGTERM).
  const runReason = () => (run.signal.reason instanceof Interrupted ? run.signal.reason : new Interrupted('interrupted by the user (Ctrl-C)'));
  const onRunAbort = () => controller.abort(runReason());
  run.signal.addEventListener('abort', onRunAbort, { once: true });
  const limit = meta.timeoutMs ?? DEFAULT_CASE_TIMEOUT_MS;
  const timer = setTimeout(() => controller.abort(new Interrupted(`case exceeded its time limit of ${limit / 1000} s`)), limit);
  const scope = new CaseScope(recorder, run.cfg, run.registry, env.control, controller.signal);
  // A 2.0.1 case follows its Part 6 table (meta.part6) as a 1.6 case its OCTT table (meta.octt).
  scope.beyondOctt = !meta.octt && !meta.part6;
  scope.caseId = meta.id;
  run.onCaseStart?.(def);

  let end: Omit<CaseEndEvent, 'seq' | 't' | 'wall'> = { kind: 'case-end' };
  if (env.conditions) env.conditions.currentCase = meta.id;
  try {
    // §1.3: the general pre-conditions hold before every case, or the case cannot be judged.
    const pre = await env.conditions?.pre?.(recorder, controller.signal);
    if (pre?.problem) throw new Inconclusive(`the general pre-conditions (OCTT document §1.3) could not be established: ${pre.problem}`);
    const body = def.body as CaseBody<'ChargePoint'> & CaseBody<'Csms'>;
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(scope.abortReason()), { once: true });
    });
    aborted.catch(() => undefined);
    if (meta.sut === 'ChargePoint') await Promise.race([body(chargePointSutContext(scope, env.csmsRole!, startSeq, run.version, env.files, env.securityProfile ?? 0)), aborted]);
    else await Promise.race([body(csmsSutContext(scope, env.cpRole!, startSeq, run.version)), aborted]);
  } catch (err) {
    end = { kind: 'case-end', ...classify(err) };
  } finally {
    clearTimeout(timer);
  }
  // The case's handlers end with its body (and a CSMS it took offline comes back); a connection held
  // for a case that never took it is served by the defaults again.
  env.csmsRole?.releaseHeld();
  env.csmsRole?.resetOverrides();
  env.cpRole?.resetOverrides();
  // Whatever the verdict: undo what the case changed (not after Ctrl-C: the user wants out).
  if (env.conditions && !run.signal.aborted) {
    const restore = new AbortController();
    const stopRestore = () => restore.abort(runReason());
    run.signal.addEventListener('abort', stopRestore, { once: true });
    const limit = setTimeout(() => restore.abort(new Interrupted('post-conditions took too long')), run.cfg.timeouts.operatorMs);
    try {
      // post reads what the case changed before it sends anything, so the live array serves.
      await env.conditions.post(recorder, recorder.events, restore.signal);
    } catch {
      // Left for the next case's pre-conditions to find and report.
    } finally {
      clearTimeout(limit);
      run.signal.removeEventListener('abort', stopRestore);
    }
  }
  run.signal.removeEventListener('abort', onRunAbort);
  if (run.harnessErrors.length && !end.abort) {
    end = { kind: 'case-end', abort: { verdict: 'INCONCLUSIVE', reason: `harness error: ${errorText(run.harnessErrors[0])}`, harnessFault: true } };
  }
  recorder.record(end);
  unfollow?.();
  run.hub.endCase();

  const judgement = judge({ caseId: meta.id, sut: meta.sut, events: recorder.events, settings: run.judging, registry: run.registry, knownIssues: run.cfg.knownIssues });
  // The wire trace in the reports shows each frame's schema verdict, both directions.
  const verdicts = schemaVerdicts(buildRpcModel(recorder.events), run.registry);
  for (const e of recorder.events) if (e.kind === 'frame') e.schema = verdicts.get(e.seq);
  await stream?.finish(recorder.events);
  return {
    ...metaOf(def), startedAt,
    verdict: judgement.verdict, reason: judgement.reason,
    ...(judgement.verdict === 'NOT_APPLICABLE' ? { notApplicable: notApplicableBy(recorder.events) } : {}),
    durationMs: Math.round(recorder.now()),
    steps: stepsOf(recorder.events, judgement.findings.map((f) => f.step)),
    findings: judgement.findings,
    trace: recorder.events,
  };
}

/** The case's trace file, opened before anything is sent (undefined when the disk refuses: written at the end instead). */
function openTraceStream(def: CaseDefinition, startedAt: string, run: RunContext): CaseTraceStream | undefined {
  const { meta } = def;
  const relPath = claimTraceName(meta.id, run.traces!.names);
  try {
    return CaseTraceStream.open(run.traces!.reportDir, relPath, {
      kind: 'header', format: TRACE_FORMAT, caseId: meta.id, title: meta.title, ocpp: meta.ocpp, sut: meta.sut, startedAt, judging: { ...run.judging },
    });
  } catch {
    return undefined;
  }
}

function classify(err: unknown): Pick<CaseEndEvent, 'abort' | 'stoppedEarly'> {
  if (err instanceof NotApplicable) return { abort: { verdict: 'NOT_APPLICABLE', reason: err.message } };
  if (err instanceof Inconclusive || err instanceof Interrupted) return { abort: { verdict: 'INCONCLUSIVE', reason: err.message } };
  if (err instanceof ExpectationUnmet) return { stoppedEarly: err.message };
  return { abort: { verdict: 'INCONCLUSIVE', reason: `harness error: ${errorText(err)}` } };
}

function errorText(err: unknown): string {
  if (err instanceof Error) return `${err.message}${err.stack ? ` [${err.stack.split('\n')[1]?.trim() ?? ''}]` : ''}`;
  return String(err);
}

function metaOf(def: CaseDefinition) {
  const { id, title, ocpp, profile, sut, purpose, refs, provenance, octt, deviations } = def.meta;
  const aliases = aliasesOf(def.meta);
  return {
    id, title, ocpp, profile, sut, purpose, refs, provenance,
    ...(octt ? { octtTable: octtCitation(octt), octtRevision: octt.follows } : {}),
    ...(aliases.length ? { aliases } : {}),
    deviations: deviations ?? [],
  };
}

export function skeleton(def: CaseDefinition, startedAt: string, verdict: 'NOT_APPLICABLE' | 'INCONCLUSIVE', reason: string): CaseResult {
  return { ...metaOf(def), startedAt, verdict, reason, durationMs: 0, steps: [], findings: [], trace: [] };
}

function stepsOf(events: TraceEvent[], failedSteps: (number | undefined)[]): StepResult[] {
  const steps: StepResult[] = [];
  const open = new Map<number, StepResult>();
  for (const e of events) {
    if (e.kind !== 'step') continue;
    if (e.phase === 'start') {
      const s: StepResult = { step: e.step, title: e.title, startMs: e.t, status: 'aborted' };
      steps.push(s);
      open.set(e.step, s);
    } else {
      const s = open.get(e.step);
      if (s) {
        s.endMs = e.t;
        s.status = 'passed';
        open.delete(e.step);
      }
    }
  }
  for (const s of steps) if (failedSteps.includes(s.step)) s.status = 'failed';
  return steps;
}

/**
 * Why a case that ran turned out NOT_APPLICABLE: an action the operator skipped or the control lacked
 * (the case did not run), or the case's own finding about the SUT.
 */
function notApplicableBy(events: TraceEvent[]): NonNullable<CaseResult['notApplicable']> {
  const unsupported = events.filter((e): e is Extract<TraceEvent, { kind: 'stimulus' }> => e.kind === 'stimulus' && e.outcome === 'unsupported');
  const actions = (list: typeof unsupported) => [...new Set(list.map((e) => e.action))];
  const skipped = unsupported.filter((e) => e.by === 'operator');
  if (skipped.length) return { by: 'operator', actions: actions(skipped) };
  return unsupported.length ? { by: 'control', actions: actions(unsupported) } : { by: 'case' };
}
