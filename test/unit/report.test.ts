import { expect } from 'chai';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../harness/checks/finding.js';
import { caseLine, summaryBlock } from '../../harness/report/console.js';
import { exitCodeFor, isReady, readiness, summarise } from '../../harness/report/exit-code.js';
import { writeHtmlReport } from '../../harness/report/mochawesome-bridge.js';
import { redactAuthorization, redactFrameText, redactText, redactTrace } from '../../harness/report/redact.js';
import type { CaseResult, RunResult } from '../../harness/report/result.js';
import { readTraceFile, TraceFileError } from '../../harness/report/trace-file.js';
import type { Verdict } from '../../harness/report/verdict.js';
import { writeReports } from '../../harness/report/write-all.js';
import { findAll, parseXml } from '../support/xml.js';
import type { JudgingSettings, TraceEvent } from '../../harness/trace/types.js';

// ---------------------------------------------------------------------------------------------
// Fixture

const BASIC_CREDENTIAL = 'Q1AwMDE6c2VjcmV0'; // base64("CP001:secret")
const AUTH_KEY = '0011223344secret5566778899';
const PEM = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQsecret\n-----END PRIVATE KEY-----';
const JUDGING: JudgingSettings = { responseTimeoutMs: 30_000, toleranceMs: 500, strict: false };

const BOOT_CALL = '[2,"b1","BootNotification",{"chargePointVendor":"ACME","chargePointModel":"X1"}]';
const BOOT_RESULT = '[3,"b1",{"status":"Accepted","currentTime":"2024-05-01T10:00:00.000Z","interval":300}]';

type EventWithoutWall = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 'wall'> : never) : never;

function ev(e: EventWithoutWall): TraceEvent {
  return { wall: '2024-05-01T10:00:00.000Z', ...e } as TraceEvent;
}

function passTrace(): TraceEvent[] {
  return [
    ev({ seq: 0, t: 0, kind: 'ws-open', conn: 0, url: '/ocpp/CP001', identity: 'CP001', offeredProtocols: ['ocpp1.6'], chosenProtocol: 'ocpp1.6', authorization: `Basic ${BASIC_CREDENTIAL}` }),
    ev({ seq: 1, t: 1.5, kind: 'step', step: 1, title: 'Boot', phase: 'start' }),
    ev({ seq: 2, t: 12.34, kind: 'frame', conn: 0, dir: 'in', raw: BOOT_CALL, schema: 'ok' }),
    ev({ seq: 3, t: 14.2, kind: 'frame', conn: 0, dir: 'out', raw: BOOT_RESULT, schema: 'ok' }),
    ev({ seq: 4, t: 15, kind: 'step', step: 1, title: 'Boot', phase: 'end' }),
    ev({ seq: 5, t: 20, kind: 'frame', conn: 0, dir: 'out', raw: `[2,"c1","ChangeConfiguration",{"key":"AuthorizationKey","value":"${AUTH_KEY}"}]` }),
    ev({ seq: 6, t: 25, kind: 'frame', conn: 0, dir: 'in', raw: '[3,"c1",{"status":"Accepted"}]' }),
    ev({ seq: 7, t: 26, kind: 'note', text: `installed key ${PEM}` }),
    ev({ seq: 8, t: 27, kind: 'stimulus', action: 'setPassword', params: { password: 'hunter-secret' }, outcome: 'done' }),
    ev({ seq: 9, t: 30, kind: 'ws-close', conn: 0, code: 1000, reason: '', by: 'peer' }),
  ];
}

function failTrace(): TraceEvent[] {
  return [
    ev({ seq: 0, t: 0, kind: 'ws-open', conn: 0, url: '/ocpp/CP001', identity: 'CP001', offeredProtocols: ['ocpp1.6'], chosenProtocol: 'ocpp1.6', authorization: `Basic ${BASIC_CREDENTIAL}` }),
    ev({ seq: 1, t: 5, kind: 'frame', conn: 0, dir: 'out', raw: '[2,"r1","Reset",{"type":"Hard"}]', schema: 'ok' }),
    ev({ seq: 2, t: 50, kind: 'frame', conn: 0, dir: 'in', raw: '[3,"r1",{"status":"Maybe"}]', schema: 'invalid: /status must be equal to one of the allowed values' }),
    ev({ seq: 3, t: 90, kind: 'frame', conn: 0, dir: 'in', raw: BOOT_CALL }),
  ];
}

const FINDINGS: Finding[] = [
  { checkId: 'schema.conf', level: 'MUST', octt: 'fails', step: 2, requirement: 'ResetResponse status is Accepted or Rejected (OCPP 1.6 §6.38)', expected: 'Accepted | Rejected', actual: 'Maybe', evidence: [2] },
  { checkId: 'timing.notBefore', level: 'MUST', step: 3, requirement: 'BootNotification only after the reset', expected: '>= 100 ms after #2', actual: '40 ms after #2', evidence: [2, 3] },
];

function makeCase(id: string, verdict: Verdict, extra: Partial<CaseResult> = {}): CaseResult {
  return {
    id,
    title: `Title of ${id}`,
    ocpp: '1.6',
    profile: 'Core',
    sut: 'ChargePoint',
    purpose: `Purpose of ${id}`,
    refs: ['OCPP 1.6 §4.2'],
    provenance: 'derived from the specification',
    verdict,
    startedAt: '2024-05-01T10:00:00.000Z',
    durationMs: 1234,
    steps: [{ step: 1, title: 'Boot', startMs: 1.5, endMs: 15, status: 'passed' }],
    findings: [],
    trace: [],
    ...extra,
  };
}

function makeRun(): RunResult {
  const cases: CaseResult[] = [
    makeCase('TC_001_CS', 'PASS', { trace: passTrace() }),
    makeCase('TC_013_CS', 'FAIL', {
      findings: FINDINGS,
      trace: failTrace(),
      steps: [
        { step: 1, title: 'Send Reset', startMs: 5, endMs: 50, status: 'passed' },
        { step: 2, title: 'Check response', startMs: 50, endMs: 51, status: 'failed' },
        { step: 3, title: 'Wait for boot', startMs: 51, endMs: 90, status: 'failed' },
      ],
    }),
    makeCase('TC_056_CS', 'NOT_APPLICABLE', { profile: 'SmartCharging', reason: 'SmartCharging not in features', durationMs: 0, steps: [] }),
    makeCase('TC_020_CS', 'INCONCLUSIVE', { reason: 'operator action timed out', trace: [ev({ seq: 0, t: 0, kind: 'note', text: 'waiting' })] }),
  ];
  return {
    tool: { name: 'ocpp-harness', version: '0.1.0' },
    startedAt: '2024-05-01T10:00:00.000Z',
    finishedAt: '2024-05-01T10:00:05.000Z',
    durationMs: 5000,
    interrupted: false,
    strict: false,
    selection: { ocpp: '1.6', sut: ['ChargePoint'], profiles: ['Core', 'SmartCharging'] },
    errata: [],
    summary: summarise(cases),
    cases,
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(p)));
    else out.push(p);
  }
  return out;
}

interface MawesomeTest { title: string; pass: boolean; fail: boolean; pending: boolean; duration: number; context: string; err: { message?: string; diff?: string } }
interface MawesomeSuite { title: string; tests: MawesomeTest[]; suites: MawesomeSuite[] }

function allTests(s: MawesomeSuite): MawesomeTest[] {
  return [...s.tests, ...s.suites.flatMap(allTests)];
}

// ---------------------------------------------------------------------------------------------

describe('report', function () {
  this.timeout(10_000);
  let dir: string;
  let written: Awaited<ReturnType<typeof writeReports>>;
  const run = makeRun();

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ocpp-harness-report-'));
    written = await writeReports(run, dir, JUDGING);
  });

  after(async () => {
    // REPORT_TEST_KEEP=1 keeps the written reports for a look by eye.
    if (process.env.REPORT_TEST_KEEP) console.log(`      reports kept in ${dir}`);
    else if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes every file and reports no error', async () => {
    expect(written.errors).to.deep.equal([]);
    expect(written.html).to.equal(join(dir, 'index.html'));
    expect(written.mochawesome).to.equal(join(dir, 'mochawesome.html'));
    expect(written.json).to.equal(join(dir, 'results.json'));
    expect(written.junit).to.equal(join(dir, 'junit.xml'));
    expect(written.traces).to.deep.equal(['TC_001_CS', 'TC_013_CS', 'TC_056_CS', 'TC_020_CS'].map((id) => join(dir, 'traces', `${id}.jsonl`)));
    for (const p of [written.json, written.junit, written.html!, written.mochawesome!, join(dir, 'mochawesome.json'), ...written.traces]) {
      expect((await stat(p)).size, p).to.be.greaterThan(0);
    }
  });

  it('results.json carries summary, readiness, cases and findings but no inline traces', async () => {
    const text = await readFile(join(dir, 'results.json'), 'utf8');
    expect(text).to.match(/^\{\n {2}"tool": \{/);
    const doc = JSON.parse(text);
    expect(Object.keys(doc)).to.deep.equal(['tool', 'startedAt', 'finishedAt', 'durationMs', 'interrupted', 'strict', 'selection', 'errata', 'summary', 'readiness', 'cases']);
    expect(doc.summary).to.deep.equal({ PASS: 1, FAIL: 1, NON_STRICT: 0, NOT_APPLICABLE: 1, INCONCLUSIVE: 1, EXPECTED_FAIL: 0, total: 4 });
    expect(doc.cases.map((c: CaseResult) => [c.id, c.verdict])).to.deep.equal([
      ['TC_001_CS', 'PASS'], ['TC_013_CS', 'FAIL'], ['TC_056_CS', 'NOT_APPLICABLE'], ['TC_020_CS', 'INCONCLUSIVE'],
    ]);
    for (const c of doc.cases) {
      expect(c).to.not.have.property('trace');
      expect(c.traceFile).to.equal(`traces/${c.id}.jsonl`);
    }
    const fail = doc.cases[1];
    expect(fail.findings).to.have.length(2);
    expect(fail.findings[0]).to.deep.equal(FINDINGS[0]);
    expect(fail.findings[1]).to.include({ checkId: 'timing.notBefore', step: 3, expected: '>= 100 ms after #2', actual: '40 ms after #2' });
    expect(fail.findings[1].evidence).to.deep.equal([2, 3]);
    expect(doc.cases[2].reason).to.equal('SmartCharging not in features');
    expect(doc.readiness).to.deep.equal([
      { profile: 'Core', sut: 'ChargePoint', status: 'not ready', counts: { PASS: 1, FAIL: 1, NON_STRICT: 0, NOT_APPLICABLE: 0, INCONCLUSIVE: 1, EXPECTED_FAIL: 0 }, failed: ['TC_013_CS'], octtFails: [], notRun: [{ id: 'TC_020_CS', why: 'inconclusive' }] },
      { profile: 'SmartCharging', sut: 'ChargePoint', status: 'ready', counts: { PASS: 0, FAIL: 0, NON_STRICT: 0, NOT_APPLICABLE: 1, INCONCLUSIVE: 0, EXPECTED_FAIL: 0 }, failed: [], octtFails: [], notRun: [] },
    ]);
  });

  it('junit.xml has one testcase per case, a failure with the check id, an error for INCONCLUSIVE and one skipped', async () => {
    const doc = parseXml(await readFile(join(dir, 'junit.xml'), 'utf8'));
    const [suitesEl] = findAll(doc, 'testsuites');
    expect(suitesEl?.attrs).to.include({ tests: '4', failures: '1', errors: '1' });
    const suites = findAll(doc, 'testsuite');
    expect(suites.map((s) => s.attrs.name)).to.deep.equal(['ocpp1.6.ChargePoint.Core', 'ocpp1.6.ChargePoint.SmartCharging']);
    const cases = findAll(doc, 'testcase');
    expect(cases).to.have.length(4);
    expect(cases[0]!.attrs).to.deep.equal({ name: 'TC_001_CS Title of TC_001_CS', classname: 'ocpp1.6.ChargePoint.Core', time: '1.234', status: 'PASS' });
    const failures = findAll(doc, 'failure');
    expect(failures).to.have.length(1);
    expect(failures[0]!.attrs.type).to.equal('schema.conf');
    expect(failures[0]!.attrs.message).to.contain('schema.conf');
    expect(failures[0]!.text).to.contain('[schema.conf] (MUST · OCTT fails this) step 2: ResetResponse status is Accepted or Rejected');
    expect(failures[0]!.text).to.contain('[timing.notBefore] (MUST · the OCTT does not check this) step 3:');
    expect(failures[0]!.text).to.contain('expected: >= 100 ms after #2 / actual: 40 ms after #2 / evidence: #2, #3');
    const skipped = findAll(doc, 'skipped');
    expect(skipped.map((s) => s.attrs.message)).to.deep.equal(['NOT_APPLICABLE: SmartCharging not in features']);
    expect(findAll(doc, 'error').map((e) => e.attrs.message)).to.deep.equal(['INCONCLUSIVE: operator action timed out']);
  });

  it('index.html and mochawesome.html are self-contained and mochawesome.json has the context of every test', async () => {
    for (const page of ['index.html', 'mochawesome.html']) {
      const html = await readFile(join(dir, page), 'utf8');
      expect(html, page).to.match(/^<!doctype html>/i);
      expect(html, page).to.not.match(/<script[^>]+src=/);
      expect(html, page).to.not.match(/<link[^>]+href=/);
    }
    expect(await readFile(join(dir, 'index.html'), 'utf8')).to.contain('id="certification-readiness"').and.not.contain('<div id="report"></div>');
    expect(await readFile(join(dir, 'mochawesome.html'), 'utf8')).to.contain('<div id="report"></div>');
    const report = JSON.parse(await readFile(join(dir, 'mochawesome.json'), 'utf8'));
    expect(report.stats).to.include({ tests: 4, passes: 1, failures: 1, pending: 2 });
    expect(report.stats.duration).to.equal(5000);
    const root = report.results[0] as MawesomeSuite;
    expect(root.suites.map((s) => s.title)).to.deep.equal(['OCPP 1.6']);
    expect(root.suites[0]!.suites.map((s) => s.title)).to.deep.equal(['Core', 'Smart Charging']);
    expect(root.suites[0]!.suites[0]!.suites.map((s) => s.title)).to.deep.equal(['SUT: Charge Point']);
    const tests = allTests(root);
    const byId = (id: string): MawesomeTest => tests.find((t) => t.title.startsWith(`${id} `))!;
    const context = (t: MawesomeTest): { title: string; value: unknown }[] => JSON.parse(t.context);

    const pass = byId('TC_001_CS');
    expect(pass).to.include({ pass: true, title: 'TC_001_CS Title of TC_001_CS', duration: 1234 });
    const passCtx = context(pass);
    expect(passCtx.map((c) => c.title.split(' ')[0])).to.deep.equal(['Verdict', 'Case', 'Steps', 'Findings', 'Wire']);
    const passTraceText = passCtx[4]!.value as string;
    expect(passTraceText).to.contain(`#2 +12.3ms ← ${BOOT_CALL}  schema: ok`);
    expect(passTraceText).to.contain(`#3 +14.2ms → ${BOOT_RESULT}  schema: ok`);
    expect(passTraceText).to.contain('authorization=Basic ***');
    expect(passCtx[1]!.value).to.include({ id: 'TC_001_CS', profile: 'Core', sut: 'ChargePoint', provenance: 'derived from the specification' });

    const fail = byId('TC_013_CS');
    expect(fail.fail).to.equal(true);
    expect(fail.err.message).to.contain('[schema.conf] (MUST · OCTT fails this) step 2');
    expect(fail.err.diff).to.contain('Accepted | Rejected').and.to.contain('Maybe');
    const failCtx = context(fail);
    expect(failCtx[0]!.value).to.equal('FAIL');
    expect(failCtx[3]!.value).to.contain('[timing.notBefore] (MUST · the OCTT does not check this) step 3').and.to.contain('#3 +90.0ms ←');
    expect(failCtx[4]!.value).to.contain('#2 +50.0ms ← [3,"r1",{"status":"Maybe"}]  schema: invalid');

    const na = byId('TC_056_CS');
    expect(na.pending).to.equal(true);
    expect(context(na)[0]!.value).to.equal('NOT_APPLICABLE — SmartCharging not in features');
    expect(byId('TC_020_CS').pending).to.equal(true);
  });

  it('trace files round-trip through readTraceFile, redacted', async () => {
    const { header, events } = await readTraceFile(join(dir, 'traces', 'TC_001_CS.jsonl'));
    expect(header).to.deep.equal({
      kind: 'header', format: 'ocpp-harness-trace/1', caseId: 'TC_001_CS', title: 'Title of TC_001_CS',
      ocpp: '1.6', sut: 'ChargePoint', startedAt: '2024-05-01T10:00:00.000Z', judging: JUDGING,
    });
    const original = passTrace();
    expect(events.map((e) => e.seq)).to.deep.equal(original.map((e) => e.seq));
    expect(events[2]).to.deep.equal(original[2]);
    expect(events[3]).to.deep.equal(original[3]);
    expect(events[0]).to.include({ kind: 'ws-open', authorization: 'Basic ***' });
    const cc = events[5] as Extract<TraceEvent, { kind: 'frame' }>;
    expect(JSON.parse(cc.raw)).to.deep.equal([2, 'c1', 'ChangeConfiguration', { key: 'AuthorizationKey', value: '***' }]);
    expect((events[7] as Extract<TraceEvent, { kind: 'note' }>).text).to.equal('installed key -----BEGIN PRIVATE KEY----- *** -----END PRIVATE KEY-----');
    expect((events[8] as Extract<TraceEvent, { kind: 'stimulus' }>).params).to.deep.equal({ password: '***' });
  });

  it('readTraceFile reports the line of a malformed file', async () => {
    const bad = join(dir, 'bad.jsonl');
    const good = await readFile(join(dir, 'traces', 'TC_013_CS.jsonl'), 'utf8');
    const lines = good.split('\n');
    lines[2] = '{"seq": 1, oops';
    await writeFile(bad, lines.join('\n'));
    let err: unknown;
    try { await readTraceFile(bad); } catch (e) { err = e; }
    expect(err).to.be.instanceOf(TraceFileError);
    expect((err as TraceFileError).line).to.equal(3);
    expect((err as Error).message).to.contain(`${bad}:3: not valid JSON`);

    await writeFile(bad, '{"kind":"frame","seq":0,"t":0}\n');
    try { await readTraceFile(bad); err = undefined; } catch (e) { err = e; }
    expect((err as Error).message).to.contain(':1: expected the trace header');
    await rm(bad);
  });

  it('never writes a secret to any file', async () => {
    const files = await listFiles(dir);
    expect(files.length).to.be.greaterThan(6);
    for (const f of files) {
      const text = await readFile(f, 'utf8');
      expect(text.includes('secret'), `${f} contains "secret"`).to.equal(false);
      expect(text.includes(BASIC_CREDENTIAL), `${f} contains the Basic credential`).to.equal(false);
      expect(text.includes('MIIEvQIBADANBg'), `${f} contains the private key`).to.equal(false);
    }
  });

  it('can build the HTML report again in the same process', async () => {
    const other = await mkdtemp(join(tmpdir(), 'ocpp-harness-report-'));
    try {
      const [a, b] = await Promise.all([writeHtmlReport(run, other), writeHtmlReport({ ...run, cases: run.cases.slice(0, 1) }, join(other, 'second'))]);
      expect((await stat(a)).size).to.be.greaterThan(1000);
      expect((await stat(b)).size).to.be.greaterThan(1000);
      const second = JSON.parse(await readFile(join(other, 'second', 'mochawesome.json'), 'utf8'));
      expect(second.stats.tests).to.equal(1);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});

describe('report: exit codes', () => {
  const cases = (...verdicts: Verdict[]): CaseResult[] => verdicts.map((v, i) => makeCase(`TC_${i}`, v));
  const table: [string, Verdict[], boolean, 0 | 1 | 2][] = [
    ['all pass', ['PASS', 'PASS'], false, 0],
    ['one fail', ['PASS', 'FAIL'], false, 1],
    ['fail among inconclusive', ['INCONCLUSIVE', 'FAIL'], false, 1],
    ['non-strict, not strict', ['PASS', 'NON_STRICT'], false, 0],
    ['non-strict, strict', ['PASS', 'NON_STRICT'], true, 1],
    ['expected fail', ['PASS', 'EXPECTED_FAIL'], true, 0],
    ['zero cases', [], false, 2],
    ['all inconclusive', ['INCONCLUSIVE', 'INCONCLUSIVE'], false, 2],
    ['inconclusive + not applicable', ['INCONCLUSIVE', 'NOT_APPLICABLE'], false, 2],
    ['pass + inconclusive', ['PASS', 'INCONCLUSIVE'], false, 2],
    ['pass + not applicable', ['NOT_APPLICABLE', 'PASS'], true, 0],
    ['all not applicable', ['NOT_APPLICABLE', 'NOT_APPLICABLE'], false, 0],
  ];
  for (const [name, verdicts, strict, code] of table) {
    it(`${name}${strict ? ' (strict)' : ''} → ${code}`, () => {
      expect(exitCodeFor({ cases: cases(...verdicts), strict })).to.equal(code);
    });
  }

  it('summarise and readiness count per verdict', () => {
    const cs = cases('PASS', 'FAIL', 'NON_STRICT', 'FAIL');
    expect(summarise(cs)).to.deep.equal({ PASS: 1, FAIL: 2, NON_STRICT: 1, NOT_APPLICABLE: 0, INCONCLUSIVE: 0, EXPECTED_FAIL: 0, total: 4 });
    expect(readiness(cs)[0]!.failed).to.deep.equal(['TC_1', 'TC_3']);
    expect(readiness(cs, { strict: true })[0]!.failed).to.deep.equal(['TC_1', 'TC_2', 'TC_3']);
  });

  it('a NON_STRICT case the OCTT would fail keeps its profile from "ready" (a false ready is our worst bug)', () => {
    const octtFinding: Finding = { checkId: 'timing.notBefore', level: 'SHOULD', octt: 'fails', requirement: 'r', expected: 'e', actual: 'a', evidence: [] };
    const ours: Finding = { ...octtFinding, octt: 'not-checked' };
    const [row] = readiness([
      { id: 'TC_A', profile: 'Core', sut: 'ChargePoint', verdict: 'NON_STRICT', findings: [octtFinding] },
      { id: 'TC_B', profile: 'Core', sut: 'ChargePoint', verdict: 'NON_STRICT', findings: [ours] },
    ]);
    expect(row!.octtFails).to.deep.equal(['TC_A']);
    expect(isReady(row!)).to.equal(false);
    expect(isReady(readiness([{ id: 'TC_B', profile: 'Core', sut: 'ChargePoint', verdict: 'NON_STRICT', findings: [ours] }])[0]!)).to.equal(true);
  });
});

describe('report: redaction', () => {
  it('keeps the scheme of an Authorization header', () => {
    expect(redactAuthorization(`Basic ${BASIC_CREDENTIAL}`)).to.equal('Basic ***');
    expect(redactAuthorization('justatoken')).to.equal('***');
  });

  it('leaves frames without secrets byte-exact and masks configuration secrets', () => {
    const raw = '[2, "x", "Heartbeat", {}]';
    expect(redactFrameText(raw)).to.equal(raw);
    expect(redactFrameText('[3,"g",{"configurationKey":[{"key":"AuthorizationKey","readonly":false,"value":"abc"}]}]'))
      .to.equal('[3,"g",{"configurationKey":[{"key":"AuthorizationKey","readonly":false,"value":"***"}]}]');
    // not JSON (deliberately broken frame): masked as text
    expect(redactFrameText('[2,"c","ChangeConfiguration",{"key":"AuthorizationKey","value":"abc"}')).to.equal('[2,"c","ChangeConfiguration",{"key":"AuthorizationKey","value":"***"}');
  });

  it('masks free text', () => {
    expect(redactText(`Authorization: Basic ${BASIC_CREDENTIAL}`)).to.equal('Authorization: Basic ***');
    expect(redactText('Basic Charging is fine')).to.equal('Basic Charging is fine');
    expect(redactText('ws://cp:pw123@host/ocpp')).to.equal('ws://cp:***@host/ocpp');
    expect(redactText('--password=hunter2 --x')).to.equal('--password=*** --x');
    expect(redactText(PEM)).to.equal('-----BEGIN PRIVATE KEY----- *** -----END PRIVATE KEY-----');
    expect(redactText('-----BEGIN EC PRIVATE KEY-----\nabc')).to.equal('-----BEGIN EC PRIVATE KEY----- *** -----END EC PRIVATE KEY-----');
    expect(redactText(redactText(PEM))).to.equal(redactText(PEM));
  });

  it('does not modify its input', () => {
    const trace = passTrace();
    const copy = JSON.parse(JSON.stringify(trace));
    redactTrace(trace);
    expect(trace).to.deep.equal(copy);
  });
});

describe('report: console', () => {
  const run = makeRun();
  it('prints one plain line per case without colour on a non-TTY', () => {
    expect(caseLine(run.cases[0]!, { stream: { isTTY: false }, env: {} })).to.equal('  PASS  TC_001_CS  Title of TC_001_CS  (1.23 s)');
    const fail = caseLine(run.cases[1]!, { stream: { isTTY: false }, env: {} }).split('\n');
    expect(fail[0]).to.equal('  FAIL  TC_013_CS  Title of TC_013_CS  (1.23 s)');
    expect(fail[1]).to.equal('        [schema.conf] (MUST · OCTT fails this) step 2: expected Accepted | Rejected / actual Maybe');
    expect(fail).to.have.length(3);
  });

  it('uses colour on a TTY unless NO_COLOR is set', () => {
    expect(caseLine(run.cases[0]!, { stream: { isTTY: true }, env: {} })).to.contain('\x1b[32mPASS');
    expect(caseLine(run.cases[0]!, { stream: { isTTY: true }, env: { NO_COLOR: '1' } })).to.not.contain('\x1b[');
  });

  it('quiet hides passing cases; the summary names the report and the exit code', () => {
    expect(caseLine(run.cases[0]!, { quiet: true, color: false })).to.equal('');
    const block = summaryBlock(run, '/tmp/r', { color: false });
    expect(block).to.contain('4 case(s): PASS 1, FAIL 1, NOT_APPLICABLE 1, INCONCLUSIVE 1');
    expect(block).to.contain('Core').and.to.contain('failed: TC_013_CS');
    expect(block).to.contain('/tmp/r/index.html');
    expect(block).to.contain('Exit code 1: at least one case failed');
  });
});
