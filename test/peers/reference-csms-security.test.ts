// The reference CSMS passes every Security case with the CSMS under test, over real TLS: --builtin runs
// each case at the security profile its table needs; a CSMS that does not declare that profile gets the
// case NOT_APPLICABLE by declaration, naming the profile.
import { expect } from 'chai';
import type { CaseResult } from '../../harness/report/result.js';
import { runBuiltin, testConfig } from '../support/run-builtin.js';
import { makeTestPki, type TestPki } from '../support/test-pki.js';

const CASES = [
  'TC_073_CSMS', 'TC_074_CSMS', 'TC_075_1_CSMS', 'TC_075_2_CSMS', 'TC_076_CSMS', 'TC_077_CSMS', 'TC_078_CSMS', 'TC_079_CSMS',
  'TC_080_CSMS', 'TC_081_CSMS', 'TC_085_CSMS', 'TC_086_CSMS', 'TC_087_CSMS', 'TC_088_CSMS',
  'X16_SEC_01_CSMS', 'X16_SEC_02_CSMS', 'X16_SEC_03_CSMS', 'X16_SEC_04_CSMS',
];

/** Cases whose table needs profile 3 only: N/A for a CSMS declaring only profile 2. */
const NOT_AT_2 = ['TC_074_CSMS', 'TC_077_CSMS', 'TC_087_CSMS', 'X16_SEC_01_CSMS', 'X16_SEC_02_CSMS'];

describe('reference CSMS: the Security cases over real TLS at security profiles 1, 2 and 3', function () {
  this.timeout(120_000);
  let pki: TestPki;
  before(async () => {
    pki = await makeTestPki();
  });
  after(() => pki?.remove());

  for (const profile of [1, 2, 3] as const) {
    it(`configured at profile ${profile}: --builtin runs every case at the profile its table needs, and every case PASSes`, async () => {
      const cfg = testConfig();
      cfg.security = { profile, basicAuthPassword: '0123456789abcdef0123456789abcdef', pkiDir: pki.dir };
      const outcome = await runBuiltin({ sides: ['Csms'], cases: CASES, cfg, parallel: 2 });
      const byId = new Map(outcome.run.cases.map((c: CaseResult) => [c.id, c]));
      const detail = outcome.run.cases.map((c) => `${c.id} ${c.verdict} ${c.reason ?? ''} ${c.findings.map((f) => `${f.checkId}: ${f.actual}`).join('; ')}`).join('\n');
      for (const id of CASES) {
        const result = byId.get(id);
        expect(result, `${id} did not run\n${detail}`).to.not.equal(undefined);
        expect(result!.verdict, `${id}\n${detail}`).to.equal('PASS');
      }
      // Real TLS: the traces hold established handshakes with a whitepaper suite, one per suite.
      const tc086 = byId.get('TC_086_CSMS')!;
      const probes = tc086.trace.filter((e) => e.kind === 'tls' && e.probe && e.outcome === 'established');
      expect(probes, detail).to.have.length(4);
    });
  }

  it('a CSMS declaring only profile 2: the cases needing profile 3 are NOT_APPLICABLE by declaration, the rest PASS at 2', async () => {
    const cfg = testConfig();
    cfg.security = { profile: 2, basicAuthPassword: '0123456789abcdef0123456789abcdef', pkiDir: pki.dir };
    cfg.declarationsBySut = { ...cfg.declarationsBySut, Csms: { ...(cfg.declarationsBySut?.Csms ?? cfg.declarations), securityProfiles: [2] } } as typeof cfg.declarationsBySut;
    const outcome = await runBuiltin({ sides: ['Csms'], cases: CASES, cfg, parallel: 2 });
    const detail = outcome.run.cases.map((c) => `${c.id} ${c.verdict} ${c.reason ?? ''}`).join('\n');
    for (const c of outcome.run.cases) {
      if (NOT_AT_2.includes(c.id)) {
        expect([c.verdict, c.notApplicable?.by], `${c.id}\n${detail}`).to.deep.equal(['NOT_APPLICABLE', 'declaration']);
        expect(c.reason, detail).to.match(/security profile/);
      } else {
        expect(c.verdict, `${c.id}\n${detail}`).to.equal('PASS');
      }
    }
  });
});
