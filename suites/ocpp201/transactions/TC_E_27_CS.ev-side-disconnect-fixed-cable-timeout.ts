import { defineCase } from '../../../harness/dsl/define-case.js';
import { EV_CONNECTION_TIMEOUT_S, beforeEnergyTransferSuspended, evSideDisconnect, expectConnectorStatus, expectTxEvent, stimulusMark, txPoint, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_27_CS';

export default defineCase({
  id: 'TC_E_27_CS',
  title: 'Disconnect cable on EV-side - Suspend transaction - Fixed cable connection timeout',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E10 When cable disconnected on EV-side: Suspend Transaction', requirements: ['E10.FR.02', 'E10.FR.03'] },
  purpose: 'A fixed cable pulled out of the EV suspends the transaction (Updated, EVCommunicationLost, Idle; Available); not put back within EVConnectionTimeOut, the transaction is deauthorized (EVConnectTimeout; Ended with Timeout when TxStopPoint has Authorized).',
  refs: ['OCPP 2.0.1 Part 2 E10.FR.02', 'OCPP 2.0.1 Part 2 E10.FR.03'],
  provenance: `OCPP 2.0.1 Part 6 TC_E_27_CS; ours: EVConnectionTimeOut set to ${EV_CONNECTION_TIMEOUT_S} s so that the timeout comes within the case, TxStopPoint set to Authorized, and the session ended and the configuration restored after the table.`,
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { all: ['C-06.1', 'C-12.2', 'HFS-2', 'AQ-9'], any: ['C-10.2', 'C-10.5'], text: '(C-10.2 or C-10.5) and (C-52 or NOT (C-10.1 or C-10.3 or C-10.4)) and C-06.1 and C-12.2 and HFS-2 and AQ-9 and NOT Product Subtype "Mode 1/2-only Charging Station"' },
  actions: ['presentIdToken', 'plugIn', 'unplug', 'unplugEvSide', 'evSuspend'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 7,
    settings: [
      txPoint('TxStopPoint', 'Authorized', ['EnergyTransfer', 'PowerPathClosed', 'DataSigned', 'EVConnected']),
      { component: 'OCPPCommCtrlr', variable: 'UnlockOnEVSideDisconnect', value: 'false' },
      { component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', value: 'false' },
      { component: 'TxCtrlr', variable: 'EVConnectionTimeOut', value: String(EV_CONNECTION_TIMEOUT_S) },
    ],
  }, async (s) => {
    await beforeEnergyTransferSuspended(s, 'local');
    const m = stimulusMark(s, 'EV side disconnect');
    await t.step(1, 'The fixed cable is pulled out of the EV: TransactionEvent Updated, EVCommunicationLost, Idle (steps 1–2)', () => evSideDisconnect(s, {
      match: { eventType: 'Updated' }, requirement: `${TC} step 1; E10.FR.03 (the transaction is suspended), E01.FR.15`,
    }));
    await t.step(3, 'The connector reported Available (steps 3–4)', () =>
      expectConnectorStatus(s, 'Available', `${TC} step 3; E10 (a fixed cable pulled out of the EV)`, m.after));
    await t.step(5, `Not reconnected within ${EV_CONNECTION_TIMEOUT_S} s: TransactionEvent EVConnectTimeout (steps 5–6)`, () => expectTxEvent(s, {
      after: m.after, within: EV_CONNECTION_TIMEOUT_S * 1000 + t.cfg.timeouts.messageMs, where: { triggerReason: 'EVConnectTimeout' },
      match: s.stopPoints.has('Authorized') ? { eventType: 'Ended', 'transactionInfo.stoppedReason': 'Timeout' } : { eventType: 'Updated' },
      requirement: `${TC} step 5; E10.FR.02 (a fixed cable not plugged in within the timeout: deauthorized)`,
    }));
  });
});
