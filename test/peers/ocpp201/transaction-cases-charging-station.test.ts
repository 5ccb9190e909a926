// The block E cases with the charging station under test (suites/ocpp201/transactions) against the
// built-in 2.0.1 reference charging station: the conforming station passes every case its PICS
// declaration admits, and each named fault that breaks an E table's rule fails the case that checks it.
import { expect } from 'chai';
import type { CaseResult } from '../../../harness/report/result.js';
import { runBuiltin, testConfig } from '../../support/run-builtin.js';

/**
 * The offline cases wait for the station to reconnect after its back-off; on a loaded machine 4 s (testConfig)
 * was too short for TC_E_40_CS once. A longer connect budget only lengthens a wait that ends when the station is back.
 */
function reconnectConfig() {
  const cfg = testConfig('2.0.1');
  cfg.timeouts.connectMs = 15_000;
  return cfg;
}

const detail = (cases: CaseResult[]) => cases.map((c) => `${c.id} ${c.verdict} ${c.reason ?? ''} ${c.findings.map((f) => `${f.checkId}: ${f.actual}`).join('; ')}`).join('\n');

/** Excluded by the reference station's PICS declaration (Part 5 conditions). */
const NOT_DECLARED = ['TC_E_11_CS', 'TC_E_27_CS', 'TC_E_38_CS', 'TC_E_54_CS'];

describe('2.0.1 block E cases (charging station under test) against the reference charging station', function () {
  this.timeout(240_000);

  it('every TC_E_*_CS case PASSes, or is NOT_APPLICABLE by the Part 5 condition the station does not declare', async () => {
    const outcome = await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: ['TC_E_*'], parallel: 4, cfg: reconnectConfig() });
    const cases = outcome.run.cases;
    expect(cases.length, detail(cases)).to.be.greaterThanOrEqual(46);
    for (const c of cases) {
      if (NOT_DECLARED.includes(c.id)) expect([c.verdict, c.notApplicable?.by], `${c.id}\n${detail(cases)}`).to.deep.equal(['NOT_APPLICABLE', 'declaration']);
      else expect(c.verdict, `${c.id}\n${detail(cases)}`).to.equal('PASS');
    }
  });

  it('a station declaring HFS-4 and not C-09.5: TC_E_38_CS (EV not ready) and TC_E_54_CS PASS against it', async () => {
    const cfg = testConfig('2.0.1');
    const pics = (cfg.declarations.pics ?? []).filter((p) => p !== 'C-09.5').concat('HFS-4');
    cfg.declarations = { ...cfg.declarations, pics };
    cfg.declarationsBySut = { ...cfg.declarationsBySut, ChargePoint: { ...(cfg.declarationsBySut?.ChargePoint ?? cfg.declarations), pics } } as typeof cfg.declarationsBySut;
    const outcome = await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: ['TC_E_38_CS', 'TC_E_54_CS'], cfg });
    for (const c of outcome.run.cases) expect(c.verdict, detail(outcome.run.cases)).to.equal('PASS');
  });

  const faults: { fault: string; cases: string[]; checks: string[]; verdict?: string }[] = [
    { fault: 'remote-stop-reason-local', cases: ['TC_E_21_CS', 'TC_E_35_CS'], checks: ['payload.mismatch'] },
    { fault: 'started-without-id-token', cases: ['TC_E_02_CS', 'TC_E_10_CS', 'TC_E_13_CS'], checks: ['payload.mismatch'] },
    { fault: 'ev-connection-timeout-ignored', cases: ['TC_E_39_CS'], checks: ['payload.mismatch'], verdict: 'NON_STRICT' },
    { fault: 'offline-flag-missing', cases: ['TC_E_40_CS', 'TC_E_44_CS'], checks: ['payload.mismatch'] },
    { fault: 'transaction-status-ignores-queue', cases: ['TC_E_29_CS', 'TC_E_33_CS'], checks: ['payload.mismatch'] },
    { fault: 'no-transaction-event-retry', cases: ['TC_E_50_CS', 'TC_E_51_CS'], checks: ['sequence.missing'] },
    // Part 6 §2.1 general tool rules, checked in every charging-station case (harness/versions/ocpp201/checks).
    { fault: 'transaction-seq-no-skips', cases: ['TC_E_09_CS'], checks: ['transaction.seqNo'] },
    { fault: 'started-stamped-late', cases: ['TC_E_09_CS'], checks: ['transaction.firstStarted', 'transaction.seqNo'] },
  ];
  for (const f of faults) {
    it(`fault ${f.fault}: ${f.cases.join(', ')} ${f.verdict ?? 'FAIL'} with ${f.checks.join(', ')}`, async () => {
      const outcome = await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: f.cases, quirks: { chargePoint: [f.fault] }, parallel: 2, cfg: reconnectConfig() });
      const cases = outcome.run.cases;
      expect(cases.map((c) => c.id).sort(), detail(cases)).to.deep.equal([...f.cases].sort());
      for (const c of cases) {
        expect(c.verdict, `${c.id}\n${detail(cases)}`).to.equal(f.verdict ?? 'FAIL');
        for (const check of f.checks) expect(c.findings.map((x) => x.checkId), `${c.id}\n${detail(cases)}`).to.include(check);
      }
    });
  }
});
