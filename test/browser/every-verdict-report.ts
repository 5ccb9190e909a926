// A report holding every verdict, from real runs of the CLI against the built-in reference peers
// (and one against a closed port), put together into one report directory:
//   PASS            TC_003_CS, TC_066_CS (with a composite-schedule picture)
//   FAIL            TC_001_CS (fault boot-retry-too-early: retried sooner than Rejected allows),
//                   TC_070_CS (stop-without-reason-after-remote-stop; with a meter-value interval picture)
//   NON_STRICT      TC_002_CS (boot-retry-too-early after Pending: a SHOULD, and the OCTT fails it)
//   NOT_APPLICABLE  TC_017_2_CS (the reference charger declares fixedCable = false)
//   EXPECTED_FAIL   TC_012_CS (stop-without-reason-after-remote-stop, declared as a known issue)
//   INCONCLUSIVE    TC_001_CSMS (a CSMS URL where nothing listens: the case cannot be judged)
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeReports } from '../../harness/report/write-all.js';
import { runCli } from '../support/cli.js';
import { freePort } from '../support/free-port.js';
import { loadRun, mergeRuns } from './load-run.js';

export const EXPECTED_VERDICTS: Record<string, string> = {
  TC_003_CS: 'PASS', TC_066_CS: 'PASS', TC_001_CS: 'FAIL', TC_070_CS: 'FAIL', TC_002_CS: 'NON_STRICT',
  TC_017_2_CS: 'NOT_APPLICABLE', TC_012_CS: 'EXPECTED_FAIL', TC_001_CSMS: 'INCONCLUSIVE',
};

/** Runs the two real runs into `work`, writes the merged report to `work/report`, returns that dir. */
export async function buildEveryVerdictReport(work: string): Promise<string> {
  await mkdir(work, { recursive: true });
  const known = join(work, 'known-issues.json');
  await writeFile(known, JSON.stringify({ knownIssues: [{ caseId: 'TC_012_CS', note: 'firmware 1.2 omits the stop reason; fixed in 1.3' }] }));
  const cp = await runCli(['test', 'charge-point', '--builtin', '--builtin-fault', 'boot-retry-too-early',
    '--builtin-fault', 'stop-without-reason-after-remote-stop', '--config', known,
    '--cases', 'TC_001_CS,TC_002_CS,TC_003_CS,TC_012_CS,TC_017_2_CS,TC_070_CS,TC_056_CS,TC_057_CS,TC_058_*_CS,TC_059_CS,TC_060_CS,TC_066_CS,TC_067_CS,TC_072_CS,TC_082_CS', '--report-dir', join(work, 'cp'), '--quiet']);
  if (cp.code !== 1) throw new Error(`charge-point run: exit ${cp.code}, expected 1\n${cp.stdout}${cp.stderr}`);
  const closed = await freePort(); // free a moment ago: nothing listens there
  const csms = await runCli(['test', 'csms', '--url', `ws://127.0.0.1:${closed}/ocpp`, '--cases', 'TC_001_CSMS', '--report-dir', join(work, 'csms'), '--quiet']);
  if (csms.code !== 2) throw new Error(`csms run: exit ${csms.code}, expected 2\n${csms.stdout}${csms.stderr}`);
  const run = mergeRuns([await loadRun(join(work, 'cp')), await loadRun(join(work, 'csms'))]);
  const got = Object.fromEntries(run.cases.map((c) => [c.id, c.verdict]));
  for (const [id, verdict] of Object.entries(EXPECTED_VERDICTS)) {
    if (got[id] !== verdict) throw new Error(`${id}: ${got[id]} from the real run, expected ${verdict}`);
  }
  const out = join(work, 'report');
  const written = await writeReports(run, out, { responseTimeoutMs: 3000, toleranceMs: 500, strict: false });
  if (written.errors.length) throw new Error(written.errors.map((e) => `${e.step}: ${e.error.message}`).join('\n'));
  return out;
}
