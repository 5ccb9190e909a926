// Block A (Security) against the 2.0.1 reference peers, both sides: clean, every case PASSes at the
// security profile its meta names (the run makes the PKI), and each named fault that breaks a rule these
// cases judge turns the cases that judge it into FAILs with the checks it trips (MUST findings of no other check).
import { expect } from 'chai';
import type { CaseResult } from '../../../harness/report/result.js';
import type { Sut } from '../../../harness/trace/types.js';
import { runBuiltin } from '../../support/run-builtin.js';

const CS_CASES = ['TC_A_01_CS', 'TC_A_04_CS'];
const CSMS_CASES = ['TC_A_01_CSMS', 'TC_A_03_CSMS', 'TC_A_04_CSMS'];

const FAULTS: { side: Sut; fault: string; cases: string[]; kills: string[] }[] = [
  // The harness refuses the base64 password (HTTP 401); at profile 2 TC_A_04_CS sends Basic auth too.
  { side: 'ChargePoint', fault: 'basic-auth-password-base64', cases: ['TC_A_01_CS', 'TC_A_04_CS'], kills: ['security.reconnect'] },
  { side: 'ChargePoint', fault: 'tls-cbc-cipher-suites-only', cases: ['TC_A_04_CS'], kills: ['security.reconnect'] },
  { side: 'ChargePoint', fault: 'reboot-without-boot-notification', cases: CS_CASES, kills: ['sequence.missing'] },
  { side: 'Csms', fault: 'accepts-wrong-password', cases: ['TC_A_03_CSMS'], kills: ['security.refusal'] },
  { side: 'Csms', fault: 'tls-ecdsa-certificate-only', cases: ['TC_A_04_CSMS'], kills: ['tls.csmsServer'] },
];

const detail = (cases: CaseResult[]) => cases
  .map((c) => `${c.id} ${c.verdict}: ${c.reason ?? ''} ${c.findings.map((f) => `${f.checkId} ${f.level} (${f.actual})`).join('; ')}`).join('\n');

describe('2.0.1 block A (Security) against the reference peers', function () {
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
