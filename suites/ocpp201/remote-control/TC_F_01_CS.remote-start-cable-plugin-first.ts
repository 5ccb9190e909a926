import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTH_ENABLED, authorized, energyTransferStarted, evConnectedPreSession, withTxSession } from '../transactions/charging-station-states.js';

export default defineCase({
  id: 'TC_F_01_CS',
  title: 'Remote start transaction - Cable plugin first',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F01', requirements: ['F01.FR.03', 'F01.FR.04', 'F01.FR.05', 'F01.FR.13', 'F01.FR.17', 'F01.FR.19', 'F02.FR.01'] },
  purpose: 'With the EV connected first, a RequestStartTransaction is accepted (with the transactionId when the transaction already started), the next TransactionEvent says RemoteStart with the idToken and remoteStartId, and the energy transfer starts.',
  refs: ['OCPP 2.0.1 Part 2 F01.FR.04', 'OCPP 2.0.1 Part 2 F01.FR.13', 'OCPP 2.0.1 Part 2 F01.FR.19', 'OCPP 2.0.1 Part 2 F01.FR.25'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_01_CS (its steps are the reusable states EVConnectedPreSession, Authorized Main B and EnergyTransferStarted); ours: the session ended and the configuration restored after the table.',
  pics: { any: ['C-36', 'C-37', 'C-38', 'C-39'], none: ['AQ-2'], text: 'NOT AQ-2 and (C-36-(or) C-39)' },
  actions: ['plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 3, settings: [...AUTH_ENABLED] }, async (s) => {
    await t.step(0, 'Before: reusable state EVConnectedPreSession: the EV is connected, Occupied', () => evConnectedPreSession(s));
    await t.step(1, 'Reusable state Authorized (remote): RequestStartTransaction Accepted; TransactionEvent RemoteStart with idToken and remoteStartId', () => authorized(s, 'remote'));
    await t.step(2, 'Reusable state EnergyTransferStarted: the energy flows', () => energyTransferStarted(s));
  });
});
