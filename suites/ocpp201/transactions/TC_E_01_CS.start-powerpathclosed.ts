import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTH_ENABLED, authorized, evConnectedPreSession, txPoint, withTxSession } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_01_CS',
  title: 'Start transaction options - PowerPathClosed',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E01(S5) Start Transaction options - PowerPathClosed', requirements: ['E01.FR.05', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16'] },
  purpose: 'With TxStartPoint PowerPathClosed, an authorized driver connecting the EV makes the station start the transaction (TransactionEvent Started) once the power path closes.',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.05', 'OCPP 2.0.1 Part 2 E01.FR.15', 'OCPP 2.0.1 Part 2 E01.FR.16'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_01_CS; ours: TxStartPoint set to PowerPathClosed alone, AuthCtrlr enabled as the other E tables ask, and the session ended and the configuration restored after the table.',
  pics: { all: ['C-09.4'], text: 'C-09.4 and (C-51 or NOT (C-09.1 or C-09.2 or C-09.3 or C-09.6))' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 2,
    settings: [txPoint('TxStartPoint', 'PowerPathClosed', ['ParkingBayOccupancy', 'EVConnected', 'Authorized', 'DataSigned']), ...AUTH_ENABLED],
  }, async (s) => {
    await t.step(0, 'Before: reusable state Authorized (local): the idToken presented and accepted', () => authorized(s, 'local'));
    await t.step(1, 'Reusable state EVConnectedPreSession: connect the EV; Occupied; the transaction starts when the power path closes', () => evConnectedPreSession(s));
  });
});
