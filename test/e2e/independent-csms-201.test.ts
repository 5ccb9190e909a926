// The harness's OCPP 2.0.1 CSMS cases judged against a CSMS it did not write: test/independent/ocpp201/csms.ts,
// on ocpp-rpc alone, driven through sutControl "http", over real sockets on 127.0.0.1, through the CLI.
// Every verdict asserted here was read against its Part 6 (Edition 3) table and the Part 2 requirements.
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IndependentCsms201, type IndependentCsms201Options } from '../independent/ocpp201/csms.js';
import { runCli } from '../support/cli.js';

interface Finding { checkId: string; level: string; step: number | string; octt?: string }
interface CaseResult { id: string; verdict: string; reason?: string; findings: Finding[] }

// Every Core CSMS table of blocks B, E, J, P (Part 5). All PASS against the variant-free, defect-free CSMS.
const B = ['TC_B_01_CSMS', 'TC_B_02_CSMS', 'TC_B_06_CSMS', 'TC_B_07_CSMS', 'TC_B_09_CSMS', 'TC_B_10_CSMS', 'TC_B_12_CSMS',
  'TC_B_13_CSMS', 'TC_B_20_CSMS', 'TC_B_21_CSMS', 'TC_B_22_CSMS', 'TC_B_25_CSMS', 'TC_B_26_CSMS', 'TC_B_27_CSMS', 'TC_B_30_CSMS',
  'TC_B_31_CSMS', 'TC_B_42_CSMS', 'TC_B_44_CSMS'];
const E = ['TC_E_01_CSMS', 'TC_E_02_CSMS', 'TC_E_03_CSMS', 'TC_E_04_CSMS', 'TC_E_07_CSMS', 'TC_E_08_CSMS', 'TC_E_09_CSMS',
  'TC_E_10_CSMS', 'TC_E_11_CSMS', 'TC_E_12_CSMS', 'TC_E_14_CSMS', 'TC_E_15_CSMS', 'TC_E_16_CSMS', 'TC_E_17_CSMS', 'TC_E_19_CSMS',
  'TC_E_20_CSMS', 'TC_E_21_CSMS', 'TC_E_22_CSMS', 'TC_E_26_CSMS', 'TC_E_29_CSMS', 'TC_E_30_CSMS', 'TC_E_31_CSMS', 'TC_E_33_CSMS',
  'TC_E_34_CSMS', 'TC_E_38_CSMS', 'TC_E_39_CSMS', 'TC_E_53_CSMS'];
const J = ['TC_J_01_CSMS', 'TC_J_02_CSMS', 'TC_J_03_CSMS', 'TC_J_04_CSMS', 'TC_J_07_CSMS', 'TC_J_08_CSMS', 'TC_J_09_CSMS',
  'TC_J_10_CSMS', 'TC_J_11_CSMS'];
const P = ['TC_P_02_CSMS', 'TC_P_03_CSMS'];
const CSMS_PASS = [...B, ...E, ...J, ...P];

// What this CSMS declares (Part 5 §3 CSMS features): Pending mechanism (C-44), several items per Get/SetVariables
// (C-45, C-46), ConfigurationInventory and FullInventory (C-17, C-50.2), reset per EVSE (C-13), GetTransactionStatus (C-16).
const PICS = ['C-44', 'C-45', 'C-46', 'C-17', 'C-50.2', 'C-13', 'C-16'];

describe('independent OCPP 2.0.1 CSMS (not written with the harness) judged over real sockets', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-harness-independent-201-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Start the CSMS, run the CLI against it with `cases`, stop it; returns results.json's cases by id. */
  async function run(name: string, cases: string[], opts: IndependentCsms201Options = {}, pics = PICS): Promise<{ results: Map<string, CaseResult>; csms: IndependentCsms201 }> {
    const csms = new IndependentCsms201(opts);
    const { url, controlUrl } = await csms.listen();
    try {
      const cfg = join(dir, `${name}.json`);
      writeFileSync(cfg, JSON.stringify({ declarations: { pics }, sutControl: { type: 'http', url: controlUrl } }));
      const out = join(dir, name);
      const result = await runCli(['test', 'csms', '--ocpp', '2.0.1', '--url', url, '--config', cfg, '--report-dir', out, '--cases', cases.join(','), '--quiet'], { timeoutMs: 100_000 });
      // 0 all PASS, 1 some FAIL, 2 some INCONCLUSIVE: each verdict is asserted below.
      expect(result.code, result.stdout + result.stderr).to.be.oneOf([0, 1, 2]);
      const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { cases: CaseResult[] };
      return { results: new Map(results.cases.map((c) => [c.id, c])), csms };
    } finally {
      await csms.close();
    }
  }
  const at = (c: CaseResult | undefined) => (c?.findings ?? []).filter((f) => f.level === 'MUST').map((f) => `${f.checkId}@${f.step}`);
  const describeCase = (c: CaseResult | undefined) => `${c?.id}: ${c?.verdict} ${c?.reason ?? ''} ${JSON.stringify(c?.findings)}`;

  it('passes every Core CSMS table of blocks B, E, J, P, and the CSMS really holds what the cases gave it', async () => {
    const rpc = Array.from({ length: 10 }, (_, i) => `X201_RPC_${String(i + 1).padStart(2, '0')}_CSMS`);
    const { results, csms } = await run('all', [...CSMS_PASS, ...rpc]);
    for (const id of CSMS_PASS) expect(results.get(id)?.verdict, describeCase(results.get(id))).to.equal('PASS');
    // Post-scenario validations of the tables ("CSMS receives all NotifyReportRequest messages", "has read the
    // variables"), which the harness cannot see: checked on the CSMS's own state.
    expect(csms.inventory.value('CP001', 'OCPPCommCtrlr', 'OfflineThreshold'), 'TC_B_06: the value read is kept').to.be.a('string');
    expect(csms.ledger.all().filter((t) => t.ended).length, 'the transactions of block E/J ended').to.be.greaterThan(20);
    // ocpp-rpc 2.2.1's own behaviour (a library, not our code), judged by OCPP-J 2.0.1 §4.2.3 / Table 8: unknown action →
    // NotImplemented; wrong type → TypeConstraintViolation; null for an optional field refused; garbage survived; an
    // incomplete CALL answered with its id. Tolerated other Table 8 codes (NON_STRICT, a SHOULD): a missing field gets the
    // 1.6 spelling "OccurenceConstraintViolation", an extra property PropertyConstraintViolation, a non-object payload
    // TypeConstraintViolation, a value outside its enumeration FormatViolation. A frame of unknown message type is answered
    // with id "-1" although its id is readable (Part 4: "-1" only when the id cannot be read), so the harness cannot tie
    // the answer to its message: a correct FAIL.
    const rpcVerdicts = Object.fromEntries(rpc.map((id) => [id, results.get(id)?.verdict]));
    expect(rpcVerdicts).to.deep.equal({
      X201_RPC_01_CSMS: 'PASS', X201_RPC_02_CSMS: 'NON_STRICT', X201_RPC_03_CSMS: 'PASS', X201_RPC_04_CSMS: 'NON_STRICT', X201_RPC_05_CSMS: 'PASS',
      X201_RPC_06_CSMS: 'NON_STRICT', X201_RPC_07_CSMS: 'NON_STRICT', X201_RPC_08_CSMS: 'PASS', X201_RPC_09_CSMS: 'PASS', X201_RPC_10_CSMS: 'FAIL',
    });
    expect(at(results.get('X201_RPC_10_CSMS'))).to.deep.equal(['rpc.noResponse@2']);
  });

  it('conforming choices other than the obvious ones still PASS', async () => {
    // Pending boot with interval 0 (B02.FR.07: the station picks its wait; Table 463 note: the OCTT waits its configured
    // heartbeat interval), a one-day heartbeat, every optional idTokenInfo field, TransactionEventResponses that repeat
    // the transaction's idTokenInfo and carry chargingPriority / updatedPersonalMessage, DataTransfer answered Rejected
    // (Table P_02 allows it), explicit attributeType Actual, an unknown token answered Unknown rather than Invalid
    // (Table E_16: "Invalid or Unknown"), a control endpoint that answers as soon as the request is sent, times with a
    // +01:00 offset (UTC is only RECOMMENDED), SetVariables + GetBaseReport of its own while the boot is Pending (B02.FR.01),
    // a FullInventory of its own after every Accepted boot (Part 5 AQ-2), and customData on everything it sends.
    const cases = ['TC_B_01_CSMS', 'TC_B_02_CSMS', 'TC_B_06_CSMS', 'TC_B_12_CSMS', 'TC_B_20_CSMS', 'TC_B_22_CSMS', 'TC_B_07_CSMS', 'TC_B_09_CSMS', 'TC_B_10_CSMS', 'TC_B_21_CSMS',
      'TC_B_30_CSMS', 'TC_B_31_CSMS', 'TC_E_01_CSMS', 'TC_E_02_CSMS', 'TC_E_04_CSMS', 'TC_E_08_CSMS', 'TC_E_10_CSMS', 'TC_E_14_CSMS',
      'TC_E_16_CSMS', 'TC_E_21_CSMS', 'TC_E_31_CSMS', 'TC_E_53_CSMS', 'TC_J_07_CSMS', 'TC_P_02_CSMS', 'TC_P_03_CSMS'];
    const { results } = await run('variants', cases, {
      variants: ['pending-interval-zero', 'long-heartbeat', 'rich-idtokeninfo', 'tx-response-extras', 'datatransfer-rejected', 'explicit-attribute-type',
        'offset-timestamps', 'provision-while-pending', 'inventory-on-boot', 'custom-data'],
      idTokens: { invalid: [], groups: { ACCEPTED01: 'FLEET01' } },
      controlAnswers: 'sent',
    });
    for (const id of cases) expect(results.get(id)?.verdict, describeCase(results.get(id))).to.equal('PASS');
  });

  it('security profile 1: the CSMS checks the Basic-auth password and the cases PASS over it', async () => {
    const password = '0123456789abcdef0123';
    const csms = new IndependentCsms201({ password });
    const { url, controlUrl } = await csms.listen();
    try {
      const cfg = join(dir, 'profile1.json');
      writeFileSync(cfg, JSON.stringify({ security: { profile: 1, basicAuthPassword: password }, declarations: { pics: PICS }, sutControl: { type: 'http', url: controlUrl } }));
      const result = await runCli(['test', 'csms', '--ocpp', '2.0.1', '--url', url, '--config', cfg, '--report-dir', join(dir, 'profile1'), '--cases', 'TC_B_01_CSMS,TC_B_42_CSMS', '--quiet'], { timeoutMs: 60_000 });
      const results = JSON.parse(readFileSync(join(dir, 'profile1', 'results.json'), 'utf8')) as { cases: CaseResult[] };
      expect(results.cases.map((c) => c.verdict), result.stdout).to.deep.equal(['PASS', 'PASS']);
      expect(csms.received.filter((r) => r.endsWith('BootNotification')).length).to.be.greaterThan(0);
    } finally {
      await csms.close();
    }
  });

  it('a CSMS without the Pending mechanism (no C-44) is tested with Rejected', async () => {
    const pics = PICS.filter((p) => p !== 'C-44');
    const { results } = await run('rejected', ['TC_B_02_CSMS', 'TC_B_30_CSMS', 'TC_B_31_CSMS'], {}, pics);
    expect(results.get('TC_B_02_CSMS')?.verdict).to.equal('NOT_APPLICABLE');
    for (const id of ['TC_B_30_CSMS', 'TC_B_31_CSMS']) expect(results.get(id)?.verdict, describeCase(results.get(id))).to.equal('PASS');
    // Table 465 (TC_B_31) wants a TriggerMessage sent to the Rejected station, which B03.FR.03 forbids the CSMS: a CSMS
    // that keeps B03.FR.03 cannot do the step. The OCTT fails it, so the harness keeps the finding (octt: fails), but at
    // SHOULD, naming B03.FR.03: NON_STRICT, never FAIL.
    const quiet = (await run('rejected-quiet', ['TC_B_31_CSMS'], { variants: ['quiet-while-rejected'] }, pics)).results.get('TC_B_31_CSMS');
    expect(quiet?.verdict, describeCase(quiet)).to.equal('NON_STRICT');
    expect(quiet?.findings.map((f) => [f.checkId, f.level, f.octt])).to.deep.equal([['sequence.missing', 'SHOULD', 'fails']]);
  });

  it('real CSMS bugs FAIL exactly the case whose table they break, at its step', async () => {
    // Each bug in a CSMS of its own, with the case it breaks and a neighbour it must not break.
    const anyToken = (await run('defect-any-token', ['TC_E_16_CSMS', 'TC_E_10_CSMS'], { defects: ['accept-any-idtoken'] })).results;
    const noGate = (await run('defect-no-gate', ['TC_B_30_CSMS', 'TC_B_02_CSMS'], { defects: ['no-security-error-while-pending'] })).results;
    const seqNo = (await run('defect-seqno', ['TC_E_53_CSMS'], { defects: ['seqno-unique-per-station'] })).results;
    const noEvse = (await run('defect-reset-evse', ['TC_B_25_CSMS', 'TC_B_22_CSMS'], { defects: ['reset-drops-evse'] })).results;
    // Any token Accepted: Table 521 (E_16) step 2 wants Invalid or Unknown for the invalid token; a valid one still PASSES.
    expect(anyToken.get('TC_E_16_CSMS')?.verdict).to.equal('FAIL');
    expect(at(anyToken.get('TC_E_16_CSMS'))).to.deep.equal(['payload.mismatch@1']);
    expect(anyToken.get('TC_E_10_CSMS')?.verdict, describeCase(anyToken.get('TC_E_10_CSMS'))).to.equal('PASS');
    // A Pending station's unsolicited StatusNotification processed: B02.FR.09 wants CALLERROR SecurityError (Table 464 step 4).
    // TC_B_02 (Pending, then Accepted, no unsolicited CALL) still PASSES.
    expect(noGate.get('TC_B_30_CSMS')?.verdict).to.equal('FAIL');
    expect(at(noGate.get('TC_B_30_CSMS'))).to.deep.equal(['rpc.expectedCallError@3']);
    expect(noGate.get('TC_B_02_CSMS')?.verdict, describeCase(noGate.get('TC_B_02_CSMS'))).to.equal('PASS');
    // seqNo unique per station: the second transaction's Started with seqNo 0 gets InternalError (Table 531 step 3).
    expect(seqNo.get('TC_E_53_CSMS')?.verdict).to.equal('FAIL');
    expect(at(seqNo.get('TC_E_53_CSMS'))).to.deep.equal(['payload.mismatch@3']);
    // An EVSE reset sent as a station reset: Table 478 (B_25) step 1 wants evseId; a station reset (B_22) still PASSES.
    expect(noEvse.get('TC_B_25_CSMS')?.verdict).to.equal('FAIL');
    expect(at(noEvse.get('TC_B_25_CSMS'))).to.deep.equal(['payload.mismatch@1']);
    expect(noEvse.get('TC_B_22_CSMS')?.verdict, describeCase(noEvse.get('TC_B_22_CSMS'))).to.equal('PASS');
  });
});
