import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferSuspended, evSideDisconnect, txPoint, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_37_CS',
  title: 'Stop transaction options - PowerPathClosed - EV side disconnect',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E06(S5) Stop Transaction options - PowerPathClosed', requirements: ['E06.FR.06', 'E06.FR.15'] },
  purpose: 'With TxStopPoint PowerPathClosed, the cable pulled out of the EV opens the power path and ends the transaction: Ended, EVCommunicationLost, Idle, stoppedReason EVDisconnected or StoppedByEV.',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.06', 'OCPP 2.0.1 Part 2 E06.FR.15'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_37_CS; ours: TxStopPoint set to PowerPathClosed alone, authorization at the station (the OCTT default), and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { all: ['C-10.3'], any: ['AQ-9'], text: 'C-10.3 and (C-52 or NOT (C-10.1 or C-10.4)) AND (AQ-9 OR Product Subtype "Mode 1/2-only Charging Station")' },
  actions: ['presentIdToken', 'plugIn', 'unplug', 'unplugEvSide', 'evSuspend'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 3,
    settings: [txPoint('TxStopPoint', 'PowerPathClosed', ['EnergyTransfer', 'EVConnected', 'DataSigned']), { component: 'TxCtrlr', variable: 'StopTxOnEVSideDisconnect', value: 'false', need: 'ifWritable' }],
  }, async (s) => {
    await beforeEnergyTransferSuspended(s, 'local');
    await t.step(1, 'The cable is pulled out of the EV: TransactionEvent Ended, EVCommunicationLost, Idle, stoppedReason EVDisconnected or StoppedByEV (steps 1–2)', () => evSideDisconnect(s, {
      match: { eventType: 'Ended', 'transactionInfo.stoppedReason': { oneOf: ['EVDisconnected', 'StoppedByEV'] } },
      requirement: 'OCPP 2.0.1 Part 6 TC_E_37_CS step 1; E06.FR.06 (stop at PowerPathClosed), E01.FR.15',
    }));
  });
});
