import { defineCase } from '../../../harness/dsl/define-case.js';
import { parkingBayOccupied, txPoint, withTxSession } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_12_CS',
  title: 'Start transaction options - ParkingBayOccupied',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E01(S1) Start Transaction options - ParkingBayOccupancy', requirements: ['E01.FR.01', 'E01.FR.07', 'E01.FR.10', 'E01.FR.15', 'E01.FR.16'] },
  purpose: 'With TxStartPoint ParkingBayOccupancy, an EV driving into the bay makes the station start the transaction (Started, EVDetected).',
  refs: ['OCPP 2.0.1 Part 2 E01.FR.01', 'OCPP 2.0.1 Part 2 E01.FR.15'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_12_CS; ours: TxStartPoint set to ParkingBayOccupancy alone and, where writable, TxStopPoint too (so that the EV leaving the bay ends the transaction the table starts), and the session ended and the configuration restored after the table.',
  pics: { all: ['C-09.6'], text: 'C-09.6' },
  actions: ['parkingBayOccupied', 'parkingBayUnoccupied'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 3, settings: [txPoint('TxStartPoint', 'ParkingBayOccupancy'), { component: 'TxCtrlr', variable: 'TxStopPoint', value: 'ParkingBayOccupancy', need: 'ifWritable' }] }, async (s) => {
    await t.step(1, 'The EV drives into the parking bay: TransactionEvent Started, EVDetected (steps 1–2)', () =>
      parkingBayOccupied(s, { force: true, cite: 'OCPP 2.0.1 Part 6 TC_E_12_CS step 1', match: { eventType: 'Started' } }));
  });
});
