// Block G (Availability) against the 2.0.1 reference peers, both sides: clean, every case PASSes (also
// with a station that reports status changes with NotifyEvent, the other form Part 2 G01 allows), and each
// named fault that breaks a rule these cases judge turns the cases that judge it into FAILs with the
// checks it trips (MUST findings of no other check).
import { expect } from 'chai';
import type { CaseResult } from '../../../harness/report/result.js';
import type { Sut } from '../../../harness/trace/types.js';
import { startReferenceChargingStation201 } from '../../../harness/versions/ocpp201/reference/index.js';
import { versionModule } from '../../../harness/versions/registry.js';
import { runBuiltin } from '../../support/run-builtin.js';

const CS_CASES = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '21'].map((n) => `TC_G_${n}_CS`);
const CSMS_CASES = ['03', '04', '05', '06', '07', '08', '11', '14', '17', '20'].map((n) => `TC_G_${n}_CSMS`);

const FAULTS: { side: Sut; fault: string; cases: string[]; kills: string[] }[] = [
  { side: 'ChargePoint', fault: 'cable-status-not-reported', cases: ['TC_G_01_CS', 'TC_G_02_CS'], kills: ['sequence.missing'] },
  { side: 'ChargePoint', fault: 'availability-change-not-reported', cases: ['TC_G_03_CS', 'TC_G_04_CS', 'TC_G_05_CS', 'TC_G_06_CS', 'TC_G_07_CS', 'TC_G_08_CS', 'TC_G_11_CS', 'TC_G_14_CS', 'TC_G_17_CS', 'TC_G_18_CS'], kills: ['sequence.missing'] },
  { side: 'ChargePoint', fault: 'same-availability-rejected', cases: ['TC_G_09_CS', 'TC_G_10_CS', 'TC_G_12_CS', 'TC_G_13_CS', 'TC_G_15_CS', 'TC_G_16_CS'], kills: ['payload.mismatch'] },
  { side: 'ChargePoint', fault: 'availability-accepted-during-transaction', cases: ['TC_G_11_CS', 'TC_G_14_CS', 'TC_G_17_CS'], kills: ['payload.mismatch'] },
  { side: 'ChargePoint', fault: 'availability-not-persistent', cases: ['TC_G_18_CS', 'TC_G_19_CS', 'TC_G_21_CS'], kills: ['sequence.missing'] },
  { side: 'Csms', fault: 'change-availability-status-swapped', cases: CSMS_CASES.filter((c) => c !== 'TC_G_20_CSMS'), kills: ['payload.mismatch'] },
  { side: 'Csms', fault: 'change-availability-evse-dropped', cases: ['TC_G_03_CSMS', 'TC_G_04_CSMS', 'TC_G_07_CSMS', 'TC_G_08_CSMS', 'TC_G_11_CSMS', 'TC_G_17_CSMS'], kills: ['payload.mismatch'] },
  { side: 'Csms', fault: 'change-availability-adds-connector', cases: ['TC_G_03_CSMS', 'TC_G_04_CSMS', 'TC_G_11_CSMS'], kills: ['payload.mismatch'] },
  { side: 'Csms', fault: 'change-availability-station-as-evse-zero', cases: ['TC_G_05_CSMS', 'TC_G_06_CSMS', 'TC_G_14_CSMS'], kills: ['payload.mismatch'] },
  { side: 'Csms', fault: 'notify-event-not-supported', cases: ['TC_G_20_CSMS', 'TC_G_03_CSMS', 'TC_G_11_CSMS'], kills: ['payload.mismatch'] },
];

const detail = (cases: CaseResult[]) => cases
  .map((c) => `${c.id} ${c.verdict}: ${c.reason ?? ''} ${c.findings.map((f) => `${f.checkId} ${f.level} (${f.actual})`).join('; ')}`).join('\n');

describe('2.0.1 block G (Availability) against the reference peers', function () {
  this.timeout(180_000);

  it('the reference charging station passes every charging-station case', async () => {
    const outcome = await runBuiltin({ ocpp: '2.0.1', sides: ['ChargePoint'], cases: CS_CASES, parallel: 4 });
    expect(outcome.run.cases.map((c) => c.id).sort()).to.deep.equal([...CS_CASES].sort());
    for (const c of outcome.run.cases) expect(c.verdict, detail(outcome.run.cases)).to.equal('PASS');
  });

  it('a station reporting status changes with NotifyEvent passes them too (G01.FR.07 allows either)', async () => {
    const reference = versionModule('2.0.1').reference;
    const original = reference.startChargePoint;
    reference.startChargePoint = (req) => startReferenceChargingStation201(req, { statusChangesVia: 'NotifyEvent' });
    let cases: CaseResult[];
    try {
      cases = (await runBuiltin({ ocpp: '2.0.1', sides: ['ChargePoint'], cases: CS_CASES, parallel: 4 })).run.cases;
    } finally {
      reference.startChargePoint = original;
    }
    for (const c of cases) expect(c.verdict, detail(cases)).to.equal('PASS');
    const notified = cases.filter((c) => c.trace.some((e) => e.kind === 'frame' && e.dir === 'in' && e.raw.includes('"NotifyEvent"') && e.raw.includes('Unavailable')));
    expect(notified.length, 'cases in which the station reported Unavailable with NotifyEvent').to.be.greaterThan(10);
  });

  it('the reference CSMS passes every CSMS case', async () => {
    const outcome = await runBuiltin({ ocpp: '2.0.1', sides: ['Csms'], cases: CSMS_CASES, parallel: 4 });
    expect(outcome.run.cases.map((c) => c.id).sort()).to.deep.equal([...CSMS_CASES].sort());
    for (const c of outcome.run.cases) expect(c.verdict, detail(outcome.run.cases)).to.equal('PASS');
  });

  for (const { side, fault, cases, kills } of FAULTS) {
    it(`fault "${fault}" fails ${cases.join(', ')} with ${kills.join(' / ')}`, async () => {
      const quirks = side === 'ChargePoint' ? { chargePoint: [fault] } : { csms: [fault] };
      const outcome = await runBuiltin({ ocpp: '2.0.1', sides: [side], cases, quirks, parallel: 4 });
      expect(outcome.run.cases.map((c) => c.id).sort()).to.deep.equal([...cases].sort());
      for (const c of outcome.run.cases) {
        expect(c.verdict, detail([c])).to.equal('FAIL');
        expect(c.findings.filter((f) => f.level === 'MUST').every((f) => kills.includes(f.checkId)), detail([c])).to.equal(true);
      }
    });
  }
});
