// The 2.0.1 cases of block F (remote control: RequestStart/StopTransaction, UnlockConnector,
// TriggerMessage), both sides, against the reference peers: clean they pass, and each named fault that
// breaks a rule these cases judge turns the cases that judge it into a FAIL with the checks it trips.
import { expect } from 'chai';
import { discoverCases } from '../../../harness/runner/discover.js';
import { runBuiltin } from '../../support/run-builtin.js';

type Side = 'ChargePoint' | 'Csms';

const FAULTS: { side: Side; fault: string; cases: string[]; kills: string[] }[] = [
  { side: 'ChargePoint', fault: 'remote-start-without-remote-start-id', cases: ['TC_F_01_CS', 'TC_F_02_CS', 'TC_F_03_CS', 'TC_F_04_CS'], kills: ['payload.mismatch'] },
  { side: 'ChargePoint', fault: 'remote-start-skips-authorize', cases: ['TC_F_02_CS'], kills: ['sequence.missing'] },
  { side: 'ChargePoint', fault: 'ev-connection-timeout-ignored', cases: ['TC_F_04_CS'], kills: ['sequence.missing'] },
  { side: 'ChargePoint', fault: 'remote-stop-trigger-stop-authorized', cases: ['TC_F_08_CS'], kills: ['payload.mismatch'] },
  { side: 'ChargePoint', fault: 'remote-stop-unknown-accepted', cases: ['TC_F_09_CS'], kills: ['payload.mismatch'] },
  { side: 'ChargePoint', fault: 'unlock-connector-always-unlocked', cases: ['TC_F_05_CS', 'TC_F_10_CS'], kills: ['payload.mismatch'] },
  { side: 'ChargePoint', fault: 'unlock-connector-needs-cable', cases: ['TC_F_06_CS', 'TC_F_07_CS'], kills: ['payload.mismatch'] },
  // Not TC_F_20_CS: the station's regular Heartbeat comes within the wait, and F06.FR.10's note lets a
  // message sent by normal operation count as the requested one.
  {
    side: 'ChargePoint', fault: 'trigger-accepted-not-sent',
    cases: ['TC_F_11_CS', 'TC_F_12_CS', 'TC_F_13_CS', 'TC_F_14_CS', 'TC_F_15_CS', 'TC_F_16_CS', 'TC_F_17_CS', 'TC_F_18_CS', 'TC_F_23_CS', 'TC_F_24_CS'],
    kills: ['sequence.missing'],
  },
  { side: 'ChargePoint', fault: 'triggered-readings-periodic', cases: ['TC_F_11_CS', 'TC_F_12_CS', 'TC_F_13_CS', 'TC_F_14_CS'], kills: ['payload.mismatch'] },
  { side: 'ChargePoint', fault: 'triggered-log-status-idle', cases: ['TC_F_16_CS'], kills: ['payload.mismatch'] },
  { side: 'ChargePoint', fault: 'trigger-boot-after-accepted', cases: ['TC_F_26_CS'], kills: ['payload.mismatch'] },
  { side: 'ChargePoint', fault: 'trigger-unknown-rejected', cases: ['TC_F_27_CS'], kills: ['payload.mismatch'] },
  { side: 'Csms', fault: 'request-start-wrong-id-token', cases: ['TC_F_01_CSMS', 'TC_F_02_CSMS', 'TC_F_03_CSMS', 'TC_F_04_CSMS'], kills: ['payload.mismatch'] },
  { side: 'Csms', fault: 'unlock-connector-wrong-connector', cases: ['TC_F_06_CSMS'], kills: ['payload.mismatch'] },
  { side: 'Csms', fault: 'trigger-message-without-evse', cases: ['TC_F_11_CSMS', 'TC_F_13_CSMS', 'TC_F_23_CSMS', 'TC_F_24_CSMS'], kills: ['payload.mismatch'] },
  {
    side: 'Csms', fault: 'trigger-message-wrong-message',
    cases: ['TC_F_11_CSMS', 'TC_F_12_CSMS', 'TC_F_13_CSMS', 'TC_F_14_CSMS', 'TC_F_15_CSMS', 'TC_F_18_CSMS', 'TC_F_23_CSMS', 'TC_F_24_CSMS'],
    kills: ['payload.mismatch'],
  },
  { side: 'Csms', fault: 'heartbeat-without-current-time', cases: ['TC_F_20_CSMS'], kills: ['schema.callResult'] },
];

const detail = (cases: { id: string; verdict: string; reason?: string; findings: { checkId: string; level: string; actual?: unknown }[] }[]) =>
  cases.map((c) => `${c.id} ${c.verdict}: ${c.reason ?? ''} ${c.findings.map((f) => `${f.checkId} ${f.level} (${String(f.actual)})`).join('; ')}`).join('\n');

describe('2.0.1 block F (remote control) against the reference peers', function () {
  this.timeout(240_000);

  for (const side of ['ChargePoint', 'Csms'] as const) {
    it(`every ${side === 'ChargePoint' ? 'charging-station' : 'CSMS'} case passes against the reference peer`, async () => {
      const ids = (await discoverCases()).filter((c) => c.meta.ocpp === '2.0.1' && c.meta.sut === side && /^TC_F_/.test(c.meta.id)).map((c) => c.meta.id);
      expect(ids.length).to.equal(side === 'ChargePoint' ? 23 : 15);
      const outcome = await runBuiltin({ ocpp: '2.0.1', sides: [side], cases: ids, parallel: 2 });
      for (const c of outcome.run.cases) expect(c.verdict, detail(outcome.run.cases)).to.equal('PASS');
    });
  }

  for (const { side, fault, cases, kills } of FAULTS) {
    it(`${side} fault "${fault}" fails ${cases.join(', ')} with ${kills.join(' / ')}`, async () => {
      const quirks = side === 'ChargePoint' ? { chargePoint: [fault] } : { csms: [fault] };
      const outcome = await runBuiltin({ ocpp: '2.0.1', sides: [side], cases, quirks, parallel: 2 });
      expect(outcome.run.cases.map((c) => c.id).sort()).to.deep.equal([...cases].sort());
      for (const c of outcome.run.cases) {
        const text = detail([c]);
        expect(c.verdict, text).to.equal('FAIL');
        const must = c.findings.filter((f) => f.level === 'MUST');
        expect(must.length, text).to.be.greaterThan(0);
        expect(must.every((f) => kills.includes(f.checkId)), text).to.equal(true);
      }
    });
  }
});
