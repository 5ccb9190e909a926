// A harness run in a process of its own, so a test can measure the harness's peak memory alone
// (process.resourceUsage().maxRSS) while a hostile peer in the test's process attacks it.
// Input: the JSON in env MEASURED_RUN; env HARNESS_DIST names the compiled tree to run (default the
// package's dist/; `npm run bench` passes dist-bench/). Output: the run's console, then one line
// `MEASURED {"maxRssKb":…,"verdicts":{…},"findings":[…],"reportErrors":[…],"exitCode":…}`.
import { pathToFileURL } from 'node:url';

const dist = process.env.HARNESS_DIST ? pathToFileURL(process.env.HARNESS_DIST.replace(/\/?$/, '/')) : new URL('../../dist/', import.meta.url);
const { defaultConfig } = await import(new URL('harness/config/defaults.js', dist).href);
const { runTests } = await import(new URL('harness/runner/run.js', dist).href);

const spec = JSON.parse(process.env.MEASURED_RUN ?? '{}');
const cfg = defaultConfig();
cfg.identity = spec.identity ?? 'CP001';
cfg.sutControl = { type: 'http', url: 'http://127.0.0.1:1/none' };
Object.assign(cfg.timeouts, spec.timeouts ?? {});
if (spec.limits) cfg.limits = spec.limits;
const outcome = await runTests({
  sides: [spec.side], ocpp: spec.ocpp ?? '1.6', profiles: ['all'], cases: spec.cases, cfg, reportDir: spec.reportDir, strict: false,
  builtin: false, out: process.stdout, ...(spec.noReports || process.env.MEASURED_NO_REPORTS ? { noReports: true } : {}),
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
