import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEvConnectedPostSession, evDisconnected, txPoint, withTxSession } from './charging-station-states.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_14_CS';

export default defineCase({
  id: 'TC_E_14_CS',
  title: 'Stop transaction options - EVDisconnected - Charging Station side',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E06(S2) Stop Transaction options - EVConnected', requirements: ['E06.FR.02', 'E06.FR.15'] },
  purpose: 'With TxStopPoint EVConnected, the transaction that outlived its stop authorization ends when the cable is removed at the station: Available, then TransactionEvent Ended (EVCommunicationLost, Idle).',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.02', 'OCPP 2.0.1 Part 2 E06.FR.15'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_14_CS; ours: TxStopPoint set to EVConnected alone, authorization at the station (the OCTT default), and the configuration restored after the table.',
  pics: { all: ['HFS-1', 'C-10.1'], text: 'HFS-1 and C-10.1 and (C-52 or NOT (C-10.2 or C-10.3 or C-10.4))' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 5, settings: [txPoint('TxStopPoint', 'EVConnected', ['EnergyTransfer', 'PowerPathClosed', 'DataSigned', 'Authorized'])] }, async (s) => {
    await beforeEvConnectedPostSession(s, 'local');
    await t.step(1, 'Disconnect the EV at the station: Available (steps 1–2), then TransactionEvent Ended, EVCommunicationLost, Idle (steps 3–4)', () => evDisconnected(s, {
      statusStep: `${TC} step 1`,
      txMatch: { eventType: 'Ended', 'transactionInfo.stoppedReason': { oneOf: ['Local', 'EVDisconnected'], optional: true } },
      txRequirement: `${TC} step 3; E06.FR.02 (stop at EVConnected), E06.FR.15 / E01.FR.15 (triggerReason)`,
    }));
  });
});
