// The OCTT document's §1.3 general pre- and post-conditions: a case that stops half-way and leaves a
// transaction running or a connector Unavailable must not change the verdict of any later case.
import { expect } from 'chai';
import type { CaseResult } from '../../harness/report/result.js';
import { runBuiltin } from '../support/run-builtin.js';

// Cases run in catalogue order: each of these runs after the case that leaves something behind.
const LATER = ['TC_017_1_CS', 'TC_018_1_CS', 'TC_019_CS', 'TC_068_CS', 'TC_070_CS'];

function byId(cases: CaseResult[], id: string): CaseResult {
  const c = cases.find((x) => x.id === id);
  if (!c) throw new Error(`${id} did not run`);
  return c;
}

function conditionsDone(c: CaseResult): string[] {
  return c.trace.flatMap((e) => (e.kind === 'conditions' && e.edge === 'end' ? e.done ?? [] : []));
}

describe('§1.3 general conditions: no case inherits the state another left behind', function () {
  this.timeout(120_000);

  it('a Reset accepted and never carried out is a FAIL of its case, and leaves no Unavailable connector to the next', async () => {
    const { run } = await runBuiltin({ sides: ['ChargePoint'], cases: ['TC_013_CS', ...LATER], quirks: { chargePoint: ['reset-accepted-not-executed'] } });
    const reset = byId(run.cases, 'TC_013_CS');
    const later = LATER.map((id) => byId(run.cases, id));
    expect(reset!.verdict, reset!.reason).to.equal('FAIL');
    expect(reset!.findings.map((f) => f.checkId)).to.include('sequence.missing');
    expect(conditionsDone(reset!).join('\n')).to.match(/ChangeAvailability \{"connectorId":1,"type":"Operative"\} → Accepted/);
    for (const c of later) expect(`${c.id} ${c.verdict}`, c.reason).to.equal(`${c.id} PASS`);
  });

  it('a transaction left running by a case that lost its connection is stopped before the next case, which passes', async () => {
    const { run } = await runBuiltin({ sides: ['ChargePoint'], cases: ['TC_012_CS', ...LATER], quirks: { chargePoint: ['disconnect-on-first-remote-stop'] } });
    const stop = byId(run.cases, 'TC_012_CS');
    const [next, ...rest] = LATER.map((id) => byId(run.cases, id));
    expect(stop!.verdict).to.equal('FAIL');
    const pre = conditionsDone(next!).join('\n');
    expect(pre).to.match(/RemoteStopTransaction \{"transactionId":\d+\} → Accepted/);
    expect(pre).to.match(/unplug \{"connectorId":1\} → done/);
    for (const c of [next!, ...rest]) expect(`${c.id} ${c.verdict}`, c.reason).to.equal(`${c.id} PASS`);
  });

  it('the state is verified: a connector that cannot be made Available makes the next case INCONCLUSIVE, naming the case that left it', async () => {
    // The fault leaves connector 1 Faulted and the built-in peer is told to ignore clearFault.
    const { run } = await runBuiltin({ sides: ['ChargePoint'], cases: ['TC_041_CS', 'TC_068_CS'], quirks: { chargePoint: ['fault-cannot-be-cleared'] } });
    const next = byId(run.cases, 'TC_068_CS');
    expect(next!.verdict).to.equal('INCONCLUSIVE');
    expect(next!.reason).to.match(/connector 1 is still Faulted from TC_041_CS/);
  });
});

describe('§1.3: the charger says what it supports', function () {
  this.timeout(60_000);

  it('warns when SupportedFeatureProfiles disagrees with the declared features', async () => {
    const { Writable } = await import('node:stream');
    const { testConfig } = await import('../support/run-builtin.js');
    const { runTests } = await import('../../harness/runner/run.js');
    let text = '';
    const out = new Writable({ write: (c, _e, cb) => { text += String(c); cb(); } });
    const cfg = testConfig();
    cfg.featuresBySut = { ...cfg.featuresBySut, ChargePoint: ['Core', 'RemoteTrigger'] };
    await runTests({ sides: ['ChargePoint'], ocpp: '1.6', profiles: ['all'], cases: ['TC_003_CS', 'TC_019_CS'], cfg, reportDir: '', strict: false, builtin: true, out, noReports: true, parallel: 1 });
    expect(text).to.match(/warning: the charge point's SupportedFeatureProfiles is "[^"]*SmartCharging[^"]*"/);
    expect(text).to.match(/supported by the charger but not declared, their cases are NOT_APPLICABLE: .*SmartCharging/);
  });
});

describe('harness as charge point: it backs off before dialling again (seen on real CSMSs)', function () {
  this.timeout(60_000);

  it('a reconnect comes no sooner than timeouts.reconnectBackoffMs after the close, and the trace says so', async () => {
    const { run } = await runBuiltin({ sides: ['Csms'], cases: ['TC_013_CSMS'] });
    const c = byId(run.cases, 'TC_013_CSMS');
    expect(c.verdict).to.equal('PASS');
    const close = c.trace.find((e) => e.kind === 'ws-close');
    const reopen = c.trace.find((e) => e.kind === 'ws-open' && close && e.seq > close.seq);
    expect(close, 'the case reconnects').to.not.equal(undefined);
    expect(reopen!.t - close!.t).to.be.at.least(950);
    expect(c.trace.some((e) => e.kind === 'note' && /reconnect back-off/.test(e.text))).to.equal(true);
  });
});
