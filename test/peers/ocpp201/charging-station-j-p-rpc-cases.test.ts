// The 2.0.1 charging-station cases of blocks J and P and the X201_RPC group against the reference
// charging station: clean it passes (or is NOT_APPLICABLE by its declared PICS), and each named fault
// that breaks a rule these cases judge turns the case that judges it into a FAIL with the check it trips.
import { expect } from 'chai';
import { discoverCases } from '../../../harness/runner/discover.js';
import { runBuiltin } from '../../support/run-builtin.js';

const FAULTS: { fault: string; cases: string[]; kills: string[] }[] = [
  { fault: 'no-meter-values', cases: ['TC_J_01_CS', 'TC_J_07_CS', 'TC_J_09_CS', 'TC_J_10_CS'], kills: ['payload.mismatch', 'sequence.missing'] },
  { fault: 'aligned-meter-values-unaligned', cases: ['TC_J_01_CS', 'TC_J_03_CS'], kills: ['payload.mismatch'] },
  { fault: 'aligned-data-during-transaction', cases: ['TC_J_06_CS'], kills: ['payload.mismatch'] },
  { fault: 'data-transfer-accepts-unknown-vendor', cases: ['TC_P_01_CS'], kills: ['payload.mismatch'] },
];

describe('reference charging station 2.0.1: blocks J and P, and the X201_RPC group', function () {
  this.timeout(180_000);

  it('passes every case (signed meter values, C-42, are NOT_APPLICABLE by declaration)', async () => {
    const ids = (await discoverCases()).filter((c) => c.meta.ocpp === '2.0.1' && c.meta.sut === 'ChargePoint' && /^(TC_[JP]_|X201_RPC_)/.test(c.meta.id)).map((c) => c.meta.id);
    expect(ids.length).to.equal(21);
    const outcome = await runBuiltin({ ocpp: '2.0.1', sides: ['ChargePoint'], cases: ids, parallel: 2 });
    const detail = outcome.run.cases.map((c) => `${c.id} ${c.verdict}: ${c.reason ?? ''} ${c.findings.map((f) => `${f.checkId} (${f.actual})`).join('; ')}`).join('\n');
    for (const c of outcome.run.cases) {
      expect(c.verdict, detail).to.equal(['TC_J_04_CS', 'TC_J_11_CS'].includes(c.id) ? 'NOT_APPLICABLE' : 'PASS');
    }
  });

  for (const { fault, cases, kills } of FAULTS) {
    it(`fault "${fault}" fails ${cases.join(', ')} with ${kills.join(' / ')}`, async () => {
      const outcome = await runBuiltin({ ocpp: '2.0.1', sides: ['ChargePoint'], cases, quirks: { chargePoint: [fault] }, parallel: 2 });
      for (const c of outcome.run.cases) {
        const detail = `${c.id} ${c.verdict}: ${c.findings.map((f) => `${f.checkId} ${f.level} (${f.actual})`).join('; ')}`;
        expect(c.verdict, detail).to.equal('FAIL');
        expect(c.findings.filter((f) => f.level === 'MUST').every((f) => kills.includes(f.checkId)), detail).to.equal(true);
      }
    });
  }
});
