// Block M (certificate management, M03–M05) of OCPP 2.0.1, both sides, against the reference peers: the
// charging-station cases over real TLS at security profile 2 with a PKI made for the run (the reference
// station has AdditionalRootCertificateCheck true; a test-only variant without it runs TC_M_07_CS), the CSMS
// cases against the reference CSMS; then each named fault fails the cases that check the rule it breaks.
import { expect } from 'chai';
import type { CaseResult } from '../../../harness/report/result.js';
import { startReferenceChargingStation201 } from '../../../harness/versions/ocpp201/reference/index.js';
import { versionModule } from '../../../harness/versions/registry.js';
import { runBuiltin, testConfig } from '../../support/run-builtin.js';

const detail = (cases: CaseResult[]) => cases.map((c) => `${c.id} ${c.verdict} ${c.reason ?? ''} ${c.findings.map((f) => `${f.checkId} [${f.level}]: ${f.actual}`).join('; ')}`).join('\n');
const checkIds = (c: CaseResult) => [...new Set(c.findings.map((f) => f.checkId))].sort();

const CS_CASES = ['TC_M_01_CS', 'TC_M_02_CS', 'TC_M_07_CS', 'TC_M_09_CS', 'TC_M_12_CS', 'TC_M_13_CS', 'TC_M_17_CS', 'TC_M_18_CS', 'TC_M_19_CS', 'TC_M_20_CS', 'TC_M_22_CS', 'TC_M_30_CS', 'TC_M_31_CS'];
const CSMS_CASES = ['TC_M_01_CSMS', 'TC_M_02_CSMS', 'TC_M_05_CSMS', 'TC_M_13_CSMS', 'TC_M_18_CSMS', 'TC_M_19_CSMS', 'TC_M_20_CSMS', 'TC_M_21_CSMS'];
/** The cases that read SecurityCtrlr.AdditionalRootCertificateCheck for their prerequisite. */
const WITH_CHECK = ['TC_M_09_CS', 'TC_M_30_CS', 'TC_M_31_CS'];

/** Runs with the reference station in its variant without AdditionalRootCertificateCheck. */
async function withoutRootCheck<T>(run: () => Promise<T>): Promise<T> {
  const reference = versionModule('2.0.1').reference;
  const original = reference.startChargePoint;
  reference.startChargePoint = (req) => startReferenceChargingStation201(req, { security: { profile: 2, additionalRootCertificateCheck: false } });
  try {
    return await run();
  } finally {
    reference.startChargePoint = original;
  }
}

interface Fault {
  fault: string;
  side: 'ChargePoint' | 'Csms';
  /** The cases run with it (a fault that leaves the store changed is run on the cases it is meant for). */
  cases: string[];
  verdicts: Record<string, string>;
  checks: Record<string, string[]>;
  variantWithoutCheck?: boolean;
}

const FAULTS: Fault[] = [
  // Root 2 "installed" but never stored: not listed (M_01/12/17/18); no reconnection with root 2's certificate (M_30);
  // the root of M_09 is "Accepted" too.
  {
    fault: 'install-root-accepted-not-stored', side: 'ChargePoint', cases: ['TC_M_01_CS', 'TC_M_09_CS', 'TC_M_12_CS', 'TC_M_17_CS', 'TC_M_18_CS', 'TC_M_30_CS'],
    verdicts: { TC_M_01_CS: 'FAIL', TC_M_09_CS: 'FAIL', TC_M_12_CS: 'FAIL', TC_M_17_CS: 'FAIL', TC_M_18_CS: 'FAIL', TC_M_30_CS: 'FAIL' },
    checks: { TC_M_01_CS: ['security.certificateHashData'], TC_M_09_CS: ['payload.mismatch'], TC_M_12_CS: ['security.certificateHashData'], TC_M_17_CS: ['security.certificateHashData'], TC_M_18_CS: ['security.certificateHashData'], TC_M_30_CS: ['sequence.missing'] },
  },
  {
    fault: 'installed-ids-omit-fallback-root', side: 'ChargePoint', cases: ['TC_M_20_CS', 'TC_M_31_CS'],
    verdicts: { TC_M_20_CS: 'FAIL', TC_M_31_CS: 'FAIL' },
    checks: { TC_M_20_CS: ['security.certificateHashData'], TC_M_31_CS: ['security.certificateHashData'] },
  },
  { fault: 'fallback-root-kept', side: 'ChargePoint', cases: ['TC_M_30_CS'], verdicts: { TC_M_30_CS: 'FAIL' }, checks: { TC_M_30_CS: ['security.certificateHashData'] } },
  {
    fault: 'installed-ids-csms-root-only', side: 'ChargePoint', cases: ['TC_M_02_CS', 'TC_M_13_CS', 'TC_M_17_CS', 'TC_M_18_CS'],
    verdicts: { TC_M_02_CS: 'FAIL', TC_M_13_CS: 'FAIL', TC_M_17_CS: 'FAIL', TC_M_18_CS: 'FAIL' },
    checks: { TC_M_02_CS: ['payload.mismatch', 'security.certificateHashData'], TC_M_13_CS: ['payload.mismatch', 'security.certificateHashData'], TC_M_17_CS: ['security.certificateHashData'], TC_M_18_CS: ['security.certificateHashData'] },
  },
  { fault: 'additional-root-check-skipped', side: 'ChargePoint', cases: ['TC_M_09_CS'], verdicts: { TC_M_09_CS: 'FAIL' }, checks: { TC_M_09_CS: ['payload.mismatch'] } },
  { fault: 'installed-ids-none-accepted', side: 'ChargePoint', cases: ['TC_M_19_CS'], verdicts: { TC_M_19_CS: 'FAIL' }, checks: { TC_M_19_CS: ['payload.mismatch'] } },
  { fault: 'delete-certificate-not-removed', side: 'ChargePoint', cases: ['TC_M_20_CS'], verdicts: { TC_M_20_CS: 'FAIL' }, checks: { TC_M_20_CS: ['security.certificateHashData'] } },
  { fault: 'delete-unknown-certificate-accepted', side: 'ChargePoint', cases: ['TC_M_22_CS'], verdicts: { TC_M_22_CS: 'FAIL' }, checks: { TC_M_22_CS: ['payload.mismatch'] } },
  {
    fault: 'install-root-expired-accepted', side: 'ChargePoint', cases: ['TC_M_07_CS'], variantWithoutCheck: true,
    verdicts: { TC_M_07_CS: 'FAIL' }, checks: { TC_M_07_CS: ['payload.mismatch', 'security.certificateHashData'] },
  },
  // TC_M_05_CSMS checks the type only at SHOULD (its table lists no tool validation).
  {
    fault: 'install-certificate-type-swapped', side: 'Csms', cases: ['TC_M_01_CSMS', 'TC_M_02_CSMS', 'TC_M_05_CSMS', 'TC_M_20_CSMS', 'TC_M_21_CSMS'],
    verdicts: { TC_M_01_CSMS: 'FAIL', TC_M_02_CSMS: 'FAIL', TC_M_05_CSMS: 'NON_STRICT', TC_M_20_CSMS: 'FAIL', TC_M_21_CSMS: 'FAIL' },
    checks: { TC_M_01_CSMS: ['payload.mismatch'], TC_M_02_CSMS: ['payload.mismatch'], TC_M_05_CSMS: ['payload.mismatch'], TC_M_20_CSMS: ['payload.mismatch'], TC_M_21_CSMS: ['payload.mismatch'] },
  },
  {
    fault: 'installed-ids-always-csms-root', side: 'Csms', cases: ['TC_M_13_CSMS', 'TC_M_18_CSMS', 'TC_M_19_CSMS', 'TC_M_20_CSMS', 'TC_M_21_CSMS'],
    verdicts: { TC_M_13_CSMS: 'FAIL', TC_M_18_CSMS: 'FAIL', TC_M_19_CSMS: 'FAIL', TC_M_20_CSMS: 'PASS', TC_M_21_CSMS: 'PASS' },
    checks: { TC_M_13_CSMS: ['payload.mismatch'], TC_M_18_CSMS: ['payload.mismatch'], TC_M_19_CSMS: ['payload.mismatch'], TC_M_20_CSMS: [], TC_M_21_CSMS: [] },
  },
  // M04.FR.07: the SHA384 and SHA512 rounds fail; TC_M_21_CSMS's station reports SHA256.
  {
    fault: 'delete-certificate-sha256', side: 'Csms', cases: ['TC_M_20_CSMS', 'TC_M_21_CSMS'],
    verdicts: { TC_M_20_CSMS: 'FAIL', TC_M_21_CSMS: 'PASS' }, checks: { TC_M_20_CSMS: ['payload.mismatch'], TC_M_21_CSMS: [] },
  },
];

describe('2.0.1 block M (certificate management) cases against the reference peers', function () {
  this.timeout(180_000);

  it('charging station: every case PASSes at security profile 2, TC_M_07_CS is NOT_APPLICABLE (AdditionalRootCertificateCheck is true)', async () => {
    const cases = (await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: ['TC_M_*'], parallel: 2 })).run.cases;
    expect(cases.map((c) => c.id).sort()).to.deep.equal(CS_CASES);
    for (const c of cases) {
      if (c.id === 'TC_M_07_CS') {
        expect(c.verdict, detail(cases)).to.equal('NOT_APPLICABLE');
        expect(c.reason).to.match(/AdditionalRootCertificateCheck is true/);
      } else {
        expect(c.verdict, `${c.id}\n${detail(cases)}`).to.equal('PASS');
      }
    }
  });

  it('charging station without AdditionalRootCertificateCheck: TC_M_07_CS PASSes too, the three cases that need the check are NOT_APPLICABLE', async () => {
    const cases = await withoutRootCheck(async () => (await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: ['TC_M_*'], parallel: 2 })).run.cases);
    expect(cases.map((c) => c.id).sort()).to.deep.equal(CS_CASES);
    for (const c of cases) {
      expect(c.verdict, `${c.id}\n${detail(cases)}`).to.equal(WITH_CHECK.includes(c.id) ? 'NOT_APPLICABLE' : 'PASS');
    }
  });

  it('CSMS: every case PASSes', async () => {
    const cases = (await runBuiltin({ sides: ['Csms'], ocpp: '2.0.1', cases: ['TC_M_*'], parallel: 2 })).run.cases;
    expect(cases.map((c) => c.id).sort()).to.deep.equal(CSMS_CASES);
    for (const c of cases) expect(c.verdict, `${c.id}\n${detail(cases)}`).to.equal('PASS');
  });

  for (const f of FAULTS) {
    it(`fault ${f.fault}: ${f.cases.map((id) => `${id} ${f.verdicts[id]}`).join(', ')}`, async () => {
      const run = () => runBuiltin({
        sides: [f.side], ocpp: '2.0.1', cases: f.cases, parallel: 2,
        quirks: f.side === 'ChargePoint' ? { chargePoint: [f.fault] } : { csms: [f.fault] },
      });
      const cases = (f.variantWithoutCheck ? await withoutRootCheck(run) : await run()).run.cases;
      expect(cases.map((c) => c.id).sort()).to.deep.equal([...f.cases].sort());
      for (const c of cases) {
        expect(c.verdict, `${c.id}\n${detail(cases)}`).to.equal(f.verdicts[c.id]);
        expect(checkIds(c), `${c.id}\n${detail(cases)}`).to.deep.equal(f.checks[c.id]);
      }
    });
  }

  it('TC_M_09/30/31_CS are NOT_APPLICABLE for a station that does not declare AS-2 (Part 5)', async () => {
    const cfg = testConfig('2.0.1');
    const declared = cfg.declarationsBySut?.ChargePoint ?? cfg.declarations;
    const pics = (declared.pics ?? []).filter((p) => p !== 'AS-2');
    cfg.declarations = { ...cfg.declarations, pics };
    cfg.declarationsBySut = { ...cfg.declarationsBySut, ChargePoint: { ...declared, pics } } as typeof cfg.declarationsBySut;
    const cases = (await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: WITH_CHECK, cfg })).run.cases;
    expect(cases.map((c) => c.id).sort()).to.deep.equal(WITH_CHECK);
    for (const c of cases) {
      expect([c.verdict, c.notApplicable?.by], detail(cases)).to.deep.equal(['NOT_APPLICABLE', 'declaration']);
      expect(c.reason).to.match(/AS-2/);
    }
  });
});
