import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, stopAuthorized, txPoint, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_15_CS',
  title: 'Stop transaction options - StopAuthorized - Local',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E06(S3) Stop Transaction options - Authorized', requirements: ['E06.FR.03', 'E06.FR.15'] },
  purpose: 'With TxStopPoint Authorized, presenting the idToken that started the transaction ends it: TransactionEvent Ended, StopAuthorized, stoppedReason Local.',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.03', 'OCPP 2.0.1 Part 2 E06.FR.15'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_15_CS; ours: TxStopPoint set to Authorized alone, no wait for the configured transaction duration, and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { all: ['C-10.2'], any: ['C-30', 'C-31', 'C-32', 'C-35'], text: 'C-10.2 and (C-30 or C-31 or C-32 or C35)' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 3, settings: [txPoint('TxStopPoint', 'Authorized')] }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    await t.step(1, 'Present the idToken again: TransactionEvent Ended, StopAuthorized, stoppedReason Local (steps 1–2)', () => stopAuthorized(s, 'local', {
      cite: { table: 'OCPP 2.0.1 Part 6 TC_E_15_CS', steps: { tx: 1 } }, fr: 'E06.FR.03 (stop at Authorized)',
      match: { eventType: 'Ended', 'transactionInfo.stoppedReason': 'Local' },
    }));
  });
});
