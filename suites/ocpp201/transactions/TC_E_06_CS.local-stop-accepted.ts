import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTH_ENABLED, beforeEnergyTransferStarted, evConnectedPostSession, evDisconnected, parkingBayUnoccupied, stopAuthorized, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_06_CS',
  title: 'Local Stop Transaction - Accepted',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E07 Transaction locally stopped by IdToken', requirements: ['E07.FR.04', 'E06.FR.15', 'C01.FR.03'] },
  purpose: 'The idToken that started the transaction stops it at the station; the EV is disconnected and leaves (reusable states StopAuthorized, EVConnectedPostSession, EVDisconnected, ParkingBayUnoccupied).',
  refs: ['OCPP 2.0.1 Part 2 E07.FR.04', 'OCPP 2.0.1 Part 2 E06.FR.15', 'OCPP 2.0.1 Part 2 C01.FR.03'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_06_CS; ours: the station\'s own TxStartPoint/TxStopPoint (the table sets none), and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { any: ['C-30', 'C-31', 'C-32', 'C-35'], text: 'C-30 or C-31 or C-32 or C35' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 5, settings: AUTH_ENABLED }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    await t.step(1, 'Reusable state StopAuthorized (local): the same idToken presented again', () => stopAuthorized(s, 'local'));
    await t.step(2, 'Reusable state EVConnectedPostSession', () => evConnectedPostSession(s));
    await t.step(3, 'Reusable state EVDisconnected', () => evDisconnected(s));
    await t.step(4, 'Reusable state ParkingBayUnoccupied', () => parkingBayUnoccupied(s));
  });
});
