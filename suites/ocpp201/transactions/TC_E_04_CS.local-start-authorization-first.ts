import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTH_ENABLED, authorized, energyTransferStarted, parkingBayOccupied, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_04_CS',
  title: 'Local start transaction - Authorization first - Success',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E03 Start Transaction - IdToken First', requirements: ['E03.FR.01', 'E03.FR.06', 'E03.FR.12', 'E01.FR.16', 'C01.FR.02', 'C02.FR.01', 'C06.FR.02'] },
  purpose: 'The driver presents an idToken before connecting the EV: Authorize, then connecting the EV starts the energy transfer (reusable states Authorized, EnergyTransferStarted).',
  refs: ['OCPP 2.0.1 Part 2 E03.FR.01', 'OCPP 2.0.1 Part 2 E03.FR.12', 'OCPP 2.0.1 Part 2 C01.FR.02'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_04_CS; ours: the station\'s own TxStartPoint/TxStopPoint (the table sets none), and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { any: ['C-30', 'C-31', 'C-32', 'C-33', 'C-34', 'C-35'], text: 'C-30 - C-35 or ISO 15118 support' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 3, settings: AUTH_ENABLED }, async (s) => {
    await t.step(0, 'Before: reusable state ParkingBayOccupied (optional)', () => parkingBayOccupied(s));
    await t.step(1, 'Reusable state Authorized (local): the idToken presented and authorized', () => authorized(s, 'local'));
    await t.step(2, 'Reusable state EnergyTransferStarted: connect the EV; the energy transfer starts', () => energyTransferStarted(s));
  });
});
