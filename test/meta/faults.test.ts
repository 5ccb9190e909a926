// Every named fault trips exactly the checks it names: each listed check can fail, and one fault
// does not trip unrelated checks.
import { expect } from 'chai';
import type { CaseResult } from '../../harness/report/result.js';
import { FAULTS, type FaultSpec } from '../peers/faults.js';
import { runBuiltin, testConfig } from '../support/run-builtin.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';

let pki: Promise<TestPki> | undefined;

async function runFault(spec: FaultSpec): Promise<CaseResult[]> {
  const side = spec.peer === 'chargePoint' ? 'ChargePoint' : 'Csms';
  const cfg = testConfig();
  if (spec.securityProfile) {
    // One PKI for every security row (generation takes ~0.5 s).
    cfg.security = { profile: spec.securityProfile, basicAuthPassword: '00112233445566778899aabbccddeeff', pkiDir: (await (pki ??= makeTestPki())).dir };
  }
  const outcome = await runBuiltin({
    sides: [side], cases: spec.cases, cfg,
    quirks: spec.peer === 'chargePoint' ? { chargePoint: [spec.fault] } : { csms: [spec.fault] },
  });
  return outcome.run.cases;
}

describe('faulty peers: each fault trips exactly its named checks', function () {
  this.timeout(120_000);
  after(async () => (pki ? (await pki).remove() : undefined));
  for (const spec of FAULTS) {
    it(`${spec.peer} fault "${spec.fault}" on ${spec.cases.join(', ')} → ${spec.kills.join(' + ')}`, async () => {
      const cases = await runFault(spec);
      expect(cases.map((c) => c.id)).to.deep.equal(spec.cases);
      const tripped = [...new Set(cases.flatMap((c) => c.findings.map((f) => f.checkId)))].sort();
      const detail = cases.map((c) => `${c.id} ${c.verdict}: ${c.findings.map((f) => `${f.checkId} (${f.actual})`).join('; ') || c.reason}`).join('\n');
      expect(tripped, detail).to.deep.equal([...spec.kills].sort());
      for (const c of cases) expect(c.verdict, detail).to.equal(spec.verdict ?? 'FAIL');
      if (spec.octt) for (const f of cases.flatMap((c) => c.findings)) expect(f.octt, `${f.checkId}: ${detail}`).to.equal(spec.octt);
    });
  }
});
