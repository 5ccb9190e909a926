// Issue "nothing a SUT sends can crash the harness or lose a report", defect 2: ~100–500 MB of
// 1–4 MiB frames in one case gave "Invalid string length" (no reports), a heap-out-of-memory abort or
// a missing index.html, with RSS at 3–4 GB. Now a frame over limits.frameBytes is read cut (start,
// length, SHA-256), a CALL among them is answered with a CALLERROR, the case names the limit, and the
// harness's memory stays bounded. Both roles; the harness runs in a process of its own, measured there.
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostileFrames } from '../../harness/fuzz/corpus.js';
import { floodAsChargePoint, floodingCsms } from '../../harness/fuzz/hostile-peers.js';
import { freePort } from '../support/free-port.js';
import { startMeasuredRun, type Measured } from '../support/measured-run.js';

/** ~200 MB of 2–4 MiB CALLs (the corpus's big-frame entry), reproducibly. */
const FLOOD = { seed: 2, count: 67, entries: ['big-frame'], bigBytes: [2 << 20, 4 << 20] as [number, number] };
/** The harness's peak RSS in this test (it held 3–4 GB before): far below the flood it received. */
const RSS_BUDGET_MB = 400;

function expectReportsAndFinding(dir: string, measured: Measured | undefined, output: string): void {
  expect(measured, output.slice(-3000)).to.not.equal(undefined);
  for (const f of ['results.json', 'junit.xml', 'index.html']) expect(existsSync(join(dir, f)), f).to.equal(true);
  expect(measured!.reportErrors).to.deep.equal([]);
  const tooLarge = measured!.findings.filter((f) => f.checkId === 'transport.frameTooLarge');
  expect(tooLarge.length, JSON.stringify(measured!.findings.map((f) => f.checkId))).to.be.greaterThan(0);
  expect(tooLarge[0]!.requirement).to.contain('limits.frameBytes = 1048576');
  expect(tooLarge[0]!.actual).to.match(/a frame of \d{7} bytes \(SHA-256 [0-9a-f]{64}\)/);
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { cases: { traceFile: string }[] };
  // The trace keeps each big frame cut: its start, its length and its hash, not its megabytes.
  const trace = readFileSync(join(dir, results.cases[0]!.traceFile), 'utf8');
  expect(trace.length).to.be.below(2 << 20);
  expect(trace).to.match(/"truncated":\{"limit":"frameBytes","bytes":\d+,"sha256":"[0-9a-f]{64}"\}/);
  if (process.env.SHOW_RSS) console.log(`    harness peak RSS ${(measured!.maxRssKb / 1024).toFixed(0)} MB`);
  expect(measured!.maxRssKb / 1024, `peak RSS ${(measured!.maxRssKb / 1024).toFixed(0)} MB`).to.be.below(RSS_BUDGET_MB);
}

describe('~200 MB of 2–4 MiB frames in one case', function () {
  this.timeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-large-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('from a charge point: every report written, each big CALL answered FormationViolation, memory bounded', async () => {
    const port = await freePort();
    const reportDir = join(dir, 'cp');
    const run = startMeasuredRun({ side: 'ChargePoint', cases: ['X16_RPC_01_CS'], reportDir, listenPort: port, identity: 'BIG1', timeouts: { responseMs: 120_000, connectMs: 60_000 } });
    await run.printed(/▸ X16_RPC_01_CS/);
    const { stats, ws } = await floodAsChargePoint(`ws://127.0.0.1:${port}/ocpp/BIG1`, hostileFrames({ ...FLOOD, sender: 'chargePoint' }));
    const { measured, output } = await run.done;
    ws.terminate();
    expect(stats.bytes).to.be.greaterThan(190e6);
    // Every big CALL was answered, with the 1.6 spelling, and the connection kept.
    expect(stats.answers.FormationViolation).to.equal(FLOOD.count);
    expectReportsAndFinding(reportDir, measured, output);
  });

  it('from a CSMS: every report written, memory bounded', async () => {
    const csms = await floodingCsms(hostileFrames({ ...FLOOD, sender: 'csms' }));
    const reportDir = join(dir, 'csms');
    try {
      const run = startMeasuredRun({ side: 'Csms', cases: ['TC_001_CSMS'], reportDir, url: csms.url, identity: 'BIG2', timeouts: { responseMs: 120_000 } });
      const { measured, output } = await run.done;
      expect(csms.stats.bytes).to.be.greaterThan(190e6);
      expect(csms.stats.answers.FormationViolation).to.equal(FLOOD.count);
      expectReportsAndFinding(reportDir, measured, output);
    } finally {
      await csms.close();
    }
  });
});
