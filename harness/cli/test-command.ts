// `ocpp-harness test <charge-point|csms|all>`: parse flags, resolve the config, run, set the exit code.
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfigFile, resolveConfig, type ConfigOverrides } from '../config/load.js';
import { Interrupted } from '../dsl/errors.js';
import { profileDisplayName } from '../dsl/profiles.js';
import { versionModule } from '../versions/registry.js';
import type { VersionModule } from '../versions/version-module.js';
import type { HarnessConfig } from '../config/types.js';
import { runTests, selectForRun } from '../runner/run.js';
import { FUZZ_PROFILE, fuzzCases, type FuzzOptions } from '../fuzz/fuzz-cases.js';
import { SelectionError } from '../runner/select.js';
import { PortInUseError } from '../transport/port-in-use.js';
import { PkiError } from '../security/load-pki.js';
import { preflightSecurity } from '../security/security-settings.js';
import { defaultReportDir, parseHostPort, parseList, parseSecurityProfile, parseSides, parseWsUrl, UsageError } from './parse.js';

/** Lanes for --builtin runs: the cases mostly wait on timers, so 8 lanes suit even 2 cores (measured: 2.0.1 both sides 55 s with 4, 33 s with 8). */
export const DEFAULT_BUILTIN_LANES = 8;

export interface TestFlags {
  listen?: string;
  url?: string;
  identity?: string;
  ocpp: string;
  profile?: string;
  cases?: string;
  exclude?: string;
  config?: string;
  reportDir?: string;
  strict?: boolean;
  requireComplete?: boolean;
  dryRun?: boolean;
  builtin?: boolean;
  builtinFault?: string[];
  parallel?: string;
  quiet?: boolean;
  verbose?: boolean;
  securityProfile?: string;
  pki?: string;
}

export async function testCommand(sutArg: string, flags: TestFlags, fuzz?: FuzzOptions): Promise<number> {
  try {
    const sides = parseSides(sutArg);
    let module: VersionModule;
    try {
      module = versionModule(flags.ocpp);
    } catch (err) {
      throw new UsageError(`--ocpp: ${(err as Error).message}`);
    }
    // Fuzzing runs the corpus's cases (one per entry) through the same runner and reports.
    const catalogue = fuzz ? fuzzCases(module.facts.id, sides, fuzz) : undefined;
    const selection = {
      sides, ocpp: flags.ocpp, ...(catalogue ? { catalogue } : {}),
      profiles: fuzz ? [FUZZ_PROFILE] : flags.profile ? parseList(flags.profile) : ['all'],
      cases: flags.cases ? parseList(flags.cases) : undefined,
      exclude: flags.exclude ? parseList(flags.exclude) : undefined,
    };
    if (flags.dryRun) {
      const cases = await selectForRun(selection);
      for (const c of cases) {
        process.stdout.write(`${c.meta.id.padEnd(16)} ${c.meta.sut === 'ChargePoint' ? 'charge-point' : 'csms'.padEnd(12)} ${profileDisplayName(c.meta.profile).padEnd(27)} ${c.meta.title}\n`);
      }
      process.stdout.write(`${cases.length} case${cases.length === 1 ? '' : 's'} selected (dry run: nothing was run)\n`);
      return cases.length ? 0 : 2;
    }
    if (sides.length > 1 && !flags.builtin && (!flags.url || !flags.config)) throw new UsageError(testAllNeeds(flags));
    if (sides.includes('Csms') && !flags.builtin && !flags.url) {
      throw new UsageError('test csms needs --url ws(s)://host:port/path of the CSMS under test (or --builtin)');
    }
    const listen = flags.listen ? parseHostPort(flags.listen, '--listen') : { host: '0.0.0.0', port: 9000 };
    const url = flags.url ? parseWsUrl(flags.url) : undefined;
    const overrides: ConfigOverrides = {
      ...(flags.identity ? { identity: flags.identity } : {}),
      ...(flags.builtin ? { sutControl: { type: 'builtin' as const } } : {}),
      ...(flags.securityProfile !== undefined || flags.pki !== undefined ? {
        security: {
          ...(flags.securityProfile !== undefined ? { profile: parseSecurityProfile(flags.securityProfile) } : {}),
          ...(flags.pki !== undefined ? { pkiDir: flags.pki } : {}),
        },
      } : {}),
    };
    const file = flags.config ? await loadConfigFile(flags.config) : undefined;
    const cfg = resolveConfig(file, overrides, { source: flags.config });
    if (flags.builtin) applyBuiltinDeclarations(cfg, file, module);
    if (fuzz) {
      // Fuzzing is asked for by running it: its cases apply whatever the certification declarations say.
      cfg.features = [...cfg.features, FUZZ_PROFILE];
      if (cfg.featuresBySut) for (const sut of Object.keys(cfg.featuresBySut) as (keyof typeof cfg.featuresBySut)[]) cfg.featuresBySut[sut] = [...cfg.featuresBySut[sut]!, FUZZ_PROFILE];
    }
    if (flags.builtin && !sides.includes('ChargePoint')) giveBuiltinPassword(cfg);
    await preflightSecurity(cfg);
    if (cfg.sutControl.type === 'builtin' && !flags.builtin) {
      throw new UsageError('sutControl "builtin" drives the built-in peers: run with --builtin');
    }
    const parallel = flags.parallel === undefined ? (flags.builtin ? DEFAULT_BUILTIN_LANES : 1) : Number(flags.parallel);
    if (!Number.isInteger(parallel) || parallel < 1 || parallel > 16) throw new UsageError(`--parallel: a whole number from 1 to 16, got "${flags.parallel}"`);
    if (parallel > 1 && !flags.builtin) {
      throw new UsageError('--parallel needs independent systems under test: it is for --builtin (one real charger or CSMS runs one case at a time)');
    }
    const faults = flags.builtinFault ?? [];
    if (faults.length && !flags.builtin) throw new UsageError('--builtin-fault needs --builtin');
    const { chargePointQuirks, csmsQuirks } = module.reference;
    for (const f of faults) {
      if (!chargePointQuirks.includes(f) && !csmsQuirks.includes(f)) {
        throw new UsageError(`unknown fault "${f}" for OCPP ${module.facts.id} (charge point: ${chargePointQuirks.join(', ') || 'none'}; CSMS: ${csmsQuirks.join(', ') || 'none'})`);
      }
    }
    const interrupt = new AbortController();
    let interrupts = 0;
    const onSignal = (signal: NodeJS.Signals) => {
      interrupts += 1;
      if (interrupts > 1) process.exit(signal === 'SIGTERM' ? 143 : 130);
      const what = signal === 'SIGTERM' ? 'terminated (SIGTERM)' : 'interrupted by the user (Ctrl-C)';
      process.stderr.write(`\n${what}: finishing the current case and writing the report of what ran (${signal === 'SIGTERM' ? 'SIGTERM' : 'Ctrl-C'} again to quit at once)\n`);
      interrupt.abort(new Interrupted(what));
    };
    const onSigint = () => onSignal('SIGINT');
    const onSigterm = () => onSignal('SIGTERM');
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);
    try {
      const outcome = await runTests({
        ...selection, cfg,
        reportDir: flags.reportDir ?? defaultReportDir(),
        strict: Boolean(flags.strict), requireComplete: Boolean(flags.requireComplete), builtin: Boolean(flags.builtin),
        quiet: flags.quiet, verbose: flags.verbose,
        listen, url, identityFilter: flags.identity, parallel,
        quirks: { chargePoint: faults.filter((f) => chargePointQuirks.includes(f)), csms: faults.filter((f) => csmsQuirks.includes(f)) },
        signal: interrupt.signal,
      });
      return outcome.exitCode;
    } finally {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
    }
  } catch (err) {
    if (err instanceof ConfigError || err instanceof UsageError || err instanceof SelectionError || err instanceof PortInUseError || err instanceof PkiError) {
      process.stderr.write(`ocpp-harness: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

/**
 * `test all` against real systems needs both sides wired at once: say everything in one message, not
 * one missing piece per attempt.
 */
function testAllNeeds(flags: TestFlags): string {
  const needs = [
    `${flags.url ? '✓' : '✗'} --url ws(s)://host:port/path — the CSMS under test (the harness dials it as charge point ${flags.identity ?? 'CP001'})`,
    `✓ --listen host:port — where the charger under test connects (now ${flags.listen ?? '0.0.0.0:9000'}, as ws://<host>:<port>/ocpp/<identity>)`,
    `${flags.config ? '✓' : '✗'} --config FILE with sutControl for each side (http or command; manual needs a terminal) — see fixtures/configs/`,
  ];
  return [
    'test all needs both systems under test at once:',
    ...needs.map((n) => `  ${n}`),
    'and runs the charge-point cases, then the CSMS cases. To try everything against the built-in reference peers: test all --builtin',
    'For one real system, use test charge-point or test csms.',
  ].join('\n');
}

/**
 * test csms --builtin at profile 1 or 2 without a password: the reference CSMS and the harness share a
 * fresh AuthorizationKey (32 hex digits), as an installer would set one on both.
 */
function giveBuiltinPassword(cfg: HarnessConfig): void {
  const s = cfg.security;
  if (!s || (s.profile !== 1 && s.profile !== 2) || s.basicAuthPassword !== undefined || cfg.basicAuthPassword !== undefined) return;
  s.basicAuthPassword = randomBytes(16).toString('hex');
}

/** With --builtin, the reference peers' own declarations apply where the config file is silent. */
export function applyBuiltinDeclarations(cfg: HarnessConfig, file: unknown, module: VersionModule): void {
  const given = (file ?? {}) as { features?: unknown; declarations?: Record<string, unknown> };
  const { features, declarations } = module.reference;
  if (given.features === undefined) {
    cfg.features = [...features.ChargePoint];
    cfg.featuresBySut = { ChargePoint: [...features.ChargePoint], Csms: [...features.Csms] };
  }
  for (const [key, value] of Object.entries(declarations.ChargePoint) as [keyof HarnessConfig['declarations'], never][]) {
    if (given.declarations?.[key] === undefined) cfg.declarations[key] = value;
  }
  if (given.declarations === undefined) {
    cfg.declarationsBySut = { ChargePoint: { ...declarations.ChargePoint }, Csms: { ...declarations.Csms } };
  }
}
