import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, stopAuthorized, txPoint, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_07_CS',
  title: 'Stop transaction options - PowerPathClosed - Local stop',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E06(S5) Stop Transaction options - PowerPathClosed', requirements: ['E06.FR.06', 'E06.FR.15'] },
  purpose: 'With TxStopPoint PowerPathClosed, presenting the idToken that started the transaction stops it (reusable state StopAuthorized).',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.06', 'OCPP 2.0.1 Part 2 E06.FR.15'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_07_CS; ours: TxStopPoint set to PowerPathClosed alone, and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { all: ['C-10.3'], any: ['C-30', 'C-31', 'C-32', 'C-35'], text: 'C-10.3 and (C-52 or NOT C-10.2) and (C-30 or C-31 or C-32 or C35)' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 3, settings: [txPoint('TxStopPoint', 'PowerPathClosed', ['Authorized'])] }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    await t.step(1, 'Reusable state StopAuthorized (local): the idToken presented again; TransactionEvent StopAuthorized', () => stopAuthorized(s, 'local'));
  });
});
