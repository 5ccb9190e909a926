// The OCPP 2.0.1 CSMS cases of blocks E (Transactions) and J (Meter values): every one PASSes against
// the reference CSMS, and each check they rely on fails against a named fault of it (the exact check
// ids each fault trips, per case; a case a fault cannot reach stays PASS).
import { expect } from 'chai';
import type { CheckId } from '../../harness/checks/catalogue.js';
import type { CaseResult } from '../../harness/report/result.js';
import type { Csms201Quirk } from '../../harness/versions/ocpp201/reference/csms/quirks.js';
import { runBuiltin, testConfig } from '../support/run-builtin.js';

const E_CASES = ['01', '02', '03', '04', '07', '08', '09', '10', '11', '12', '14', '15', '16', '17', '19', '20', '21', '22', '26', '29', '30', '31', '33', '34', '38', '39', '53'].map((n) => `TC_E_${n}_CSMS`);
const J_CASES = ['01', '02', '03', '04', '07', '08', '09', '10', '11'].map((n) => `TC_J_${n}_CSMS`);

interface FaultRow {
  fault: Csms201Quirk;
  /** Run in this order on one lane (a fault may need what an earlier case left on the CSMS). */
  cases: string[];
  /** Per case: the check ids it must trip (all at FAIL, octt fails); [] = the case PASSes. */
  kills: Record<string, CheckId[]>;
}

const all = (cases: string[], kills: CheckId[]) => Object.fromEntries(cases.map((c) => [c, kills]));

const ROWS: FaultRow[] = [
  // Reusable state Authorized and the start options: Authorize must be Accepted (Table 702 step 2, TC_E_01/10/11 step 2).
  { fault: 'authorize-valid-as-unknown', cases: ['TC_E_01_CSMS', 'TC_E_04_CSMS', 'TC_E_10_CSMS', 'TC_J_08_CSMS'], kills: all(['TC_E_01_CSMS', 'TC_E_04_CSMS', 'TC_E_10_CSMS', 'TC_J_08_CSMS'], ['payload.mismatch']) },
  // idTokenInfo Accepted in the TransactionEventResponse (Tables 702 step 4, 705 step 2; TC_E_01/02/10/11 step 6/4).
  {
    fault: 'no-id-token-info-in-transaction-event',
    cases: ['TC_E_02_CSMS', 'TC_E_03_CSMS', 'TC_E_08_CSMS', 'TC_E_10_CSMS', 'TC_E_11_CSMS'],
    kills: all(['TC_E_02_CSMS', 'TC_E_03_CSMS', 'TC_E_08_CSMS', 'TC_E_10_CSMS', 'TC_E_11_CSMS'], ['payload.mismatch']),
  },
  // TC_E_16 step 2: an invalid idToken must come back Invalid or Unknown.
  { fault: 'transaction-event-accepts-invalid-token', cases: ['TC_E_16_CSMS'], kills: { TC_E_16_CSMS: ['payload.mismatch'] } },
  // Every transaction starts at seqNo 0: the first TransactionEvent of each case (TC_E_53's tool validation).
  {
    fault: 'rejects-seq-no-zero',
    cases: [...E_CASES, ...J_CASES],
    kills: { ...all([...E_CASES, ...J_CASES], ['payload.mismatch']), TC_E_34_CSMS: [], TC_J_01_CSMS: [] },
  },
  // The Ended events (J02.FR.19) of the stop options and of the J cases that end with readings.
  {
    fault: 'transaction-ended-never-answered',
    cases: ['TC_E_16_CSMS', 'TC_E_39_CSMS', 'TC_J_03_CSMS'],
    kills: all(['TC_E_16_CSMS', 'TC_E_39_CSMS', 'TC_J_03_CSMS'], ['rpc.noResponse']),
  },
  // TC_E_21 step 1: RequestStopTransaction names the running transaction.
  { fault: 'request-stop-wrong-transaction', cases: ['TC_E_21_CSMS'], kills: { TC_E_21_CSMS: ['payload.mismatch'] } },
  // TC_E_33/34 step 1/3: GetTransactionStatus without a transactionId (TC_E_30 asks with one: unaffected, and leaves a last transaction).
  {
    fault: 'get-transaction-status-always-with-id',
    cases: ['TC_E_30_CSMS', 'TC_E_33_CSMS', 'TC_E_34_CSMS'],
    kills: { TC_E_30_CSMS: [], TC_E_33_CSMS: ['payload.mismatch'], TC_E_34_CSMS: ['payload.mismatch'] },
  },
  // A signed reading must be taken (TC_J_04, TC_J_11: "must at least be able to receive"; TC_E_11 step 6).
  { fault: 'rejects-signed-meter-values', cases: ['TC_E_11_CSMS', 'TC_J_04_CSMS', 'TC_J_11_CSMS'], kills: all(['TC_E_11_CSMS', 'TC_J_04_CSMS', 'TC_J_11_CSMS'], ['payload.mismatch']) },
  // J01.FR.18: MeterValues answered (TC_J_01/02 step 2).
  { fault: 'meter-values-never-answered', cases: ['TC_J_01_CSMS', 'TC_J_02_CSMS'], kills: all(['TC_J_01_CSMS', 'TC_J_02_CSMS'], ['rpc.noResponse']) },
];

async function run(cases: string[], fault?: Csms201Quirk, parallel = 1): Promise<CaseResult[]> {
  const cfg = testConfig('2.0.1');
  // An unanswered CALL is given up after twice this: short, so the faults that never answer stay quick.
  cfg.timeouts.responseMs = 1000;
  const outcome = await runBuiltin({ sides: ['Csms'], ocpp: '2.0.1', cases, cfg, parallel, ...(fault ? { quirks: { csms: [fault] } } : {}) });
  return outcome.run.cases;
}

const describeCase = (c: CaseResult) => `${c.id} ${c.verdict}: ${c.findings.map((f) => `${f.checkId} @${f.step} (${f.actual})`).join('; ') || c.reason || ''}`;

describe('2.0.1 CSMS cases of blocks E and J against the reference CSMS', function () {
  this.timeout(180_000);

  it('every case PASSes against the conforming reference CSMS', async () => {
    // Two lanes (each its own station identity): the cases leave nothing behind, so they need no order.
    const cases = await run([...E_CASES, ...J_CASES], undefined, 2);
    expect(cases.map((c) => c.id).sort()).to.deep.equal([...E_CASES, ...J_CASES].sort());
    const failed = cases.filter((c) => c.verdict !== 'PASS');
    expect(failed.map(describeCase)).to.deep.equal([]);
  });

  for (const row of ROWS) {
    it(`fault "${row.fault}" trips its checks in ${row.cases.length === E_CASES.length + J_CASES.length ? 'every E and J case' : row.cases.join(', ')}`, async () => {
      const cases = await run(row.cases, row.fault);
      const detail = cases.map(describeCase).join('\n');
      expect(cases.map((c) => c.id).sort(), detail).to.deep.equal([...row.cases].sort());
      for (const c of cases) {
        const kills = row.kills[c.id] ?? [];
        const tripped = [...new Set(c.findings.map((f) => f.checkId))].sort();
        expect(tripped, detail).to.deep.equal([...kills].sort());
        expect(c.verdict, detail).to.equal(kills.length ? 'FAIL' : 'PASS');
        // The checks the faults trip are the tables' tool validations or the spec's MUSTs the table steps name.
        for (const f of c.findings) expect(f.octt, `${c.id} ${f.checkId}: ${detail}`).to.equal('fails');
      }
    });
  }
});
