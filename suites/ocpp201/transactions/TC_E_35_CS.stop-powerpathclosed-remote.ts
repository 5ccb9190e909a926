import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, stopAuthorized, txPoint, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_35_CS',
  title: 'Stop transaction options - PowerPathClosed - Remote stop',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E06(S5) Stop Transaction options - PowerPathClosed, F03', requirements: ['E06.FR.06', 'E06.FR.15'] },
  purpose: 'With TxStopPoint PowerPathClosed, RequestStopTransaction is accepted and the opening power path ends the transaction: Ended, RemoteStop, stoppedReason Remote.',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.06', 'OCPP 2.0.1 Part 2 F03.FR.03', 'OCPP 2.0.1 Part 2 F03.FR.07'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_35_CS; ours: TxStopPoint set to PowerPathClosed alone, authorization at the station (the OCTT default), and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { all: ['C-10.3'], text: 'C-10.3 and (C-52 or NOT C-10.2)' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 5, settings: [txPoint('TxStopPoint', 'PowerPathClosed', ['Authorized'])] }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    await t.step(1, 'RequestStopTransaction: Accepted (steps 1–2); TransactionEvent Ended, RemoteStop, stoppedReason Remote (steps 3–4)', () => stopAuthorized(s, 'remote', {
      cite: { table: 'OCPP 2.0.1 Part 6 TC_E_35_CS', steps: { request: 2, tx: 3 } }, fr: 'E06.FR.06 (stop at PowerPathClosed)',
      match: { eventType: 'Ended', 'transactionInfo.stoppedReason': 'Remote' },
    }));
  });
});
