import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, stopAuthorized, txPoint, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_08_CS',
  title: 'Stop transaction options - EnergyTransfer stopped - StopAuthorized',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E06(S6) Stop Transaction options - EnergyTransfer', requirements: ['E06.FR.07', 'E06.FR.15'] },
  purpose: 'With TxStopPoint EnergyTransfer, the stop authorization ends the energy transfer and so the transaction (reusable state StopAuthorized).',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.07', 'OCPP 2.0.1 Part 2 E06.FR.15'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_08_CS; ours: TxStopPoint set to EnergyTransfer alone, authorization at the station (the OCTT default), and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { all: ['C-10.4'], text: 'C-10.4 and (C-52 or NOT (C-10.2 or C-10.3))' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 3, settings: [txPoint('TxStopPoint', 'EnergyTransfer', ['Authorized', 'PowerPathClosed'])] }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    await t.step(1, 'Reusable state StopAuthorized (local): the idToken presented again; TransactionEvent StopAuthorized', () => stopAuthorized(s, 'local'));
  });
});
