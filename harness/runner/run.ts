// A whole `test` run: select, set up each side, run the cases, write every report.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { resolveLimits } from '../config/limits.js';
import { setNestingDepthLimit } from '../rpc/frame.js';
import type { HarnessConfig } from '../config/types.js';
import { declarationMismatch, picsMismatch, type CaseDefinition } from '../dsl/define-case.js';
import { caseLine, summaryBlock, useColor } from '../report/console.js';
import { exitCodeFor, summarise, type ExitCode } from '../report/exit-code.js';
import type { CaseResult, NotRunCase, RunResult } from '../report/result.js';
import { registerSecret } from '../report/redact.js';
import { writeReports, type WrittenReports } from '../report/write-all.js';
import { packageInfo as pkg } from '../package-info.js';
import { schemaRegistry } from '../schema/registry.js';
import { versionFacts } from '../versions/facts-registry.js';
import { versionModule } from '../versions/registry.js';
import { ensureRunPki, securityProfile } from '../security/security-settings.js';
import { TraceHub } from '../trace/recorder.js';
import type { JudgingSettings, Sut } from '../trace/types.js';
import { builtinProfileFor } from '../dsl/security-requirement.js';
import { configAtProfile } from './builtin-security.js';
import { discoverCases } from './discover.js';
import { chargePointSide, csmsSide, type SideEnvironment } from './environment.js';
import { runSide, skeleton, type RunContext } from './run-cases.js';
import { Progress } from './progress.js';
import { selectCases } from './select.js';
import { asPortInUse } from '../transport/port-in-use.js';

/** The WebSocket's own frame limit when neither --config (limits.socketFrameBytes) nor the caller sets one. */
export const DEFAULT_MAX_FRAME_BYTES = resolveLimits(undefined).socketFrameBytes;

export interface TestRunOptions {
  sides: Sut[];
  ocpp: string;
  profiles: string[];
  cases?: string[];
  exclude?: string[];
  cfg: HarnessConfig;
  reportDir: string;
  strict: boolean;
  builtin: boolean;
  quiet?: boolean;
  verbose?: boolean;
  listen?: { host: string; port: number };
  url?: string;
  identityFilter?: string;
  /** Independent lanes per side (only with --builtin: each lane has its own reference peer). */
  parallel?: number;
  /** Faults for the built-in peers (the harness's own tests). */
  quirks?: { chargePoint?: string[]; csms?: string[] };
  maxFrameBytes?: number;
  /** Progress output (default stdout). */
  out?: NodeJS.WritableStream;
  signal?: AbortSignal;
  /** Skip writing report files (benchmarks). */
  noReports?: boolean;
  /** Where a manual SUT control prompts and reads answers (default the terminal; tests, a UI). */
  operator?: { input: Readable; output: Writable };
  /** An incomplete declared profile (applicable cases that did not run) makes the exit code 2. */
  requireComplete?: boolean;
  /** Cases to choose from instead of the suites/ catalogue (fuzzing makes its cases from the corpus). */
  catalogue?: CaseDefinition[];
}

export interface TestRunOutcome {
  run: RunResult;
  exitCode: ExitCode;
  reports?: WrittenReports;
}


export async function selectForRun(opts: Pick<TestRunOptions, 'sides' | 'ocpp' | 'profiles' | 'cases' | 'exclude' | 'catalogue'>): Promise<CaseDefinition[]> {
  return selectCases(opts.catalogue ?? await discoverCases(), {
    ocpp: opts.ocpp, sut: opts.sides, profiles: opts.profiles, cases: opts.cases, exclude: opts.exclude,
  });
}

export async function runTests(opts: TestRunOptions): Promise<TestRunOutcome> {
  const out = opts.out ?? process.stdout;
  const signal = opts.signal ?? new AbortController().signal;
  // The configured secrets are masked by value wherever a SUT echoes them.
  for (const secret of [opts.cfg.basicAuthPassword, opts.cfg.security?.basicAuthPassword]) registerSecret(secret);
  const catalogue = opts.catalogue ?? await discoverCases();
  const selected = selectCases(catalogue, {
    ocpp: opts.ocpp, sut: opts.sides, profiles: opts.profiles, cases: opts.cases, exclude: opts.exclude,
  });
  // Profiles 2 and 3 without certificates given: a fresh test PKI for this run, beside its reports.
  const pkiDir = await ensureRunPki(opts.cfg, opts.reportDir, [opts.listen?.host ?? '127.0.0.1', opts.cfg.fileTransfer?.advertisedHost ?? '']);
  if (pkiDir && !opts.quiet) {
    out.write(`security profile ${securityProfile(opts.cfg)}: generated a test PKI in ${pkiDir} (what to trust and install: ocpp-harness pki show ${pkiDir})\n`);
  }
  const started = Date.now();
  const version = versionFacts(opts.ocpp);
  const registry = schemaRegistry(version.id);
  const module = versionModule(version.id);
  const limits = resolveLimits(opts.cfg.limits);
  setNestingDepthLimit(limits.nestingDepth);
  const judging: JudgingSettings & { maxFrameBytes: number } = {
    responseTimeoutMs: opts.cfg.timeouts.responseMs, toleranceMs: opts.cfg.toleranceMs, strict: opts.strict,
    maxFrameBytes: opts.maxFrameBytes ?? limits.socketFrameBytes,
    frameBytes: limits.frameBytes, findingTextChars: limits.findingTextChars, findingsPerCheck: limits.findingsPerCheck,
  };
  const hub = new TraceHub(limits);
  const harnessErrors: unknown[] = [];
  const results: CaseResult[] = [];
  const consoleOpts = { quiet: opts.quiet, verbose: opts.verbose, strict: opts.strict, stream: out as { isTTY?: boolean } };
  const progress = new Progress();
  progress.plan(selected.length, opts.parallel ?? 1);
  // A live line needs a terminal that understands "erase line"; TERM=dumb and logs get plain lines.
  const tty = Boolean((out as { isTTY?: boolean }).isTTY) && process.env.TERM !== 'dumb';
  const color = useColor(consoleOpts);
  let shown = false; // a live progress line is on screen (TTY only)
  const clearLive = () => {
    if (shown) out.write('\r\x1b[2K');
    shown = false;
  };
  const showLive = (line: string) => {
    clearLive();
    const cols = (out as { columns?: number }).columns ?? 120;
    out.write(line.slice(0, cols - 1));
    shown = true;
  };
  const begun = new Set<string>();
  const ctx: RunContext = {
    cfg: opts.cfg, registry, version: module, hub, judging, signal, harnessErrors, progress,
    ...(opts.noReports || !opts.reportDir ? {} : { traces: { reportDir: resolve(opts.reportDir), names: new Set<string>() } }),
    onCaseStart: (def) => {
      begun.add(def.meta.id);
      if (opts.quiet) return;
      const line = `  ▸ ${def.meta.id}  ${def.meta.title}`;
      if (tty) showLive(`${progress.counter()} ${line.trim()}`);
      else out.write(`${color ? `\x1b[90m${line}\x1b[39m` : line}\n`);
    },
    onCase: (r) => {
      if (!begun.has(r.id)) progress.skipped();
      clearLive();
      const line = caseLine(r, consoleOpts);
      if (line) out.write(`${line}\n`);
    },
  };
  // Waits say what the harness waits for and how long it will: a live countdown on a terminal, a
  // line once a wait passes 5 s (then every 30 s, with the estimate of time left) in a log.
  let lastSummary = Date.now();
  const ticker = opts.quiet ? undefined : setInterval(() => {
    if (tty) {
      const [line] = progress.lines(0);
      if (line) showLive(`${progress.counter()} ${line.trim()}`);
      return;
    }
    for (const line of progress.waitLines(5000, 30_000)) out.write(`${line}\n`);
    if (Date.now() - lastSummary >= 30_000) {
      lastSummary = Date.now();
      out.write(`  ${progress.counter()}\n`);
    }
  }, 1000);
  ticker?.unref();

  for (const sut of opts.sides) {
    const cases = selected.filter((c) => c.meta.sut === sut);
    if (cases.length === 0 || signal.aborted) continue;
    const lanes = Math.max(1, Math.min(opts.parallel ?? 1, cases.length));
    if (!opts.quiet) {
      out.write(`\nOCPP ${opts.ocpp} — ${sut === 'ChargePoint' ? 'charge point under test (harness plays the CSMS)' : 'CSMS under test (harness plays a charge point)'}: ${cases.length} case${cases.length === 1 ? '' : 's'}${lanes > 1 ? `, ${lanes} in parallel` : ''}\n`);
    }
    results.push(...await runSecurityGroups(sut, cases, lanes, opts, ctx, out));
  }

  if (ticker) clearInterval(ticker);
  clearLive();
  const interrupted = signal.aborted;
  const run: RunResult = {
    tool: { name: pkg.name, version: pkg.version },
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: Date.now() - started,
    interrupted,
    strict: opts.strict,
    ...(opts.requireComplete ? { requireComplete: true } : {}),
    selection: { ocpp: version.id, sut: opts.sides, profiles: opts.profiles, cases: opts.cases, exclude: opts.exclude },
    errata: registry.errataInForce(),
    summary: summarise(results),
    cases: results,
    notRun: casesNotRun(catalogue, selected, results, opts),
  };
  const exitCode = exitCodeFor(run, { requireComplete: opts.requireComplete });
  if (opts.noReports) return { run, exitCode };
  const reports = await writeReports(run, opts.reportDir, judging);
  for (const err of reports.errors ?? []) out.write(`warning: ${err.step} report not written: ${err.error.message}\n`);
  out.write(`${summaryBlock(run, opts.reportDir, { ...consoleOpts, htmlMissing: reports.html === undefined })}\n`);
  return { run, exitCode, reports };
}

/**
 * Applicable cases without a result: selected but not reached (interrupted), or left out by
 * --cases/--exclude from a profile and side the run did test. A case the declarations exclude is
 * not missing, so it is not listed.
 */
export function casesNotRun(
  catalogue: readonly CaseDefinition[], selected: readonly CaseDefinition[], results: readonly CaseResult[],
  opts: Pick<TestRunOptions, 'ocpp' | 'sides' | 'profiles' | 'cfg'>,
): NotRunCase[] {
  const ran = new Set(results.map((r) => r.id));
  const chosen = new Set(selected.map((c) => c.meta.id));
  const rowsTested = new Set(selected.map((c) => `${c.meta.profile}/${c.meta.sut}`));
  const inScope = selectCases([...catalogue], { ocpp: opts.ocpp, sut: opts.sides, profiles: opts.profiles });
  return inScope.flatMap((c): NotRunCase[] => {
    const { meta } = c;
    if (ran.has(meta.id) || !rowsTested.has(`${meta.profile}/${meta.sut}`)) return [];
    const features = opts.cfg.featuresBySut?.[meta.sut] ?? opts.cfg.features;
    if (!features.includes(meta.profile)) return [];
    if (declarationMismatch(meta, opts.cfg.declarationsBySut?.[meta.sut] ?? opts.cfg.declarations)) return [];
    return [{ id: meta.id, title: meta.title, profile: meta.profile, sut: meta.sut, why: chosen.has(meta.id) ? 'interrupted' : 'filter' }];
  }).concat(notWritten(catalogue, rowsTested, opts));
}

/**
 * The tables of the version's certification list the catalogue has no case for, in the rows the run tests,
 * of declared profiles, whose PICS condition the declarations meet (an entry without one always applies).
 */
function notWritten(catalogue: readonly CaseDefinition[], rowsTested: ReadonlySet<string>, opts: Pick<TestRunOptions, 'ocpp' | 'cfg'>): NotRunCase[] {
  const have = new Set(catalogue.map((c) => c.meta.id));
  return versionFacts(opts.ocpp).certificationList.filter((n) => !have.has(n.id) && rowsTested.has(`${n.profile}/${n.sut}`)
    && (opts.cfg.featuresBySut?.[n.sut] ?? opts.cfg.features).includes(n.profile)
    && !picsMismatch({ pics: n.pics }, opts.cfg.declarationsBySut?.[n.sut] ?? opts.cfg.declarations))
    .map((n) => ({ id: n.id, title: n.title, profile: n.profile, sut: n.sut, why: 'not-written' as const }));
}

/**
 * With --builtin, charge-point cases that need the charger at another security profile than the
 * configured one run on environments of their own (reference charge point and CSMS endpoint at that
 * profile, with a test PKI); a case that changes the profile (TC_083) gets one to itself. Otherwise
 * one group: the configured profile for every case (the others are NOT_APPLICABLE when they run).
 */
async function runSecurityGroups(sut: Sut, cases: CaseDefinition[], lanes: number, opts: TestRunOptions, ctx: RunContext, out: NodeJS.WritableStream): Promise<CaseResult[]> {
  const configured = securityProfile(opts.cfg);
  if (!opts.builtin || !cases.some((c) => builtinProfileFor(c.meta, declaredFor(opts.cfg, sut), configured) !== configured || c.meta.changesSecurityProfile)) {
    return runSideInLanes(sut, cases, lanes, opts, ctx, out);
  }
  const groups = new Map<string, { profile: number; cases: CaseDefinition[] }>();
  for (const c of cases) {
    const profile = builtinProfileFor(c.meta, declaredFor(opts.cfg, sut), configured);
    const key = c.meta.changesSecurityProfile ? `${profile}:${c.meta.id}` : String(profile);
    const group = groups.get(key) ?? { profile, cases: [] };
    group.cases.push(c);
    groups.set(key, group);
  }
  let pkiDir: string | undefined;
  // Without a report directory (benchmarks, the harness's own tests) the PKI goes to a temporary one.
  let scratch: string | undefined;
  const done = new Map<string, CaseResult>();
  try {
  for (const group of groups.values()) {
    if (ctx.signal.aborted) break;
    if (group.profile >= 2 && !opts.cfg.security?.pkiDir && !pkiDir) {
      const probe = configAtProfile(opts.cfg, group.profile, undefined);
      const base = opts.reportDir || (scratch = await mkdtemp(join(tmpdir(), 'ocpp-harness-pki-')));
      pkiDir = await ensureRunPki(probe, base, [opts.listen?.host ?? '127.0.0.1']);
      if (pkiDir && !opts.quiet && !scratch) out.write(`  built-in security profiles: generated a test PKI in ${pkiDir}\n`);
    }
    const cfg = configAtProfile(opts.cfg, group.profile, pkiDir);
    if (!opts.quiet && group.profile !== configured) out.write(`  security profile ${group.profile}: ${group.cases.map((c) => c.meta.id).join(', ')}\n`);
    // Profile 3: the PKI's client certificate names the run's identity only, so one lane (one identity).
    const groupLanes = group.profile === 3 ? 1 : Math.max(1, Math.min(lanes, group.cases.length));
    for (const r of await runSideInLanes(sut, group.cases, groupLanes, { ...opts, cfg }, { ...ctx, cfg }, out)) done.set(r.id, r);
  }
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
  return cases.map((c) => done.get(c.meta.id)).filter((r): r is CaseResult => r !== undefined);
}

function declaredFor(cfg: TestRunOptions['cfg'], sut: Sut) {
  return cfg.declarationsBySut?.[sut] ?? cfg.declarations;
}

/**
 * Run one side's cases on `lanes` independent environments (each its own harness endpoint, trace hub
 * and — with --builtin — its own reference peer under its own identity), pulling from one queue.
 * Results come back in catalogue order whatever order they finished in.
 */
async function runSideInLanes(sut: Sut, cases: CaseDefinition[], lanes: number, opts: TestRunOptions, ctx: RunContext, out: NodeJS.WritableStream): Promise<CaseResult[]> {
  const queue = [...cases];
  const done = new Map<string, CaseResult>();
  const runLane = async (lane: number) => {
    const cfg = lane === 0 ? opts.cfg : { ...opts.cfg, identity: `${opts.cfg.identity}-${lane + 1}` };
    const laneCtx: RunContext = { ...ctx, cfg, hub: lane === 0 ? ctx.hub : new TraceHub(resolveLimits(opts.cfg.limits)), harnessErrors: [] };
    let env: SideEnvironment;
    try {
      env = await setUp(sut, { ...opts, cfg }, laneCtx);
    } catch (err) {
      // A port in use is the operator's to fix: stop the run with one clear line.
      const inUse = sut === 'ChargePoint' ? asPortInUse(err, '--listen', opts.listen) : undefined;
      if (inUse) throw inUse;
      // Cannot even listen or start the peer: the cases this lane would have run go to the others,
      // and if no lane could start they are reported INCONCLUSIVE below.
      ctx.harnessErrors.push(err);
      return;
    }
    if (lane === 0 && !opts.quiet) {
      out.write(sut === 'ChargePoint'
        ? `  listening on ${env.endpoint}/<identity>${opts.builtin ? ' (built-in reference charge point)' : ''}\n`
        : `  dialling ${env.endpoint}/${cfg.identity}${opts.builtin ? ' (built-in reference CSMS)' : ''}\n`);
    }
    try {
      for (let next = queue.shift(); next && !ctx.signal.aborted; next = queue.shift()) {
        const [result] = await runSide(env, [next], laneCtx);
        if (result) done.set(next.meta.id, result);
      }
    } finally {
      await env.teardown().catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: lanes }, (_, lane) => runLane(lane)));
  if (done.size === 0 && queue.length === cases.length && ctx.harnessErrors.length) {
    const reason = `could not set up the ${sut === 'ChargePoint' ? 'CSMS endpoint' : 'charge point'}: ${(ctx.harnessErrors[0] as Error).message}`;
    ctx.harnessErrors.length = 0;
    for (const c of cases) {
      const r = skeleton(c, new Date().toISOString(), 'INCONCLUSIVE', reason);
      done.set(c.meta.id, r);
      ctx.onCase?.(r);
    }
  }
  return cases.map((c) => done.get(c.meta.id)).filter((r): r is CaseResult => r !== undefined);
}

function setUp(sut: Sut, opts: TestRunOptions, ctx: RunContext): Promise<SideEnvironment> {
  const deps = {
    hub: ctx.hub, registry: ctx.registry, version: ctx.version, cfg: opts.cfg, maxFrameBytes: ctx.judging.maxFrameBytes, limits: resolveLimits(opts.cfg.limits),
    onHarnessError: (err: unknown) => ctx.harnessErrors.push(err),
  };
  const log = opts.verbose ? (line: string) => (opts.out ?? process.stdout).write(`    [peer] ${line}\n`) : undefined;
  if (sut === 'ChargePoint') {
    const warn = (line: string) => (opts.out ?? process.stdout).write(`  ${line}\n`);
    return chargePointSide({ deps, cfg: opts.cfg, builtin: opts.builtin, quirks: opts.quirks?.chargePoint, listen: opts.listen, identityFilter: opts.identityFilter, log, warn, operator: opts.operator });
  }
  return csmsSide({ deps, cfg: opts.cfg, builtin: opts.builtin, quirks: opts.quirks?.csms, url: opts.url, log, operator: opts.operator });
}
