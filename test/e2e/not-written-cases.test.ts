// A profile whose certification list has tables the harness has no case for is never reported "ready".
// OCPP 2.0.1's list is Part 5 §4 (harness/versions/ocpp201/certification-list.ts): the Core tables of blocks
// other than B, E, J and P have no case yet, so a 2.0.1 Core row is "incomplete" and names them; a table
// whose Part 5 condition the declarations do not meet is not counted, nor are undeclared profiles.
import { expect } from 'chai';
import { readiness } from '../../harness/report/exit-code.js';
import { versionFacts } from '../../harness/versions/facts-registry.js';
import { runBuiltin, testConfig } from '../support/run-builtin.js';

describe('tables of the certification list without a case', function () {
  this.timeout(60_000);

  it('2.0.1: are listed as not run ("not-written") and keep Core of the charging station "incomplete"', async () => {
    const { run } = await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: ['TC_B_01_CS'] });
    const notWritten = (run.notRun ?? []).filter((n) => n.why === 'not-written');
    const ids = notWritten.map((n) => n.id);
    // Mandatory Core tables of blocks not written yet: the downgrade of the security profile, Secure firmware update, Customer information.
    expect(ids).to.include.members(['TC_A_22_CS', 'TC_L_01_CS', 'TC_N_27_CS']);
    // Written cases are never "not-written" (the others of B here are left out by --cases: "filter").
    expect(ids.filter((id) => /^TC_[BEJP]_/.test(id))).to.deep.equal([]);
    expect((run.notRun ?? []).find((n) => n.id === 'TC_B_02_CS')?.why).to.equal('filter');
    // Only the charging-station side, only declared profiles (the built-in station declares Core).
    expect(notWritten.every((n) => n.sut === 'ChargePoint' && n.profile === 'Core')).to.equal(true);
    const [row] = readiness(run.cases, { notRun: run.notRun ?? [] });
    expect(row!.status).to.equal('incomplete');
  });

  it('2.0.1: a conditional table counts only when the declared PICS meet its Part 5 condition', async () => {
    const ids = async (pics: string[]) => {
      const cfg = testConfig('2.0.1');
      const declared = { ...(cfg.declarationsBySut?.ChargePoint ?? cfg.declarations), pics };
      cfg.declarations = declared;
      cfg.declarationsBySut = { ...cfg.declarationsBySut, ChargePoint: declared } as typeof cfg.declarationsBySut;
      const { run } = await runBuiltin({ sides: ['ChargePoint'], ocpp: '2.0.1', cases: ['TC_B_01_CS'], cfg });
      return new Set((run.notRun ?? []).filter((n) => n.why === 'not-written').map((n) => n.id));
    };
    // TC_L_10_CS needs C-60 (cancel a firmware update); TC_L_11_CS applies without it.
    const without = await ids([]);
    expect([without.has('TC_L_10_CS'), without.has('TC_L_11_CS')]).to.deep.equal([false, true]);
    const withC60 = await ids(['C-60']);
    expect([withC60.has('TC_L_10_CS'), withC60.has('TC_L_11_CS')]).to.deep.equal([true, false]);
  });

  it('1.6: none, its catalogue covers the whole OCTT document', async () => {
    expect(versionFacts('1.6').certificationList).to.deep.equal([]);
    const { run } = await runBuiltin({ sides: ['ChargePoint'], cases: ['TC_001_CS'] });
    expect((run.notRun ?? []).filter((n) => n.why === 'not-written')).to.deep.equal([]);
  });
});
