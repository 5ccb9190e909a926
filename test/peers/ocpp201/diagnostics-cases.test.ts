// Block N (diagnostics: N01 Retrieve log information) against the 2.0.1 reference peers, both sides:
// clean, every case PASSes; each named fault that breaks a rule these cases judge turns the cases that
// judge it into FAILs with the checks it trips (MUST findings of no other check).
import { expect } from 'chai';
import type { CaseResult } from '../../../harness/report/result.js';
import type { Sut } from '../../../harness/trace/types.js';
import { runBuiltin } from '../../support/run-builtin.js';

const CS_CASES = ['TC_N_25_CS', 'TC_N_35_CS'];
const CSMS_CASES = ['TC_N_25_CSMS', 'TC_N_34_CSMS', 'TC_N_35_CSMS'];

const FAULTS: { side: Sut; fault: string; cases: string[]; kills: string[] }[] = [
  { side: 'ChargePoint', fault: 'log-status-wrong-request-id', cases: CS_CASES, kills: ['payload.mismatch'] },
  { side: 'ChargePoint', fault: 'log-uploaded-without-upload', cases: CS_CASES, kills: ['transfer.failed'] },
  { side: 'Csms', fault: 'get-log-type-swapped', cases: ['TC_N_25_CSMS', 'TC_N_35_CSMS'], kills: ['payload.mismatch'] },
];

const detail = (cases: CaseResult[]) => cases
  .map((c) => `${c.id} ${c.verdict}: ${c.reason ?? ''} ${c.findings.map((f) => `${f.checkId} ${f.level} (${f.actual})`).join('; ')}`).join('\n');

describe('2.0.1 block N (diagnostics) against the reference peers', function () {
  this.timeout(180_000);

  it('the reference charging station passes every charging-station case', async () => {
    const outcome = await runBuiltin({ ocpp: '2.0.1', sides: ['ChargePoint'], cases: CS_CASES, parallel: 2 });
    expect(outcome.run.cases.map((c) => c.id).sort()).to.deep.equal([...CS_CASES].sort());
    for (const c of outcome.run.cases) expect(c.verdict, detail(outcome.run.cases)).to.equal('PASS');
  });

  it('the reference CSMS passes every CSMS case', async () => {
    const outcome = await runBuiltin({ ocpp: '2.0.1', sides: ['Csms'], cases: CSMS_CASES, parallel: 2 });
    expect(outcome.run.cases.map((c) => c.id).sort()).to.deep.equal([...CSMS_CASES].sort());
    for (const c of outcome.run.cases) expect(c.verdict, detail(outcome.run.cases)).to.equal('PASS');
  });

  for (const { side, fault, cases, kills } of FAULTS) {
    it(`fault "${fault}" fails ${cases.join(', ')} with ${kills.join(' / ')}`, async () => {
      const quirks = side === 'ChargePoint' ? { chargePoint: [fault] } : { csms: [fault] };
      const outcome = await runBuiltin({ ocpp: '2.0.1', sides: [side], cases, quirks, parallel: 2 });
      expect(outcome.run.cases.map((c) => c.id).sort()).to.deep.equal([...cases].sort());
      for (const c of outcome.run.cases) {
        expect(c.verdict, detail([c])).to.equal('FAIL');
        expect(c.findings.filter((f) => f.level === 'MUST').every((f) => kills.includes(f.checkId)), detail([c])).to.equal(true);
      }
    });
  }
});
