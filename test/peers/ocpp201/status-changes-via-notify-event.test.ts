// Part 2 G01.FR.03–07 let a charging station report a connector status change with a NotifyEvent of the
// Connector's AvailabilityState instead of a StatusNotification. A conforming station that chose NotifyEvent
// must get the same verdicts as one that chose StatusNotification: every charging-station case is run against
// the reference station in that variant (a test-only wrapper of the built-in peer's start).
import { expect } from 'chai';
import type { CaseResult } from '../../../harness/report/result.js';
import { startReferenceChargingStation201 } from '../../../harness/versions/ocpp201/reference/index.js';
import { versionModule } from '../../../harness/versions/registry.js';
import { runBuiltin } from '../../support/run-builtin.js';

const detail = (cases: CaseResult[]) => cases.filter((c) => c.verdict !== 'PASS')
  .map((c) => `${c.id} ${c.verdict} ${c.reason ?? ''} ${c.findings.map((f) => `${f.checkId}: ${f.actual}`).join('; ')}`).join('\n');

/** What the reference station does not declare (Part 5 conditions), as in the plain run of every case. */
const NOT_DECLARED = ['TC_B_28_CS', 'TC_B_29_CS', 'TC_B_41_CS', 'TC_E_11_CS', 'TC_E_27_CS', 'TC_E_38_CS', 'TC_E_54_CS', 'TC_J_04_CS', 'TC_J_11_CS'];
/** NOT_APPLICABLE by the station's own setting: TC_M_07_CS applies only without AdditionalRootCertificateCheck. */
const BY_ITS_SETTING = ['TC_M_07_CS'];

describe('2.0.1 charging station reporting status changes with NotifyEvent (G01 alternative)', function () {
  this.timeout(300_000);

  it('gets the verdicts of the StatusNotification station: every case PASS, or NOT_APPLICABLE by the same declarations', async () => {
    const reference = versionModule('2.0.1').reference;
    const original = reference.startChargePoint;
    reference.startChargePoint = (req) => startReferenceChargingStation201(req, { statusChangesVia: 'NotifyEvent' });
    let variant: CaseResult[];
    try {
      variant = (await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: ['TC_*_CS', 'X201_*_CS'], parallel: 6 })).run.cases;
    } finally {
      reference.startChargePoint = original;
    }
    expect(variant.length).to.be.greaterThanOrEqual(97 + 9);
    for (const c of variant) {
      const expected = NOT_DECLARED.includes(c.id) ? ['NOT_APPLICABLE', 'declaration'] : BY_ITS_SETTING.includes(c.id) ? ['NOT_APPLICABLE', 'case'] : ['PASS', undefined];
      expect([c.verdict, c.notApplicable?.by], `${c.id}\n${detail(variant)}`).to.deep.equal(expected);
    }
    // The variant really reported with NotifyEvent.
    const notified = variant.filter((c) => c.trace.some((e) => e.kind === 'frame' && e.dir === 'in' && e.raw.includes('"NotifyEvent"') && e.raw.includes('AvailabilityState')));
    expect(notified.length, 'cases in which the station reported a status change with NotifyEvent').to.be.greaterThan(30);
  });
});
