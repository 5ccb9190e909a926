// junit.xml against the JUnit XML schema CI tools follow (the Jenkins xUnit plugin's junit-10.xsd,
// vendored with its provenance in test/fixtures/junit/), for a run with every verdict; and what each
// verdict looks like to a CI job: FAIL a failure, INCONCLUSIVE an error (the run exits 2 on it),
// NON_STRICT a pass that says so, NOT_APPLICABLE and EXPECTED_FAIL skipped with the reason.
import { expect } from 'chai';
import type { Finding } from '../../harness/checks/finding.js';
import { summarise } from '../../harness/report/exit-code.js';
import { junitXml } from '../../harness/report/junit.js';
import type { CaseResult, RunResult } from '../../harness/report/result.js';
import type { Verdict } from '../../harness/report/verdict.js';
import { VERDICTS } from '../../harness/report/verdict.js';
import { validateJunit } from '../support/junit-schema.js';
import { findAll, parseXml, type XmlNode } from '../support/xml.js';

const SHOULD_OCTT_FAILS: Finding = {
  checkId: 'timing.notBefore', level: 'SHOULD', octt: 'fails', step: 7,
  requirement: 'retry no earlier than the interval (OCPP 1.6 §4.2)', expected: '≥ 1.00 s', actual: '+0.26 s', evidence: [11],
};
const SHOULD_NOT_CHECKED: Finding = { ...SHOULD_OCTT_FAILS, checkId: 'rpc.singleOutstandingCall', octt: 'not-checked', step: undefined };
const MUST: Finding = {
  checkId: 'schema.call', level: 'MUST', octt: 'fails', step: 1,
  requirement: 'BootNotification.req is valid', expected: 'valid', actual: 'unexpected property "x" & <more>', evidence: [6],
};

function makeCase(id: string, verdict: Verdict, extra: Partial<CaseResult> = {}): CaseResult {
  return {
    id, title: `Title of ${id}`, ocpp: '1.6', profile: 'Core', sut: 'ChargePoint', purpose: 'p', refs: [], provenance: 'x',
    verdict, startedAt: '2024-05-01T10:00:00.000Z', durationMs: 1000, steps: [], findings: [], trace: [], ...extra,
  };
}

/** One case per verdict (two NON_STRICT: with and without a finding the OCTT fails), over two suites. */
function everyVerdictRun(): RunResult {
  const cases = [
    makeCase('TC_001_CS', 'PASS'),
    makeCase('TC_002_CS', 'FAIL', { findings: [MUST] }),
    makeCase('TC_003_CS', 'NON_STRICT', { findings: [SHOULD_OCTT_FAILS] }),
    makeCase('TC_004_CS', 'NON_STRICT', { findings: [SHOULD_NOT_CHECKED] }),
    makeCase('TC_056_CS', 'NOT_APPLICABLE', { profile: 'SmartCharging', reason: 'profile SmartCharging is not declared', notApplicable: { by: 'declaration' } }),
    makeCase('TC_005_CS', 'INCONCLUSIVE', { reason: 'no connection from CP001 within 10 s "quoted"\u0001' }),
    makeCase('TC_006_CS', 'EXPECTED_FAIL', { findings: [MUST], reason: 'known issue: JIRA-1' }),
  ];
  return {
    tool: { name: 'ocpp-harness', version: '0.1.0' }, startedAt: '2024-05-01T10:00:00.000Z', finishedAt: '2024-05-01T10:00:09.000Z',
    durationMs: 9000, interrupted: false, strict: false, selection: { ocpp: '1.6', sut: ['ChargePoint'], profiles: ['all'] },
    errata: [], summary: summarise(cases), cases,
  };
}

const byId = (doc: XmlNode, id: string): XmlNode => {
  const found = findAll(doc, 'testcase').find((t) => t.attrs.name!.startsWith(`${id} `));
  if (!found) throw new Error(`no testcase ${id}`);
  return found;
};
const childNames = (n: XmlNode): string[] => n.children.map((c) => c.name);
const systemOut = (n: XmlNode): string => n.children.find((c) => c.name === 'system-out')?.text ?? '';
const properties = (doc: XmlNode): Map<string, string> =>
  new Map(findAll(doc, 'property').map((p) => [p.attrs.name!, p.attrs.value!]));

describe('junit.xml against the JUnit schema (junit-10.xsd)', function () {
  this.timeout(20_000);
  const run = everyVerdictRun();
  const xml = junitXml(run);
  const doc = parseXml(xml);

  it('the run covers every verdict', () => {
    expect(new Set(run.cases.map((c) => c.verdict))).to.deep.equal(new Set(VERDICTS));
  });

  it('validates against the schema', async () => {
    const result = await validateJunit(xml);
    expect(result.errors).to.deep.equal([]);
    expect(result.valid).to.equal(true);
  });

  it('the validator refuses what the schema forbids (per-testcase <properties>, a root `skipped`)', async () => {
    const withCaseProperties = xml.replace('<system-out>', '<properties><property name="verdict" value="PASS"/></properties><system-out>');
    const r1 = await validateJunit(withCaseProperties);
    expect(r1.valid).to.equal(false);
    expect(r1.errors.join('\n')).to.contain("Element 'properties'");
    const r2 = await validateJunit(xml.replace('<testsuites ', '<testsuites skipped="1" '));
    expect(r2.valid).to.equal(false);
    expect(r2.errors.join('\n')).to.contain("attribute 'skipped'");
  });

  it('INCONCLUSIVE is an <error> with the reason, counted in errors, not skipped', () => {
    const tc = byId(doc, 'TC_005_CS');
    expect(childNames(tc)).to.deep.equal(['error', 'system-out']);
    const error = tc.children[0]!;
    expect(error.attrs.message).to.equal('INCONCLUSIVE: no connection from CP001 within 10 s "quoted"');
    expect(error.attrs.type).to.equal('INCONCLUSIVE');
    expect(findAll(doc, 'testsuites')[0]!.attrs).to.include({ tests: '7', failures: '1', errors: '1' });
    expect(findAll(doc, 'testsuite')[0]!.attrs).to.include({ errors: '1', skipped: '1', failures: '1' });
  });

  it('NON_STRICT passes, says so first in system-out, and whether the OCTT would fail it', () => {
    const lab = byId(doc, 'TC_003_CS');
    expect(childNames(lab)).to.deep.equal(['system-out']);
    expect(systemOut(lab).split('\n')[0]).to.equal(
      'NON_STRICT: passes, but fails with --strict (a SHOULD missed or a tolerated spelling used); OCTT would fail this (a SHOULD the OCTT tool validation of its step fails)');
    const notLab = byId(doc, 'TC_004_CS');
    expect(childNames(notLab)).to.deep.equal(['system-out']);
    expect(systemOut(notLab).split('\n')[0]).to.equal('NON_STRICT: passes, but fails with --strict (a SHOULD missed or a tolerated spelling used)');
    const props = properties(doc);
    expect(props.get('TC_003_CS.octt')).to.equal('fails');
    expect(props.has('TC_004_CS.octt')).to.equal(false);
  });

  it('a strict run makes NON_STRICT a failure', () => {
    const strict = parseXml(junitXml({ ...run, strict: true }));
    expect(childNames(byId(strict, 'TC_003_CS'))).to.deep.equal(['failure', 'system-out']);
  });

  it('NOT_APPLICABLE (saying by what) and EXPECTED_FAIL are skipped with their reason; FAIL is a failure', () => {
    expect(byId(doc, 'TC_056_CS').children[0]).to.deep.include({ name: 'skipped', attrs: { message: 'NOT_APPLICABLE (by declaration): profile SmartCharging is not declared' } });
    expect(byId(doc, 'TC_006_CS').children[0]).to.deep.include({ name: 'skipped', attrs: { message: 'EXPECTED_FAIL (known issue): known issue: JIRA-1' } });
    const fail = byId(doc, 'TC_002_CS').children[0]!;
    expect(fail.name).to.equal('failure');
    expect(fail.text).to.contain('unexpected property "x" & <more>');
  });

  it('every testcase carries its verdict: the status attribute and a <ID>.verdict property of its suite', () => {
    const props = properties(doc);
    for (const c of run.cases) {
      expect(byId(doc, c.id).attrs.status, c.id).to.equal(c.verdict);
      expect(props.get(`${c.id}.verdict`), c.id).to.equal(c.verdict);
    }
    // The property sits in the suite of its case.
    const smart = findAll(doc, 'testsuite').find((s) => s.attrs.name === 'ocpp1.6.ChargePoint.SmartCharging')!;
    expect(findAll(smart, 'property').map((p) => p.attrs.name)).to.deep.equal(['TC_056_CS.verdict']);
  });
});
