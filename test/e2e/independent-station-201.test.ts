// The harness's OCPP 2.0.1 charging-station verdicts checked against a station it did not write
// (test/independent/ocpp201/, on ocpp-rpc alone, written from Part 2): every verdict below was read against
// its Part 6 table before it was asserted. The CLI plays the CSMS over real sockets; the station runs in
// this process and is driven through its HTTP control endpoint, like a real product's test API.
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  IndependentChargingStation201, type IndependentCs201Defect, type IndependentCs201Variant,
} from '../independent/ocpp201/charging-station.js';
import { runCli } from '../support/cli.js';
import { freePort } from '../support/free-port.js';

interface CaseResult { id: string; verdict: string; reason?: string; findings: { checkId: string; level: string; step: number | string }[] }

// What the station implements, by Part 5 ids: configurable TxStartPoint/TxStopPoint with EVConnected,
// Authorized, PowerPathClosed and EnergyTransfer; ISO14443 cards locally and remotely; remote starts with and
// without authorization; IEC 61851-1 (AQ-9) with a detachable cable (HFS-1); StopTxOnEVSideDisconnect true
// and unlocking then (C-06.2, C-12.1); AlignedDataCtrlr.SendDuringIdle (C-28). Not: reset per EVSE (C-13, but
// see variant reset-per-evse), signed meter values (C-42), offline authorization (C-01), cache or local list,
// DataSigned / parking bay points.
const PICS = ['C-09.1', 'C-09.2', 'C-09.4', 'C-09.5', 'C-10.1', 'C-10.2', 'C-10.3', 'C-10.4', 'C-51', 'C-52',
  'C-30', 'C-36', 'C-48.1', 'C-48.2', 'AQ-9', 'HFS-1', 'C-06.2', 'C-12.1', 'C-28'];
// The fixed-tx-points product: TxStartPoint and TxStopPoint read-only "EVConnected,Authorized".
const FIXED_PICS = ['C-09.1', 'C-09.2', 'C-10.1', 'C-10.2', 'C-30', 'C-36', 'C-48.1', 'C-48.2', 'AQ-9', 'HFS-1', 'C-06.2', 'C-12.1'];

// Every case of blocks B, E, J, P the station supports, PASS. Left out: TC_B_47/50 (need TLS);
// TC_E_41/E_42 (retry after no answer: MessageTimeout is 30 s, each case takes over a minute, PASS by hand);
// TC_B_45/46 with the default slots 0,1,2 and with slots 0,1 (variant slots-zero-one): suspected false FAILs,
// the shared migration steps take the slots to be 1 and 2 whatever the station has (they read priority "0" as
// slot 1, write "2,1", and ask slot 2 of a station whose valuesList is 0,1, which B09.FR.05 makes it Reject).
// With slots 1 and 2 (variant slots-one-two) they PASS, below, and so does TC_B_49 (fallback, C-47).
const B_PASS = ['TC_B_01_CS', 'TC_B_02_CS', 'TC_B_03_CS', 'TC_B_06_CS', 'TC_B_07_CS', 'TC_B_09_CS', 'TC_B_10_CS', 'TC_B_11_CS',
  'TC_B_12_CS', 'TC_B_13_CS', 'TC_B_15_CS', 'TC_B_20_CS', 'TC_B_21_CS', 'TC_B_22_CS', 'TC_B_23_CS', 'TC_B_28_CS', 'TC_B_29_CS',
  'TC_B_30_CS', 'TC_B_32_CS', 'TC_B_33_CS', 'TC_B_34_CS', 'TC_B_35_CS', 'TC_B_36_CS', 'TC_B_37_CS', 'TC_B_39_CS', 'TC_B_43_CS',
  'TC_B_51_CS', 'TC_B_52_CS', 'TC_B_53_CS', 'TC_B_57_CS'];
const E_PASS = ['TC_E_01_CS', 'TC_E_02_CS', 'TC_E_03_CS', 'TC_E_04_CS', 'TC_E_05_CS', 'TC_E_06_CS', 'TC_E_07_CS', 'TC_E_08_CS',
  'TC_E_09_CS', 'TC_E_10_CS', 'TC_E_13_CS', 'TC_E_14_CS', 'TC_E_15_CS', 'TC_E_20_CS', 'TC_E_21_CS', 'TC_E_22_CS', 'TC_E_24_CS',
  'TC_E_28_CS', 'TC_E_29_CS', 'TC_E_30_CS', 'TC_E_31_CS', 'TC_E_32_CS', 'TC_E_33_CS', 'TC_E_34_CS', 'TC_E_35_CS', 'TC_E_37_CS',
  'TC_E_39_CS', 'TC_E_40_CS', 'TC_E_44_CS', 'TC_E_50_CS', 'TC_E_51_CS'];
const JP_PASS = ['TC_J_01_CS', 'TC_J_02_CS', 'TC_J_03_CS', 'TC_J_06_CS', 'TC_J_07_CS', 'TC_J_08_CS', 'TC_J_09_CS', 'TC_J_10_CS', 'TC_P_01_CS', 'TC_P_03_CS'];
// NOT_APPLICABLE, each for the reason asserted: Part 5 conditions the declared PICS do not meet, or a
// prerequisite the station's own configuration rules out (E_17: UnlockOnEVSideDisconnect is read-only true).
const NOT_APPLICABLE: Record<string, RegExp> = {
  TC_B_25_CS: /C-13/, TC_E_16_CS: /C-01/, TC_E_17_CS: /UnlockOnEVSideDisconnect/, TC_E_38_CS: /C-09\.5/, TC_J_04_CS: /C-42/,
};

// Conforming choices (charging-station.ts) the tables allow: the cases they touch still PASS.
const VARIANTS: IndependentCs201Variant[] = ['status-via-notify-event', 'evse-availability-events', 'authorize-remote-start', 'report-in-one-part',
  'evse-once', 'continuous-seqno', 'aligned-per-evse', 'slots-one-two', 'reset-per-evse', 'security-event-first', 'datatransfer-rejected'];
// Not asserted, a suspected false FAIL left for the case owners: variant `charging-with-trigger` (the power path
// closing reported in the event of its cause, Authorized or CablePluggedIn, with chargingState Charging, as
// Part 2 E02.FR.17's note and E02.FR.20 ask) FAILs TC_E_02/03/04/06/15/21_CS, whose shared reusable state
// EnergyTransferStarted (Part 6 Table 430 steps 7/9) demands a separate ChargingStateChanged; TC_E_03 even
// ignores a Started/Authorized event that matches Table 428 step 3 and waits for one that never comes.
// Likewise variant `meter-defaults-omitted` (sampled values without the fields that have their schema default,
// context Sample.Periodic among them) FAILs TC_J_09/J_10_CS: they demand context present, where Part 2's
// SampledValueType says absent means Sample.Periodic (the same tables already let the measurand be omitted).
const VARIANT_PASS = ['TC_B_01_CS', 'TC_B_02_CS', 'TC_B_45_CS', 'TC_B_46_CS', 'TC_B_49_CS', 'TC_B_25_CS', 'TC_B_26_CS', 'TC_B_27_CS', 'TC_B_12_CS', 'TC_B_13_CS', 'TC_B_20_CS', 'TC_B_21_CS', 'TC_B_22_CS', 'TC_B_23_CS', 'TC_B_51_CS', 'TC_B_52_CS',
  'TC_E_03_CS', 'TC_E_04_CS', 'TC_E_13_CS', 'TC_E_14_CS', 'TC_E_21_CS', 'TC_E_40_CS', 'TC_E_44_CS', 'TC_J_01_CS', 'TC_J_07_CS', 'TC_P_01_CS'];
const FIXED_PASS = ['TC_E_03_CS', 'TC_E_04_CS', 'TC_E_06_CS', 'TC_E_09_CS', 'TC_E_10_CS', 'TC_E_13_CS', 'TC_E_15_CS', 'TC_E_21_CS', 'TC_E_20_CS'];

describe('independent OCPP 2.0.1 charging station (not written with the harness) judged over real sockets', function () {
  this.timeout(150_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-independent-201-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Start a station, run the CLI as its CSMS on the given cases, stop the station; results.json's cases by id. */
  async function runStation(name: string, cases: string[], opts: { pics?: string[]; variants?: IndependentCs201Variant[]; defects?: IndependentCs201Defect[] } = {}): Promise<Map<string, CaseResult>> {
    const port = await freePort();
    const station = new IndependentChargingStation201({ url: `ws://127.0.0.1:${port}/ocpp`, identity: 'IND201', variants: opts.variants ?? [], defects: opts.defects ?? [] });
    const { controlUrl } = await station.start();
    try {
      const cfg = join(dir, `${name}.json`);
      writeFileSync(cfg, JSON.stringify({ identity: 'IND201', declarations: { pics: opts.pics ?? PICS }, sutControl: { type: 'http', url: controlUrl } }));
      const out = join(dir, name);
      const result = await runCli(['test', 'charge-point', '--ocpp', '2.0.1', '--listen', `127.0.0.1:${port}`, '--config', cfg,
        '--report-dir', out, '--cases', cases.join(','), '--quiet'], { timeoutMs: 140_000 });
      expect(result.code, result.stdout + result.stderr).to.be.oneOf([0, 1]);
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { cases: CaseResult[] };
      return new Map(results.cases.map((c) => [c.id, c]));
    } finally {
      await station.stop();
    }
  }

  const describeCase = (c: CaseResult | undefined) => `${c?.id}: ${c?.verdict} ${c?.reason ?? ''} ${JSON.stringify(c?.findings)}`;

  // The runs wait on the station's timers more than they compute: they go in parallel to keep the file short.
  let runs: Promise<Map<string, CaseResult>[]>;
  before(() => {
    runs = Promise.all([
      runStation('b', [...B_PASS, 'TC_B_25_CS']),
      runStation('e', [...E_PASS, 'TC_E_16_CS', 'TC_E_17_CS', 'TC_E_38_CS']),
      runStation('jp', [...JP_PASS, 'TC_J_04_CS']),
      runStation('variants', VARIANT_PASS, { variants: VARIANTS, pics: [...PICS, 'C-13', 'C-47'] }),
      runStation('fixed', FIXED_PASS, { variants: ['fixed-tx-points'], pics: FIXED_PICS }),
      runStation('defects', ['TC_B_06_CS', 'TC_B_12_CS', 'TC_B_23_CS', 'TC_E_40_CS'], { defects: ['seqno-restarts-on-reconnect', 'report-seqno-from-one', 'availability-not-persistent'] }),
    ]);
    // Mocha waits for the runs in the tests; a rejection is reported there, not here.
    runs.catch(() => undefined);
  });

  it('passes every B, E, J and P case it supports, and is NOT_APPLICABLE exactly where Part 5 or its configuration says', async () => {
    const [b, e, jp] = await runs;
    const all = new Map([...b!, ...e!, ...jp!]);
    for (const id of [...B_PASS, ...E_PASS, ...JP_PASS]) expect(all.get(id)?.verdict, describeCase(all.get(id))).to.equal('PASS');
    for (const [id, reason] of Object.entries(NOT_APPLICABLE)) {
      expect(all.get(id)?.verdict, describeCase(all.get(id))).to.equal('NOT_APPLICABLE');
      expect(all.get(id)?.reason).to.match(reason);
    }
  });

  it('conforming alternatives PASS: NotifyEvent for status changes (EVSE too), authorized remote starts, one-part reports, evse once, a continuous seqNo, per-EVSE aligned values, a migration between slots 1 and 2, reset per EVSE, the security event first, DataTransfer Rejected', async () => {
    const [, , , variants] = await runs;
    for (const id of VARIANT_PASS) expect(variants!.get(id)?.verdict, describeCase(variants!.get(id))).to.equal('PASS');
  });

  it('a station with read-only TxStartPoint/TxStopPoint "EVConnected,Authorized" passes the transaction cases that apply to it', async () => {
    const [, , , , fixed] = await runs;
    for (const id of FIXED_PASS) expect(fixed!.get(id)?.verdict, describeCase(fixed!.get(id))).to.equal('PASS');
  });

  it('deliberate defects FAIL exactly the cases whose table they break, at the right check and step', async () => {
    const [, , , , , defects] = await runs;
    const checks = (id: string) => defects!.get(id)?.findings.map((f) => `${f.checkId}@${f.step}`) ?? [];
    // Untouched by the defects.
    expect(defects!.get('TC_B_06_CS')?.verdict, describeCase(defects!.get('TC_B_06_CS'))).to.equal('PASS');
    // Table 34 step 3: the first NotifyReport has seqNo 0.
    expect(defects!.get('TC_B_12_CS')?.verdict).to.equal('FAIL');
    expect(checks('TC_B_12_CS')).to.include('payload.mismatch@3');
    // Table 44 step 5: the connector made Unavailable before the reset is reported Unavailable after it (B01.FR.07).
    expect(defects!.get('TC_B_23_CS')?.verdict).to.equal('FAIL');
    expect(checks('TC_B_23_CS')).to.include('payload.mismatch@5');
    // Part 6 general rule: seqNo rises by one per TransactionEvent; after the reconnect of TC_E_40 it restarted at 0.
    expect(defects!.get('TC_E_40_CS')?.verdict).to.equal('FAIL');
    expect(defects!.get('TC_E_40_CS')?.findings.map((f) => f.checkId)).to.include('transaction.seqNo');
  });
});
