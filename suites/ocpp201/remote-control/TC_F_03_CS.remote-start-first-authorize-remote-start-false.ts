import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTH_ENABLED, authorized, energyTransferStarted, parkingBayOccupied, withTxSession } from '../transactions/charging-station-states.js';

export default defineCase({
  id: 'TC_F_03_CS',
  title: 'Remote start transaction - Remote start first -authorizeRemoteStart is false',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F02', requirements: ['F02.FR.01', 'F01.FR.02'] },
  purpose: 'With AuthorizeRemoteStart false, a RequestStartTransaction before the EV is connected is accepted without a prior authorization, and the session starts and charges once the EV is connected.',
  refs: ['OCPP 2.0.1 Part 2 F01.FR.02', 'OCPP 2.0.1 Part 2 F02.FR.01', 'OCPP 2.0.1 Part 2 F02.FR.10', 'OCPP 2.0.1 Part 2 F01.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_03_CS (reusable states ParkingBayOccupied (optional), Authorized Main B, EnergyTransferStarted); ours: the session ended and the configuration restored after the table.',
  pics: { all: ['C-48.2'], any: ['C-36', 'C-37', 'C-38', 'C-39'], text: 'C-48.2 and (C-36-(or) C-39)' },
  actions: ['plugIn', 'unplug'],
}, async (t) => {
  // The prerequisite "not ReadOnly with the value true": a variable that cannot be set to false is NOT_APPLICABLE.
  await withTxSession(t, { teardownStep: 3, settings: [...AUTH_ENABLED, { component: 'AuthCtrlr', variable: 'AuthorizeRemoteStart', value: 'false' }] }, async (s) => {
    await t.step(0, 'Before: reusable state ParkingBayOccupied (optional)', () => parkingBayOccupied(s));
    await t.step(1, 'Reusable state Authorized (remote): RequestStartTransaction Accepted; the session is authorized without Authorize', () => authorized(s, 'remote'));
    await t.step(2, 'Reusable state EnergyTransferStarted: connect the EV; the energy flows', () => energyTransferStarted(s));
  });
});
