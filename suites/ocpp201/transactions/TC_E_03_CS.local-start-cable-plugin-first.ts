import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTH_ENABLED, authorized, energyTransferStarted, evConnectedPreSession, parkingBayOccupied, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_03_CS',
  title: 'Local start transaction - Cable plugin first - Success',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E02 Start Transaction - Cable Plugin First', requirements: ['E02.FR.01', 'E02.FR.05', 'E02.FR.06', 'E02.FR.07', 'E02.FR.13', 'E02.FR.15', 'E02.FR.16', 'E02.FR.17', 'E01.FR.16', 'C01.FR.02', 'C02.FR.01', 'C06.FR.02'] },
  purpose: 'The EV is connected first, then the driver presents an idToken at the station: Authorize, then the energy transfer starts (reusable states EVConnectedPreSession, Authorized, EnergyTransferStarted).',
  refs: ['OCPP 2.0.1 Part 2 E02.FR.01', 'OCPP 2.0.1 Part 2 E02.FR.05', 'OCPP 2.0.1 Part 2 E02.FR.06', 'OCPP 2.0.1 Part 2 C01.FR.02'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_03_CS; ours: the station\'s own TxStartPoint/TxStopPoint (the table sets none), and the session ended and the configuration restored after the table.',
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { any: ['C-30', 'C-31', 'C-32', 'C-33', 'C-34', 'C-35'], none: ['AQ-2'], text: 'NOT AQ-2 and (C-30 - C-35 or ISO 15118 support)' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 3, settings: AUTH_ENABLED }, async (s) => {
    await t.step(0, 'Before: reusable states ParkingBayOccupied (optional), EVConnectedPreSession', async () => {
      await parkingBayOccupied(s);
      await evConnectedPreSession(s);
    });
    await t.step(1, 'Reusable state Authorized (local): the idToken presented and authorized', () => authorized(s, 'local'));
    await t.step(2, 'Reusable state EnergyTransferStarted: the energy transfer starts', () => energyTransferStarted(s));
  });
});
