// npm run bench: 100,000 hostile frames per role at the harness (the seeded corpus of harness/fuzz),
// the harness in a process of its own: its peak RSS against the budget, crashes, and whether every
// report was written. Harness as CSMS with a hostile charge point; harness as charge point with a
// hostile CSMS. Each flood lands inside one case (the hostile peer answers the harness only after it).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { hostileFrames, type GeneratorOptions } from '../harness/fuzz/corpus.js';
import { floodAsChargePoint, floodingCsms, type FloodStats } from '../harness/fuzz/hostile-peers.js';
import { freePort } from '../test/support/free-port.js';
import { startMeasuredRun, type MeasuredRun } from '../test/support/measured-run.js';

const FRAMES_PER_ROLE = Number(process.env.BENCH_HOSTILE_FRAMES ?? 100_000);
const RSS_BUDGET_MB = 300;
const SEED = 12;
/** About 50 big (2–4 MiB) frames and ~250 deeply nested ones among the 100,000. */
const WEIGHTS: Record<string, number> = { 'big-frame': 0.01, 'deep-nesting': 0.05, ...JSON.parse(process.env.BENCH_HOSTILE_WEIGHTS ?? '{}') as Record<string, number> };

// Compiled to dist-bench/bench/: the repository root is two levels up.
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
process.env.MEASURED_HARNESS_CHILD ??= join(root, 'test', 'support', 'measured-harness.mjs');
const distBench = join(root, 'dist-bench');

interface RoleOutcome {
  role: string;
  stats: FloodStats;
  seconds: number;
  peakRssMb: number | undefined;
  crashed: boolean;
  reports: boolean;
  verdict: string;
  truncated: number;
}

async function finish(role: string, run: MeasuredRun, reportDir: string, stats: FloodStats, t0: number): Promise<RoleOutcome> {
  const { measured, code, output } = await run.done;
  const crashed = measured === undefined || code !== 0;
  if (crashed) process.stdout.write(`  ${role}: the harness process ended with ${code} without its measurements:\n${output.slice(-2000)}\n`);
  return {
    role, stats, seconds: (performance.now() - t0) / 1000,
    peakRssMb: measured ? measured.maxRssKb / 1024 : undefined,
    crashed,
    reports: ['results.json', 'junit.xml', 'index.html'].every((f) => existsSync(join(reportDir, f))),
    verdict: measured ? Object.values(measured.verdicts).join(', ') : 'none',
    truncated: measured?.truncatedFrames ?? 0,
  };
}

async function harnessAsCsms(dir: string): Promise<RoleOutcome> {
  const port = await freePort();
  const reportDir = join(dir, 'as-csms');
  const t0 = performance.now();
  const run = startMeasuredRun({ side: 'ChargePoint', cases: ['X16_RPC_01_CS'], reportDir, listenPort: port, identity: 'HOSTILE1', timeouts: { responseMs: 600_000, connectMs: 60_000 } }, 900_000, distBench);
  await run.printed(/▸ X16_RPC_01_CS/);
  const opts: GeneratorOptions = { seed: SEED, count: FRAMES_PER_ROLE, sender: 'chargePoint', weights: WEIGHTS };
  const { stats, ws } = await floodAsChargePoint(`ws://127.0.0.1:${port}/ocpp/HOSTILE1`, hostileFrames(opts));
  const outcome = await finish('harness as CSMS, hostile charge point', run, reportDir, stats, t0);
  ws.terminate();
  return outcome;
}

async function harnessAsChargePoint(dir: string): Promise<RoleOutcome> {
  const csms = await floodingCsms(hostileFrames({ seed: SEED + 1, count: FRAMES_PER_ROLE, sender: 'csms', weights: WEIGHTS }));
  const reportDir = join(dir, 'as-cp');
  const t0 = performance.now();
  try {
    const run = startMeasuredRun({ side: 'Csms', cases: ['TC_001_CSMS'], reportDir, url: csms.url, identity: 'HOSTILE2', timeouts: { responseMs: 600_000 } }, 900_000, distBench);
    return await finish('harness as charge point, hostile CSMS', run, reportDir, csms.stats, t0);
  } finally {
    await csms.close();
  }
}

export async function hostileFramesBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-bench-hostile-'));
  console.log(`\nHostile frames at the harness (${FRAMES_PER_ROLE.toLocaleString('en')} per role, seeded corpus, seed ${SEED}; the harness in its own process)`);
  try {
    const roles = (process.env.BENCH_HOSTILE_ROLES ?? 'csms,cp').split(',');
    const outcomes = [];
    if (roles.includes('csms')) outcomes.push(await harnessAsCsms(dir));
    if (roles.includes('cp')) outcomes.push(await harnessAsChargePoint(dir));
    for (const outcome of outcomes) {
      const mb = (outcome.stats.bytes / 1e6).toFixed(0);
      const rss = outcome.peakRssMb === undefined ? 'unknown' : `${outcome.peakRssMb.toFixed(0)} MB`;
      const within = outcome.peakRssMb !== undefined && outcome.peakRssMb < RSS_BUDGET_MB;
      console.log(`  ${outcome.role}: ${outcome.stats.frames.toLocaleString('en')} frames (${mb} MB) in ${outcome.seconds.toFixed(1)} s`);
      console.log(`    peak RSS ${rss}  (budget ${RSS_BUDGET_MB} MB: ${within ? 'within' : 'OVER'}); crashes ${outcome.crashed ? 1 : 0}; all three reports written: ${outcome.reports ? 'yes' : 'NO'}`);
      console.log(`    verdict ${outcome.verdict}; frames kept cut in the trace: ${outcome.truncated.toLocaleString('en')}; harness answers: ${Object.entries(outcome.stats.answers).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    }
  } finally {
    if (process.env.BENCH_KEEP) console.log(`  reports kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
