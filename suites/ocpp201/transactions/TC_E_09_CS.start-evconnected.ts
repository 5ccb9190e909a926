import { defineCase } from '../../../harness/dsl/define-case.js';
import { connectEv, evseMatch, expectTxEvent, parkingBayOccupied, txPoint, withTxSession } from './charging-station-states.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_09_CS';

export default defineCase({
  id: 'TC_E_09_CS',
  title: 'Start transaction options - EVConnected',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E01(S2) Start Transaction options - EVConnected', requirements: ['E01.FR.02', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16'] },
  purpose: 'With TxStartPoint EVConnected, connecting the EV makes the station start the transaction (Started, EVConnected, with the EVSE) without any authorization.',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.02', 'OCPP 2.0.1 Part 2 E01.FR.15', 'OCPP 2.0.1 Part 2 E01.FR.16', 'OCPP 2.0.1 Part 2 E02.FR.05'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_09_CS; ours: TxStartPoint set to EVConnected alone, and the session ended and the configuration restored after the table.',
  pics: { all: ['C-09.1'], text: 'C-09.1 and (C-51 or NOT C-09.6)' },
  actions: ['plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 5, settings: [txPoint('TxStartPoint', 'EVConnected', ['ParkingBayOccupancy'])] }, async (s) => {
    await t.step(0, 'Before: reusable state ParkingBayOccupied (optional)', () => parkingBayOccupied(s));
    const m = await t.step(1, 'Connect the EV; the station reports the connector Occupied (steps 1–2)', () =>
      connectEv(s, `${TC} step 1; E02.FR.05 (Occupied when a cable is plugged in)`));
    await t.step(3, 'The transaction starts: Started, CablePluggedIn or ChargingStateChanged, EVConnected, with the EVSE (steps 3–4)', () => expectTxEvent(s, {
      after: m.after,
      match: { eventType: 'Started', triggerReason: { oneOf: ['CablePluggedIn', 'ChargingStateChanged'] }, ...evseMatch(s), 'transactionInfo.chargingState': 'EVConnected' },
      requirement: `${TC} step 3; E01.FR.02 (start at EVConnected), E01.FR.16 (evse), E01.FR.15`,
    }));
  });
});
