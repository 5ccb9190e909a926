// OCPP 2.0.1: every named fault of the 2.0.1 reference peers trips exactly the checks it names on the
// cases that expose it (the 2.0.1 twin of faults.test.ts). One entry per case group; colleagues add theirs.
import { expect } from 'chai';
import type { CheckId } from '../../harness/checks/catalogue.js';
import type { Verdict } from '../../harness/report/verdict.js';
import type { Csms201Quirk } from '../../harness/versions/ocpp201/reference/csms/quirks.js';
import { runBuiltin, testConfig } from '../support/run-builtin.js';

interface Fault201 {
  peer: 'csms';
  fault: Csms201Quirk;
  cases: string[];
  kills: CheckId[];
  /** Default FAIL. */
  verdict?: Verdict;
}

export const FAULTS_201: Fault201[] = [
  // Block B, CSMS under test.
  { peer: 'csms', fault: 'boot-pending-forever', cases: ['TC_B_02_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'no-security-error-while-pending', cases: ['TC_B_30_CSMS'], kills: ['rpc.expectedCallError'] },
  { peer: 'csms', fault: 'trigger-message-wrong-message', cases: ['TC_B_31_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'variables-first-item-only', cases: ['TC_B_07_CSMS', 'TC_B_10_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'set-variables-target-attribute', cases: ['TC_B_09_CSMS', 'TC_B_10_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'base-report-summary-inventory', cases: ['TC_B_12_CSMS', 'TC_B_13_CSMS'], kills: ['payload.mismatch'] },
  // TC_B_20 does not validate the type (ours, SHOULD); the others do.
  { peer: 'csms', fault: 'reset-type-swapped', cases: ['TC_B_20_CSMS'], kills: ['payload.mismatch'], verdict: 'NON_STRICT' },
  { peer: 'csms', fault: 'reset-type-swapped', cases: ['TC_B_21_CSMS', 'TC_B_22_CSMS', 'TC_B_25_CSMS', 'TC_B_26_CSMS', 'TC_B_27_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'reset-without-evse-id', cases: ['TC_B_25_CSMS', 'TC_B_26_CSMS', 'TC_B_27_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'network-profile-ocpp16', cases: ['TC_B_42_CSMS'], kills: ['payload.mismatch'] },
  // Reusable state Authorized inside EnergyTransferStarted.
  { peer: 'csms', fault: 'authorize-valid-as-unknown', cases: ['TC_B_21_CSMS'], kills: ['payload.mismatch'] },
  // Block G, CSMS under test.
  { peer: 'csms', fault: 'change-availability-status-swapped', cases: ['TC_G_03_CSMS', 'TC_G_06_CSMS', 'TC_G_17_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'change-availability-evse-dropped', cases: ['TC_G_04_CSMS', 'TC_G_07_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'change-availability-adds-connector', cases: ['TC_G_03_CSMS', 'TC_G_11_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'change-availability-station-as-evse-zero', cases: ['TC_G_05_CSMS', 'TC_G_14_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'notify-event-not-supported', cases: ['TC_G_20_CSMS'], kills: ['payload.mismatch'] },
  // Block P, CSMS under test.
  { peer: 'csms', fault: 'data-transfer-accepts-unknown-vendor', cases: ['TC_P_02_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'rejects-custom-data', cases: ['TC_P_03_CSMS'], kills: ['payload.mismatch'] },
  // Block M, CSMS under test (TC_M_05 checks the type only at SHOULD: its table lists no tool validation).
  { peer: 'csms', fault: 'install-certificate-type-swapped', cases: ['TC_M_01_CSMS', 'TC_M_02_CSMS', 'TC_M_20_CSMS', 'TC_M_21_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'install-certificate-type-swapped', cases: ['TC_M_05_CSMS'], kills: ['payload.mismatch'], verdict: 'NON_STRICT' },
  { peer: 'csms', fault: 'installed-ids-always-csms-root', cases: ['TC_M_13_CSMS', 'TC_M_18_CSMS', 'TC_M_19_CSMS'], kills: ['payload.mismatch'] },
  { peer: 'csms', fault: 'delete-certificate-sha256', cases: ['TC_M_20_CSMS'], kills: ['payload.mismatch'] },
  // X201_RPC_*_CSMS.
  { peer: 'csms', fault: 'unknown-action-accepted', cases: ['X201_RPC_01_CSMS'], kills: ['rpc.expectedCallError'] },
  { peer: 'csms', fault: 'lenient-validation', cases: ['X201_RPC_02_CSMS', 'X201_RPC_03_CSMS', 'X201_RPC_06_CSMS', 'X201_RPC_07_CSMS', 'X201_RPC_08_CSMS'], kills: ['rpc.expectedCallError'] },
  // §4.1.2 only gives the right to reject an undefined property: a CALLRESULT is a SHOULD finding.
  { peer: 'csms', fault: 'lenient-validation', cases: ['X201_RPC_04_CSMS'], kills: ['rpc.expectedCallError'], verdict: 'NON_STRICT' },
  // §4.2.3 lets the receiver drop such CALLs: no answer is NON_STRICT, never FAIL.
  { peer: 'csms', fault: 'drops-invalid-calls', cases: ['X201_RPC_01_CSMS', 'X201_RPC_02_CSMS', 'X201_RPC_08_CSMS'], kills: ['rpc.noResponse'], verdict: 'NON_STRICT' },
  { peer: 'csms', fault: 'call-error-1.6-codes', cases: ['X201_RPC_02_CSMS', 'X201_RPC_04_CSMS', 'X201_RPC_06_CSMS'], kills: ['rpc.errorCode'], verdict: 'NON_STRICT' },
  { peer: 'csms', fault: 'heartbeat-without-current-time', cases: ['X201_RPC_05_CSMS', 'X201_RPC_10_CSMS'], kills: ['payload.mismatch', 'schema.callResult'] },
  { peer: 'csms', fault: 'call-error-id-minus-one', cases: ['X201_RPC_09_CSMS'], kills: ['rpc.messageId.callError'] },
  // The "-1" answer to the unknown type is taken as an answer to garbage, not to that frame: it stays unanswered (§4.4 SHALL).
  { peer: 'csms', fault: 'call-error-id-minus-one', cases: ['X201_RPC_10_CSMS'], kills: ['rpc.noResponse'] },
];

describe('OCPP 2.0.1 faulty peers: each fault trips exactly its named checks', function () {
  this.timeout(120_000);
  for (const spec of FAULTS_201) {
    it(`${spec.peer} fault "${spec.fault}" on ${spec.cases.join(', ')} → ${spec.kills.join(' + ')}`, async () => {
      const outcome = await runBuiltin({ sides: ['Csms'], ocpp: '2.0.1', cases: spec.cases, cfg: testConfig('2.0.1'), quirks: { csms: [spec.fault] }, parallel: 4 });
      const cases = outcome.run.cases;
      expect(cases.map((c) => c.id).sort()).to.deep.equal([...spec.cases].sort());
      const tripped = [...new Set(cases.flatMap((c) => c.findings.map((f) => f.checkId)))].sort();
      const detail = cases.map((c) => `${c.id} ${c.verdict}: ${c.findings.map((f) => `${f.checkId} (${f.actual})`).join('; ') || c.reason}`).join('\n');
      expect(tripped, detail).to.deep.equal([...spec.kills].sort());
      for (const c of cases) expect(c.verdict, detail).to.equal(spec.verdict ?? 'FAIL');
    });
  }

  it('the cases PASS against the fault-free reference CSMS', async () => {
    const ids = [...new Set(FAULTS_201.flatMap((f) => f.cases))];
    const outcome = await runBuiltin({ sides: ['Csms'], ocpp: '2.0.1', cases: ids, cfg: testConfig('2.0.1'), parallel: 4 });
    const detail = outcome.run.cases.map((c) => `${c.id} ${c.verdict}: ${c.findings.map((f) => f.checkId).join(', ') || c.reason}`).join('\n');
    for (const c of outcome.run.cases) expect(c.verdict, detail).to.equal('PASS');
    expect(outcome.run.cases.length).to.equal(ids.length);
  });
});
