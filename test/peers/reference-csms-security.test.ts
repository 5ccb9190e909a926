// The reference CSMS passes every Security case with the CSMS under test, over real TLS, at each
// security profile: a case whose table needs another profile is NOT_APPLICABLE and says which.
import { expect } from 'chai';
import type { CaseResult } from '../../harness/report/result.js';
import { runBuiltin, testConfig } from '../support/run-builtin.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';

const CASES = [
  'TC_073_CSMS', 'TC_074_CSMS', 'TC_075_1_CSMS', 'TC_075_2_CSMS', 'TC_076_CSMS', 'TC_077_CSMS', 'TC_078_CSMS', 'TC_079_CSMS',
  'TC_080_CSMS', 'TC_081_CSMS', 'TC_085_CSMS', 'TC_086_CSMS', 'TC_087_CSMS', 'TC_088_CSMS',
  'X16_SEC_01_CSMS', 'X16_SEC_02_CSMS', 'X16_SEC_03_CSMS', 'X16_SEC_04_CSMS',
];

/** Which cases each profile cannot run (their table's prerequisite names other profiles). */
const NOT_AT: Record<1 | 2 | 3, string[]> = {
  1: ['TC_074_CSMS', 'TC_075_1_CSMS', 'TC_075_2_CSMS', 'TC_077_CSMS', 'TC_078_CSMS', 'TC_086_CSMS', 'TC_087_CSMS', 'X16_SEC_01_CSMS', 'X16_SEC_02_CSMS', 'X16_SEC_03_CSMS'],
  2: ['TC_074_CSMS', 'TC_077_CSMS', 'TC_087_CSMS', 'X16_SEC_01_CSMS', 'X16_SEC_02_CSMS'],
  3: ['TC_073_CSMS', 'TC_085_CSMS', 'X16_SEC_04_CSMS'],
};

describe('reference CSMS: the Security cases over real TLS at security profiles 1, 2 and 3', function () {
  this.timeout(120_000);
  let pki: TestPki;
  before(async () => {
    pki = await makeTestPki();
  });
  after(() => pki?.remove());

  for (const profile of [1, 2, 3] as const) {
    it(`profile ${profile}: every case PASSes, or is NOT_APPLICABLE naming the profile its table needs`, async () => {
      const cfg = testConfig();
      cfg.security = { profile, basicAuthPassword: '0123456789abcdef0123456789abcdef', pkiDir: pki.dir };
      const outcome = await runBuiltin({ sides: ['Csms'], cases: CASES, cfg, parallel: 2 });
      const byId = new Map(outcome.run.cases.map((c: CaseResult) => [c.id, c]));
      const detail = outcome.run.cases.map((c) => `${c.id} ${c.verdict} ${c.reason ?? ''} ${c.findings.map((f) => `${f.checkId}: ${f.actual}`).join('; ')}`).join('\n');
      for (const id of CASES) {
        const result = byId.get(id);
        expect(result, `${id} did not run\n${detail}`).to.not.equal(undefined);
        if (NOT_AT[profile].includes(id)) {
          expect(result!.verdict, detail).to.equal('NOT_APPLICABLE');
          expect(result!.reason, detail).to.match(/security profile/);
        } else {
          expect(result!.verdict, `${id}\n${detail}`).to.equal('PASS');
        }
      }
      if (profile >= 2) {
        // Real TLS: the traces hold established handshakes with a whitepaper suite.
        const tc086 = byId.get('TC_086_CSMS')!;
        const probes = tc086.trace.filter((e) => e.kind === 'tls' && e.probe && e.outcome === 'established');
        expect(probes, detail).to.have.length(4);
      }
    });
  }
});
