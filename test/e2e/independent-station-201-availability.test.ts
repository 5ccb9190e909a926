// Block G (Availability) judged on the independent 2.0.1 charging station (test/independent, written on
// ocpp-rpc alone), over real sockets through the CLI and its HTTP SUT control: as it comes, and reporting
// its status changes with NotifyEvent (also for its EVSEs). It ends a transaction stopped by its driver with
// the connector still Occupied and reports Unavailable only once the EV is disconnected (G01.FR.05): the
// "with ongoing transaction" cases must PASS it. It does not repeat an unchanged status after a
// station-wide ChangeAvailability: TC_G_13_CS step 3 is NON_STRICT (a SHOULD the OCTT fails), never FAIL.
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseResult } from '../../harness/report/result.js';
import { IndependentChargingStation201, type IndependentCs201Variant } from '../independent/ocpp201/charging-station.js';
import { runCli } from '../support/cli.js';
import { freePort } from '../support/free-port.js';

const PICS = ['C-09.1', 'C-09.2', 'C-09.4', 'C-09.5', 'C-10.1', 'C-10.2', 'C-10.3', 'C-10.4', 'C-51', 'C-52'];

describe('block G (Availability) on the independent 2.0.1 charging station', function () {
  this.timeout(150_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-independent-g-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function run(name: string, variants: IndependentCs201Variant[]): Promise<CaseResult[]> {
    const port = await freePort();
    const station = new IndependentChargingStation201({ url: `ws://127.0.0.1:${port}/ocpp`, identity: 'IND201G', variants, defects: [] });
    const { controlUrl } = await station.start();
    try {
      const cfg = join(dir, `${name}.json`);
      writeFileSync(cfg, JSON.stringify({ identity: 'IND201G', declarations: { pics: PICS }, sutControl: { type: 'http', url: controlUrl } }));
      const out = join(dir, name);
      const result = await runCli(['test', 'charge-point', '--ocpp', '2.0.1', '--listen', `127.0.0.1:${port}`, '--config', cfg,
        '--report-dir', out, '--cases', 'TC_G_*', '--quiet'], { timeoutMs: 140_000 });
      expect(result.code, result.stdout + result.stderr).to.be.oneOf([0, 1]);
      return (JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { cases: CaseResult[] }).cases;
    } finally {
      await station.stop();
    }
  }

  for (const [name, variants] of [['as it comes', []], ['reporting with NotifyEvent', ['status-via-notify-event', 'evse-availability-events']]] as const) {
    it(`${name}: every case PASS but TC_G_13_CS, NON_STRICT on its step 3 only`, async () => {
      const cases = await run(name.replace(/\W+/g, '-'), [...variants]);
      const detail = cases.map((c) => `${c.id} ${c.verdict}: ${c.findings.map((f) => `${f.checkId}@${f.step} ${f.level} (${f.actual})`).join('; ')}`).join('\n');
      expect(cases.length, detail).to.equal(20);
      for (const c of cases) {
        if (c.id !== 'TC_G_13_CS') {
          expect(c.verdict, detail).to.equal('PASS');
          continue;
        }
        expect(c.verdict, detail).to.equal('NON_STRICT');
        expect(c.findings.map((f) => [f.checkId, f.step, f.level, f.octt]), detail).to.deep.equal([['sequence.missing', 3, 'SHOULD', 'fails']]);
      }
    });
  }
});
