// Run cases in-process against the built-in peers, optionally with faults, without report files.
import { Writable } from 'node:stream';
import { applyBuiltinDeclarations } from '../../harness/cli/test-command.js';
import { defaultConfig } from '../../harness/config/defaults.js';
import type { HarnessConfig } from '../../harness/config/types.js';
import { runTests, type TestRunOutcome } from '../../harness/runner/run.js';
import { versionModule } from '../../harness/versions/registry.js';
import type { Sut } from '../../harness/trace/types.js';

/** The defaults, a little faster where a wait cannot change a verdict. */
export function testConfig(ocpp = '1.6'): HarnessConfig {
  const cfg = defaultConfig();
  applyBuiltinDeclarations(cfg, undefined, versionModule(ocpp));
  cfg.sutControl = { type: 'builtin' };
  cfg.timeouts.connectMs = 4000;
  return cfg;
}

export const sink = () => new Writable({ write: (_c, _e, cb) => cb() });

export async function runBuiltin(opts: {
  sides: Sut[];
  cases?: string[];
  quirks?: { chargePoint?: string[]; csms?: string[] };
  cfg?: HarnessConfig;
  reportDir?: string;
  signal?: AbortSignal;
  parallel?: number;
  ocpp?: string;
}): Promise<TestRunOutcome> {
  return runTests({
    sides: opts.sides, ocpp: opts.ocpp ?? '1.6', profiles: ['all'], cases: opts.cases,
    cfg: opts.cfg ?? testConfig(opts.ocpp), reportDir: opts.reportDir ?? '', strict: false, builtin: true,
    quirks: opts.quirks, out: sink(), noReports: !opts.reportDir, signal: opts.signal, parallel: opts.parallel ?? 1,
  });
}
