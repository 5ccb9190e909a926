// TC_B_47_CS and TC_B_50_CS (migration to a new CSMS with a new CSMS root) against the 2.0.1 reference
// charging station at security profile 2 — real TLS with the run's PKI: the conforming station passes both,
// each named fault that breaks a rule they check fails (or, for ours, NON_STRICTs) the case that checks it,
// and the cases are NOT_APPLICABLE where Part 5's condition or the security profile excludes them.
import { expect } from 'chai';
import type { CaseResult } from '../../../harness/report/result.js';
import { runBuiltin, testConfig } from '../../support/run-builtin.js';

const CASES = ['TC_B_47_CS', 'TC_B_50_CS'];
const detail = (cases: CaseResult[]) => cases.map((c) => `${c.id} ${c.verdict} ${c.reason ?? ''} ${c.findings.map((f) => `${f.checkId} [${f.level}]: ${f.actual}`).join('; ')}`).join('\n');

describe('2.0.1 TC_B_47_CS / TC_B_50_CS (new CSMS root) against the reference charging station over TLS', function () {
  this.timeout(120_000);

  it('both PASS, run at security profile 2 with a PKI made for the run', async () => {
    const outcome = await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: CASES, parallel: 2 });
    const cases = outcome.run.cases;
    expect(cases.map((c) => c.id).sort()).to.deep.equal(CASES);
    for (const c of cases) expect(c.verdict, detail(cases)).to.equal('PASS');
  });

  const faults: { fault: string; verdicts: Record<string, string>; checks: Record<string, string[]> }[] = [
    // The station never uses root 2: it connects to the new CSMS on the old root (B_47 step 8), and cannot verify root 2's certificate (B_50 steps 7–9).
    { fault: 'install-root-accepted-not-stored', verdicts: { TC_B_47_CS: 'FAIL', TC_B_50_CS: 'FAIL' }, checks: { TC_B_47_CS: ['security.serverCertificateAccepted'], TC_B_50_CS: ['sequence.missing'] } },
    { fault: 'migration-trusts-old-root', verdicts: { TC_B_47_CS: 'FAIL', TC_B_50_CS: 'PASS' }, checks: { TC_B_47_CS: ['security.serverCertificateAccepted'], TC_B_50_CS: [] } },
    { fault: 'installed-ids-omit-fallback-root', verdicts: { TC_B_47_CS: 'FAIL', TC_B_50_CS: 'PASS' }, checks: { TC_B_47_CS: ['security.certificateHashData'], TC_B_50_CS: [] } },
    // M05.FR.13 is ours (the table validates only step 6): SHOULD.
    { fault: 'fallback-root-kept', verdicts: { TC_B_47_CS: 'PASS', TC_B_50_CS: 'NON_STRICT' }, checks: { TC_B_47_CS: [], TC_B_50_CS: ['security.certificateHashData'] } },
  ];
  for (const f of faults) {
    it(`fault ${f.fault}: ${CASES.map((id) => `${id} ${f.verdicts[id]}`).join(', ')}`, async () => {
      const outcome = await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: CASES, quirks: { chargePoint: [f.fault] }, parallel: 2 });
      const cases = outcome.run.cases;
      for (const c of cases) {
        expect(c.verdict, `${c.id}\n${detail(cases)}`).to.equal(f.verdicts[c.id]);
        expect([...new Set(c.findings.map((x) => x.checkId))].sort(), `${c.id}\n${detail(cases)}`).to.deep.equal(f.checks[c.id]);
      }
    });
  }

  it('TC_B_47_CS is NOT_APPLICABLE for a station that does not declare AS-2 (AdditionalRootCertificateCheck; Part 5: AS-2 and C-47)', async () => {
    const cfg = testConfig('2.0.1');
    const pics = (cfg.declarations.pics ?? []).filter((p) => p !== 'AS-2');
    cfg.declarations = { ...cfg.declarations, pics };
    cfg.declarationsBySut = { ...cfg.declarationsBySut, ChargePoint: { ...(cfg.declarationsBySut?.ChargePoint ?? cfg.declarations), pics } } as typeof cfg.declarationsBySut;
    const outcome = await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: ['TC_B_47_CS'], cfg });
    const [c] = outcome.run.cases;
    expect([c?.verdict, c?.notApplicable?.by], detail(outcome.run.cases)).to.deep.equal(['NOT_APPLICABLE', 'declaration']);
    expect(c?.reason).to.match(/AS-2/);
  });

  it('both are NOT_APPLICABLE for a station that supports no TLS profile (securityProfiles [1])', async () => {
    const cfg = testConfig('2.0.1');
    const declared = { ...(cfg.declarationsBySut?.ChargePoint ?? cfg.declarations), securityProfiles: [1] as (1 | 2 | 3)[] };
    cfg.declarations = declared;
    cfg.declarationsBySut = { ...cfg.declarationsBySut, ChargePoint: declared } as typeof cfg.declarationsBySut;
    const outcome = await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: CASES, cfg });
    for (const c of outcome.run.cases) {
      expect([c.verdict, c.notApplicable?.by], detail(outcome.run.cases)).to.deep.equal(['NOT_APPLICABLE', 'declaration']);
      expect(c.reason).to.match(/security profile 2 or 3/);
    }
  });
});
