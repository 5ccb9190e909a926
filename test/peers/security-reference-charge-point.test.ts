// The reference charge point passes every Security case (TC_073_CS … TC_087_CS and the negative
// server-certificate cases) over real TLS: the run generates a PKI and runs each case at the security
// profile it needs (1, 2, 3, and TC_083_CS upgrading 2 → 3 on a peer of its own).
import { expect } from 'chai';
import { discoverCases } from '../../harness/runner/discover.js';
import { runBuiltin } from '../support/run-builtin.js';

describe('reference charge point: the Security cases over real TLS', function () {
  this.timeout(180_000);

  it('passes every Security case with the harness as CSMS at profiles 1-3', async () => {
    const ids = (await discoverCases()).filter((c) => c.meta.profile === 'Security' && c.meta.sut === 'ChargePoint').map((c) => c.meta.id);
    expect(ids.length).to.be.at.least(19);
    const outcome = await runBuiltin({ sides: ['ChargePoint'], cases: ids, parallel: 2 });
    const detail = outcome.run.cases.map((c) => `${c.id} ${c.verdict}: ${c.reason ?? ''} ${c.findings.map((f) => `${f.checkId} (${f.actual})`).join('; ')}`).join('\n');
    expect(outcome.run.cases.map((c) => c.id).sort()).to.deep.equal([...ids].sort());
    for (const c of outcome.run.cases) expect(c.verdict, detail).to.equal('PASS');
  });

  it('a charger supporting only profile 1 makes the TLS cases NOT_APPLICABLE by declaration, never FAIL', async () => {
    const { testConfig } = await import('../support/run-builtin.js');
    const cfg = testConfig();
    cfg.declarationsBySut!.ChargePoint!.securityProfiles = [1];
    const outcome = await runBuiltin({ sides: ['ChargePoint'], cases: ['TC_085_CS', 'TC_087_CS', 'TC_075_1_CS'], cfg });
    const verdicts = Object.fromEntries(outcome.run.cases.map((c) => [c.id, c.verdict]));
    expect(verdicts).to.deep.equal({ TC_085_CS: 'PASS', TC_087_CS: 'NOT_APPLICABLE', TC_075_1_CS: 'NOT_APPLICABLE' });
  });
});
