import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, stopAuthorized, txPoint, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_21_CS',
  title: 'Stop transaction options - StopAuthorized - Remote',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E06(S3) Stop Transaction options - Authorized, F03', requirements: ['E06.FR.03', 'E06.FR.15', 'F03.FR.09'] },
  purpose: 'With TxStopPoint Authorized, RequestStopTransaction is accepted and ends the transaction: TransactionEvent Ended, RemoteStop, stoppedReason Remote.',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.03', 'OCPP 2.0.1 Part 2 F03.FR.03', 'OCPP 2.0.1 Part 2 F03.FR.07'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_21_CS; ours: TxStopPoint set to Authorized alone, authorization at the station (the OCTT default), and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { all: ['C-10.2'], text: 'C-10.2' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 5, settings: [txPoint('TxStopPoint', 'Authorized', ['PowerPathClosed'])] }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    await t.step(1, 'RequestStopTransaction: Accepted (steps 1–2); TransactionEvent Ended, RemoteStop, stoppedReason Remote (steps 3–4)', () => stopAuthorized(s, 'remote', {
      cite: { table: 'OCPP 2.0.1 Part 6 TC_E_21_CS', steps: { request: 2, tx: 3 } }, fr: 'E06.FR.03 (stop at Authorized)',
      match: { eventType: 'Ended', 'transactionInfo.stoppedReason': 'Remote' },
    }));
  });
});
