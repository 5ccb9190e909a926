import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferSuspended, evSideDisconnect, txPoint, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_54_CS',
  title: 'Stop transaction options - EVDisconnected - EV side (not able to charge IEC 61851-1 EV)',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E06(S2) Stop Transaction options - EVConnected', requirements: ['E06.FR.02', 'E06.FR.15'] },
  purpose: 'With TxStopPoint EVConnected, the cable pulled out of the EV while the EV suspended charging ends the transaction: Ended, EVCommunicationLost, Idle, stoppedReason StoppedByEV or EVDisconnected.',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.02', 'OCPP 2.0.1 Part 2 E06.FR.15'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_54_CS; ours: TxStopPoint set to EVConnected alone, authorization at the station (the OCTT default), and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { all: ['C-10.1'], any: ['HFS-4'], text: 'C-10.1 AND (NOT (NOT C-52 AND (C-10.2 or C-10.3 or C-10.4))) AND (HFS-4 OR ISO15118 support) AND NOT Product Subtype "Mode 1/2-only Charging Station"' },
  actions: ['presentIdToken', 'plugIn', 'unplug', 'unplugEvSide', 'evSuspend'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 3,
    settings: [txPoint('TxStopPoint', 'EVConnected', ['EnergyTransfer', 'PowerPathClosed', 'Authorized']), { component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', value: 'false', need: 'ifWritable' }],
  }, async (s) => {
    await beforeEnergyTransferSuspended(s, 'local');
    await t.step(1, 'The cable is pulled out of the EV: TransactionEvent Ended, EVCommunicationLost, Idle, stoppedReason StoppedByEV or EVDisconnected (steps 1–2)', () => evSideDisconnect(s, {
      match: { eventType: 'Ended', 'transactionInfo.stoppedReason': { oneOf: ['StoppedByEV', 'EVDisconnected'] } },
      requirement: 'OCPP 2.0.1 Part 6 TC_E_54_CS step 1; E06.FR.02 (stop at EVConnected), E01.FR.15',
    }));
  });
});
