// The bench's hostility in a bounded form, in both roles: a charge point and a CSMS that send 5,000
// frames drawn from the seeded corpus (harness/fuzz/corpus.ts) at the harness, which runs in a process
// of its own. No crash, every report written and readable, the frames judged as the SUT's findings,
// memory bounded. (`npm run bench` does 100,000 per role.)
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostileFrames } from '../../harness/fuzz/corpus.js';
import { floodAsChargePoint, floodingCsms } from '../../harness/fuzz/hostile-peers.js';
import { freePort } from '../support/free-port.js';
import { startMeasuredRun, type Measured } from '../support/measured-run.js';

const FRAMES = 5000;
const RSS_BUDGET_MB = 300;
/** A few big and deep frames among them, as in the bench. */
const WEIGHTS = { 'big-frame': 0.01, 'deep-nesting': 0.2 };

function expectSurvived(dir: string, measured: Measured | undefined, output: string, code: number | null, ocpp: '1.6' | '2.0.1' = '1.6'): void {
  expect(measured, output.slice(-3000)).to.not.equal(undefined);
  expect(code).to.equal(0);
  for (const f of ['results.json', 'junit.xml', 'index.html']) expect(existsSync(join(dir, f)), f).to.equal(true);
  expect(measured!.reportErrors).to.deep.equal([]);
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { cases: { verdict: string; findings: { checkId: string }[] }[] };
  expect(results.cases).to.have.length(1);
  // The garbage is the SUT's, judged as such: a FAIL with framing findings, not a harness fault.
  expect(results.cases[0]!.verdict).to.equal('FAIL');
  const checks = new Set(results.cases[0]!.findings.map((f) => f.checkId));
  for (const id of ['rpc.json', 'rpc.shape', 'rpc.messageType']) expect(checks, [...checks].join(', ')).to.include(id);
  const requirements = JSON.stringify(results.cases[0]!.findings.map((f) => (f as { requirement?: string }).requirement));
  expect(requirements).to.include(ocpp === '1.6' ? 'OCPP-J 1.6' : 'OCPP-J 2.0.1');
  expect(measured!.maxRssKb / 1024).to.be.below(RSS_BUDGET_MB);
}

describe(`${FRAMES} hostile frames from the corpus, at the harness in both roles`, function () {
  this.timeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-hostile-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('harness as CSMS, hostile charge point: no crash, every report, findings, bounded memory', async () => {
    const port = await freePort();
    const reportDir = join(dir, 'as-csms');
    const run = startMeasuredRun({ side: 'ChargePoint', cases: ['X16_RPC_01_CS'], reportDir, listenPort: port, identity: 'FUZZ1', timeouts: { responseMs: 120_000, connectMs: 60_000 } });
    await run.printed(/▸ X16_RPC_01_CS/);
    const { stats, ws } = await floodAsChargePoint(`ws://127.0.0.1:${port}/ocpp/FUZZ1`, hostileFrames({ seed: 1201, count: FRAMES, sender: 'chargePoint', weights: WEIGHTS }));
    const { measured, output, code } = await run.done;
    ws.terminate();
    expect(stats.frames).to.equal(FRAMES);
    expectSurvived(reportDir, measured, output, code);
  });

  it('harness as charge point, hostile CSMS: no crash, every report, findings, bounded memory', async () => {
    const csms = await floodingCsms(hostileFrames({ seed: 1202, count: FRAMES, sender: 'csms', weights: WEIGHTS }));
    const reportDir = join(dir, 'as-cp');
    try {
      const run = startMeasuredRun({ side: 'Csms', cases: ['TC_001_CSMS'], reportDir, url: csms.url, identity: 'FUZZ2', timeouts: { responseMs: 120_000 } });
      const { measured, output, code } = await run.done;
      expect(csms.stats.frames).to.equal(FRAMES);
      expectSurvived(reportDir, measured, output, code);
    } finally {
      await csms.close();
    }
  });
});

describe(`${FRAMES} hostile frames from the corpus at the harness, OCPP 2.0.1 (ocpp2.0.1)`, function () {
  this.timeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-hostile-201-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('harness as CSMS, hostile charging station: no crash, every report, findings by OCPP-J 2.0.1, bounded memory', async () => {
    const port = await freePort();
    const reportDir = join(dir, 'as-csms');
    const run = startMeasuredRun({ side: 'ChargePoint', ocpp: '2.0.1', cases: ['X201_RPC_01_CS'], reportDir, listenPort: port, identity: 'FUZZ3', timeouts: { responseMs: 120_000, connectMs: 60_000 } });
    await run.printed(/▸ X201_RPC_01_CS/);
    const { stats, ws } = await floodAsChargePoint(`ws://127.0.0.1:${port}/ocpp/FUZZ3`, hostileFrames({ seed: 2011, count: FRAMES, sender: 'chargePoint', weights: WEIGHTS }), { ocpp: '2.0.1' });
    const { measured, output, code } = await run.done;
    ws.terminate();
    expect(stats.frames).to.equal(FRAMES);
    expectSurvived(reportDir, measured, output, code, '2.0.1');
  });

  it('harness as charging station, hostile CSMS: no crash, every report, findings by OCPP-J 2.0.1, bounded memory', async () => {
    const csms = await floodingCsms(hostileFrames({ seed: 2012, count: FRAMES, sender: 'csms', weights: WEIGHTS }), { ocpp: '2.0.1' });
    const reportDir = join(dir, 'as-cs');
    try {
      const run = startMeasuredRun({ side: 'Csms', ocpp: '2.0.1', cases: ['TC_B_01_CSMS'], reportDir, url: csms.url, identity: 'FUZZ4', timeouts: { responseMs: 120_000 } });
      const { measured, output, code } = await run.done;
      expect(csms.stats.frames).to.equal(FRAMES);
      expectSurvived(reportDir, measured, output, code, '2.0.1');
    } finally {
      await csms.close();
    }
  });
});
