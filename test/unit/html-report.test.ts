// The harness's own index.html (harness/report/html/), checked without a browser: the six verdict
// looks, the words on the lines, escaping of hostile SUT text, evidence marking, the chart cap,
// pictures, wall-clock times, and rejudge --chart. The browser test (npm run test:browser) checks
// the same page as a person sees it.
import { expect } from 'chai';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../harness/checks/finding.js';
import { summarise } from '../../harness/report/exit-code.js';
import { prettyJsonText, scriptJson } from '../../harness/report/html/escape.js';
import { picturesFor } from '../../harness/report/html/pictures.js';
import { readinessWord } from '../../harness/report/html/readiness-table.js';
import { sequenceChart } from '../../harness/report/html/sequence-chart.js';
import { VERDICT_LOOK } from '../../harness/report/html/verdict-style.js';
import { buildIndexHtml } from '../../harness/report/html/write-html.js';
import { wallTimeMs } from '../../harness/report/html/page.js';
import { redactFrameText } from '../../harness/report/redact.js';
import type { CaseResult, ReadinessRow, RunResult } from '../../harness/report/result.js';
import { VERDICTS, type Verdict } from '../../harness/report/verdict.js';
import { writeReports } from '../../harness/report/write-all.js';
import type { TraceEvent } from '../../harness/trace/types.js';
import { runCli } from '../support/cli.js';

const HOSTILE = '</script><img src=x onerror=alert(1)>';
let seq = 0;
function frame(dir: 'in' | 'out', raw: string, t: number, extra: Partial<TraceEvent> = {}): TraceEvent {
  return { kind: 'frame', seq: seq++, t, wall: '2024-05-01T10:00:00.000Z', conn: 0, dir, raw, ...extra } as TraceEvent;
}

function bootTrace(): TraceEvent[] {
  seq = 0;
  return [
    { kind: 'ws-open', seq: seq++, t: 0, wall: '2024-05-01T10:00:00.000Z', conn: 0, url: '/ocpp/CP001', identity: 'CP001', offeredProtocols: ['ocpp1.6'], chosenProtocol: 'ocpp1.6' },
    { kind: 'step', seq: seq++, t: 1, wall: '2024-05-01T10:00:00.000Z', step: 1, title: 'Boot', phase: 'start' },
    frame('in', '[2,"b1","BootNotification",{"chargePointVendor":"ACME","chargePointModel":"X1"}]', 2, { schema: 'ok' }),
    frame('out', '[3,"b1",{"status":"Accepted","currentTime":"2024-05-01T10:00:00.000Z","interval":300}]', 3, { schema: 'ok' }),
    { kind: 'step', seq: seq++, t: 4, wall: '2024-05-01T10:00:00.000Z', step: 1, title: 'Boot', phase: 'end' },
    frame('out', '[2,"r1","Reset",{"type":"Hard"}]', 5, { schema: 'ok' }),
    frame('in', `[3,"r1",{"status":"${HOSTILE.replace(/"/g, '\\"')}"}]`, 6, { schema: 'invalid: /status must be equal to one of the allowed values' }),
    frame('out', '[2,"k1","ChangeConfiguration",{"key":"AuthorizationKey","value":"topsecret0011"}]', 7),
    frame('in', '[4,"k1","NotSupported","",{}]', 8),
  ];
}

const RESET_FINDING: Finding = {
  checkId: 'schema.conf', level: 'MUST', octt: 'fails', step: 2, requirement: `ResetResponse status is Accepted or Rejected\n(OCPP 1.6 §6.38) ${HOSTILE}`,
  expected: 'Accepted | Rejected', actual: `${HOSTILE}\nsecond line`, evidence: [6],
};
const SHOULD_FINDING: Finding = { checkId: 'timing.notBefore', level: 'SHOULD', octt: 'fails', step: 7, requirement: 'wait', expected: '≥ 1 s', actual: '0.25 s', evidence: [2] };

function makeCase(id: string, verdict: Verdict, extra: Partial<CaseResult> = {}): CaseResult {
  return {
    id, title: `Title of ${id}`, ocpp: '1.6', profile: 'Core', sut: 'ChargePoint', purpose: 'p', refs: ['OCPP 1.6 §4.2'],
    provenance: 'derived', verdict, startedAt: '2024-05-01T10:00:00.000Z', durationMs: 1000, steps: [], findings: [], trace: [], ...extra,
  };
}

function everyVerdictRun(): RunResult {
  const cases: CaseResult[] = [
    makeCase('TC_P', 'PASS', { trace: bootTrace() }),
    makeCase('TC_F', 'FAIL', { trace: bootTrace(), findings: [RESET_FINDING], title: `Hostile ${HOSTILE}` }),
    makeCase('TC_NS', 'NON_STRICT', { trace: bootTrace(), findings: [SHOULD_FINDING] }),
    makeCase('TC_NA', 'NOT_APPLICABLE', { reason: 'needs declaration fixedCable = true', notApplicable: { by: 'declaration' } }),
    makeCase('TC_INC', 'INCONCLUSIVE', { reason: 'cannot connect to ws://127.0.0.1:9/ocpp/CP001', sut: 'Csms' }),
    makeCase('TC_XF', 'EXPECTED_FAIL', { reason: 'known issue: fixed in 1.3', findings: [RESET_FINDING] }),
  ];
  return {
    tool: { name: 'ocpp-harness', version: '0.1.0' }, startedAt: '2024-05-01T10:00:00.000Z', finishedAt: '2024-05-01T10:00:05.000Z',
    durationMs: 5000, interrupted: false, strict: false, selection: { ocpp: '1.6', sut: ['ChargePoint', 'Csms'], profiles: ['Core'] },
    errata: [], summary: summarise(cases), cases,
  };
}

/** The `<details>` element of one case. */
function caseHtml(html: string, id: string): string {
  const start = html.indexOf(`id="case-${id}"`);
  expect(start, `case ${id}`).to.be.greaterThan(0);
  return html.slice(html.lastIndexOf('<details', start), html.indexOf('</details>', start));
}

function summaryLine(html: string, id: string): string {
  const c = caseHtml(html, id);
  return c.slice(c.indexOf('<summary>'), c.indexOf('</summary>'));
}

describe('HTML report (index.html)', () => {
  const html = buildIndexHtml(everyVerdictRun(), { toleranceMs: 500 });

  it('gives each verdict its own class, colour and data-verdict, on the case line and in the summary', () => {
    expect(new Set(VERDICTS.map((v) => VERDICT_LOOK[v].cls)).size).to.equal(6);
    expect(new Set(VERDICTS.map((v) => VERDICT_LOOK[v].fg)).size).to.equal(6);
    const ids: Record<Verdict, string> = { PASS: 'TC_P', FAIL: 'TC_F', NON_STRICT: 'TC_NS', NOT_APPLICABLE: 'TC_NA', INCONCLUSIVE: 'TC_INC', EXPECTED_FAIL: 'TC_XF' };
    for (const v of VERDICTS) {
      const c = caseHtml(html, ids[v]);
      expect(c).to.match(new RegExp(`^<details class="case ${VERDICT_LOOK[v].cls}"[^>]* data-verdict="${v}"`));
      expect(summaryLine(html, ids[v])).to.contain(`class="badge verdict ${VERDICT_LOOK[v].cls}" data-verdict="${v}"`);
      expect(html).to.match(new RegExp(`<div id="summary"[^]*class="chip ${VERDICT_LOOK[v].cls}" data-verdict="${v}"[^>]*>[^<]*<b>1</b>`));
      expect(html).to.contain(`.${VERDICT_LOOK[v].cls}{--vfg:${VERDICT_LOOK[v].fg}`);
    }
  });

  it('says why on the line: N/A and INCONCLUSIVE reasons, NON_STRICT --strict and OCTT words, EXPECTED_FAIL', () => {
    expect(summaryLine(html, 'TC_NA')).to.contain('needs declaration fixedCable = true');
    expect(summaryLine(html, 'TC_INC')).to.contain('cannot connect to ws://127.0.0.1:9/ocpp/CP001');
    expect(summaryLine(html, 'TC_NS')).to.contain('passes, fails with --strict').and.contain('OCTT would fail this');
    expect(summaryLine(html, 'TC_XF')).to.contain('known issue: does not fail the run');
    expect(summaryLine(html, 'TC_P')).to.not.contain('class="why"');
    const strict = buildIndexHtml({ ...everyVerdictRun(), strict: true }, { toleranceMs: 500 });
    expect(summaryLine(strict, 'TC_NS')).to.contain('fails: this run is --strict');
  });

  it('escapes SUT text everywhere: no markup of it survives, the frame data block cannot be closed early', () => {
    expect(html).to.not.contain('<img');
    expect(html.match(/<\/script>/g)!.length).to.equal(html.match(/<script[\s>]/g)!.length);
    const f = caseHtml(html, 'TC_F');
    expect(f).to.contain('&#60;/script&#62;&#60;img src=x onerror=alert(1)&#62;\nsecond line');
    const block = /<script type="application\/json" class="frames-data">([^<]*)<\/script>/.exec(f);
    const frames = JSON.parse(block![1]!) as Record<string, string>;
    expect(frames['6']).to.contain(HOSTILE.replace(/"/g, '\\"'));
  });

  it('masks secrets in frames and texts', () => {
    expect(html).to.not.contain('topsecret0011');
    expect(html).to.contain('***');
  });

  it('shows a finding in full: level, OCTT axis, step, requirement, expected and actual with line breaks, evidence', () => {
    const f = caseHtml(html, 'TC_F');
    expect(f).to.match(/<span class="lvl">MUST<\/span><span class="octt octt-fails">OCTT fails this<\/span><span class="f-step">step 2<\/span>/);
    expect(f).to.contain('<dt>expected</dt><dd>Accepted | Rejected</dd>');
    expect(f).to.contain('class="evidence-link" data-seq="6"');
    expect(f).to.match(/details class="case[^>]* open>/); // a failing case is open: nothing to expand
  });

  it('the sequence chart marks exactly the cited frames, pairs answers with their CALL, marks schema-invalid frames', () => {
    const f = caseHtml(html, 'TC_F');
    const evidence = [...f.matchAll(/<g class="msg [^"]*\bevidence\b[^"]*" data-seq="(\d+)"/g)].map((m) => m[1]);
    expect(evidence).to.deep.equal(['6']);
    expect(f).to.match(/<g class="msg in schema-invalid evidence" data-seq="6"/);
    expect(f).to.contain('→ result of BootNotification #b1');
    expect(f).to.contain('→ result of Reset #r1');
    expect(f).to.contain('→ error NotSupported of ChangeConfiguration #k1');
    expect(f).to.contain('Step 1: Boot');
    expect(f).to.contain('Harness (CSMS)').and.contain('Charge point CP001');
    // a case that cites nothing marks nothing
    expect(caseHtml(html, 'TC_P')).to.not.match(/class="msg [^"]*\bevidence\b/);
  });

  it('caps the chart of a huge trace and names the evidence beyond it', () => {
    seq = 0;
    const trace: TraceEvent[] = [];
    for (let i = 0; i < 10_000; i++) trace.push(frame(i % 2 ? 'out' : 'in', `[2,"h${i}","Heartbeat",{}]`, i * 10));
    const chart = sequenceChart(trace, [{ ...SHOULD_FINDING, evidence: [9000] }], 'ChargePoint', { maxRows: 200 });
    expect(chart.drawnFrames).to.equal(200);
    expect(Object.keys(chart.frames)).to.have.length(200);
    expect(chart.note).to.contain('first 200 of 10000 frames').and.contain('#9000');
    const page = buildIndexHtml({ ...everyVerdictRun(), cases: [makeCase('TC_BIG', 'FAIL', { trace, findings: [SHOULD_FINDING] })] }, { toleranceMs: 500 });
    expect(page.length).to.be.lessThan(1_000_000);
    expect(page).to.contain('first 300 of 10000 frames');
  });

  it('survives a frame nested 200 000 levels deep (no recursion over SUT data)', () => {
    const deep = `[2,"d1","DataTransfer",{"vendorId":"v","data":${'['.repeat(200_000)}${']'.repeat(200_000)}}]`;
    expect(() => redactFrameText(deep)).to.not.throw();
    const pretty = prettyJsonText(deep);
    expect(pretty).to.contain('cut: the frame is');
    seq = 0;
    const page = buildIndexHtml({ ...everyVerdictRun(), cases: [makeCase('TC_DEEP', 'PASS', { trace: [frame('in', deep, 1)] })] }, { toleranceMs: 500 });
    expect(page).to.contain('DataTransfer #d1');
  });

  it('prettyJsonText indents JSON and leaves other text as it came', () => {
    expect(prettyJsonText('[2,"a","Heartbeat",{}]')).to.equal('[\n  2,\n  "a",\n  "Heartbeat",\n  {}\n]');
    expect(prettyJsonText('{"a":"x, {y}"}')).to.equal('{\n  "a": "x, {y}"\n}');
    expect(prettyJsonText('not json, at all')).to.equal('not json, at all');
    expect(scriptJson({ a: '</script>' })).to.equal('{"a":"\\u003c/script>"}');
  });

  it('a group\'s time is wall time (first start to last end), not the sum of its lanes', () => {
    const lanes = [
      { startedAt: '2024-05-01T10:00:00.000Z', durationMs: 30_000 },
      { startedAt: '2024-05-01T10:00:00.000Z', durationMs: 40_000 },
      { startedAt: '2024-05-01T10:00:10.000Z', durationMs: 42_000 },
    ];
    expect(wallTimeMs(lanes)).to.equal(52_000);
  });

  it('readiness shows a row\'s own status word when it has one, else yes/no', () => {
    const row: ReadinessRow = { status: 'ready', profile: 'Core', sut: 'ChargePoint', counts: { PASS: 1, FAIL: 0, NON_STRICT: 0, NOT_APPLICABLE: 0, INCONCLUSIVE: 0, EXPECTED_FAIL: 0 }, failed: [], octtFails: [], notRun: [] };
    expect(readinessWord(row)).to.deep.equal({ word: 'yes', ready: true });
    expect(readinessWord({ ...row, status: 'not ready', failed: ['TC_1'] })).to.deep.equal({ word: 'no', ready: false });
    expect(readinessWord({ ...row, status: 'incomplete', notRun: [{ id: 'TC_2', why: 'control', actions: ['plugIn'] }] }).word).to.equal('incomplete: 1 not run');
    expect(readinessWord({ ...row, status: 'not declared' }).word).to.equal('not declared');
    expect(html).to.match(/<td class="ready ready-no">no<\/td>/);
  });

  it('pictures: composite schedule (expected vs reported) and heartbeat intervals, none without data', () => {
    seq = 0;
    const sc: TraceEvent[] = [
      frame('out', JSON.stringify([2, 's1', 'SetChargingProfile', { connectorId: 1, csChargingProfiles: { chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute', chargingSchedule: { startSchedule: '2024-05-01T10:00:00Z', chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }, { startPeriod: 60, limit: 8 }] } } }]), 1),
      frame('in', '[3,"s1",{"status":"Accepted"}]', 2),
      frame('out', '[2,"g1","GetCompositeSchedule",{"connectorId":1,"duration":120,"chargingRateUnit":"A"}]', 3),
      frame('in', JSON.stringify([3, 'g1', { status: 'Accepted', connectorId: 1, scheduleStart: '2024-05-01T10:00:00Z', chargingSchedule: { duration: 120, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }, { startPeriod: 90, limit: 8 }] } }]), 4),
    ];
    const [pic] = picturesFor({ profile: 'SmartCharging', sut: 'ChargePoint', trace: sc }, 500);
    expect(pic).to.include({ kind: 'composite', unit: 'A', seq: 3 });
    if (pic?.kind !== 'composite') throw new Error('not a composite picture');
    expect(pic.x).to.deep.equal([0, 60, 90, 120]);
    expect(pic.expected).to.deep.equal([16, 8, 8, 8]);
    expect(pic.reported).to.deep.equal([16, 16, 8, 8]);
    expect(picturesFor({ profile: 'Core', sut: 'ChargePoint', trace: sc }, 500)).to.deep.equal([]);

    seq = 0;
    const hb: TraceEvent[] = [
      frame('in', '[2,"b","BootNotification",{"chargePointVendor":"A","chargePointModel":"B"}]', 0),
      frame('out', '[3,"b",{"status":"Accepted","currentTime":"2024-05-01T10:00:00Z","interval":2}]', 1),
      frame('in', '[2,"h1","Heartbeat",{}]', 2000),
      frame('in', '[2,"h2","Heartbeat",{}]', 4100),
      frame('in', '[2,"h3","Heartbeat",{}]', 5000),
    ];
    const [iv] = picturesFor({ profile: 'Core', sut: 'ChargePoint', trace: hb }, 500);
    expect(iv).to.deep.include({ kind: 'interval', configured: 2, toleranceS: 0.5, observed: [2.1, 0.9], x: [4.1, 5] });
    expect(picturesFor({ profile: 'Core', sut: 'ChargePoint', trace: hb.slice(0, 3) }, 500)).to.deep.equal([]);
    expect(picturesFor({ profile: 'Core', sut: 'Csms', trace: hb }, 500)).to.deep.equal([]);
  });
});

describe('rejudge --chart', function () {
  this.timeout(30_000);
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ocpp-harness-chart-'));
    await writeReports({ ...everyVerdictRun(), cases: [makeCase('TC_F', 'FAIL', { trace: bootTrace(), findings: [RESET_FINDING] })] }, dir, { responseTimeoutMs: 3000, toleranceMs: 500, strict: false });
  });
  after(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

  it('writes <trace>.sequence.html with the chart, the verdict and the evidence marked', async () => {
    const trace = join(dir, 'traces', 'TC_F.jsonl');
    const result = await runCli(['rejudge', trace, '--chart']);
    const out = join(dir, 'traces', 'TC_F.sequence.html');
    expect(result.stdout).to.contain(`chart: ${out}`);
    const page = await readFile(out, 'utf8');
    expect(page).to.match(/^<!doctype html>/);
    expect(page).to.contain('<svg class="seq"').and.contain('→ result of Reset #r1').and.not.contain('<img');
    expect(page).to.match(/<g class="msg in schema-invalid[^"]*" data-seq="6"/);
    expect(page).to.match(/data-verdict="(FAIL|NON_STRICT)"/);
  });

  it('writes to the file given, and says so on stderr with --json', async () => {
    const out = join(dir, 'chart.html');
    const result = await runCli(['rejudge', join(dir, 'traces', 'TC_F.jsonl'), '--chart', out, '--json']);
    expect(JSON.parse(result.stdout)).to.have.property('verdict');
    expect(result.stderr).to.contain(`chart: ${out}`);
    expect((await readFile(out, 'utf8')).length).to.be.greaterThan(1000);
  });
});
