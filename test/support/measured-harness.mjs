// A harness run in a process of its own, so a test can measure the harness's peak memory alone
// (process.resourceUsage().maxRSS) while a hostile peer in the test's process attacks it.
// Input: the JSON in env MEASURED_RUN. Output: the run's console, then one line
// `MEASURED {"maxRssKb":…,"verdicts":{…},"findings":[…],"reportErrors":[…],"exitCode":…}`.
import { defaultConfig } from '../../dist/harness/config/defaults.js';
import { runTests } from '../../dist/harness/runner/run.js';

const spec = JSON.parse(process.env.MEASURED_RUN ?? '{}');
const cfg = defaultConfig();
cfg.identity = spec.identity ?? 'CP001';
cfg.sutControl = { type: 'http', url: 'http://127.0.0.1:1/none' };
Object.assign(cfg.timeouts, spec.timeouts ?? {});
if (spec.limits) cfg.limits = spec.limits;
const outcome = await runTests({
  sides: [spec.side], ocpp: '1.6', profiles: ['all'], cases: spec.cases, cfg, reportDir: spec.reportDir, strict: false,
  builtin: false, out: process.stdout,
  ...(spec.side === 'ChargePoint' ? { listen: { host: '127.0.0.1', port: spec.listenPort } } : { url: spec.url }),
});
const summary = {
  maxRssKb: process.resourceUsage().maxRSS,
  verdicts: Object.fromEntries(outcome.run.cases.map((c) => [c.id, c.verdict])),
  findings: outcome.run.cases.flatMap((c) => c.findings.map((f) => ({ checkId: f.checkId, requirement: f.requirement, actual: f.actual }))),
  truncatedFrames: outcome.run.cases.reduce((n, c) => n + c.trace.filter((e) => e.kind === 'frame' && e.truncated).length, 0),
  reportErrors: (outcome.reports?.errors ?? []).map((e) => `${e.step}: ${e.error.message}`),
  exitCode: outcome.exitCode,
};
process.stdout.write(`\nMEASURED ${JSON.stringify(summary)}\n`);
