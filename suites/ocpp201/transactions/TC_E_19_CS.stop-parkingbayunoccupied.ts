import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEvDisconnected, parkingBayUnoccupied, txPoint, withTxSession } from './charging-station-states.js';

export default defineCase({
  id: 'TC_E_19_CS',
  title: 'Stop transaction options - ParkingBayUnoccupied',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E06(S1) Stop Transaction options - ParkingBayOccupancy', requirements: ['E06.FR.01', 'E06.FR.15'] },
  purpose: 'With TxStopPoint ParkingBayOccupancy, the transaction outlives the unplugging and ends when the EV leaves the bay: Ended, EVDeparted, stoppedReason Local.',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.01', 'OCPP 2.0.1 Part 2 E06.FR.15'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_19_CS; ours: TxStopPoint set to ParkingBayOccupancy alone, authorization at the station (the OCTT default), and the configuration restored after the table.',
  pics: { all: ['C-10.5'], text: 'C-10.5 and (C-52 or NOT (C-10.1 or C-10.2 or C-10.3 or C-10.4))' },
  actions: ['parkingBayOccupied', 'parkingBayUnoccupied', 'presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 3,
    settings: [txPoint('TxStopPoint', 'ParkingBayOccupancy', ['EnergyTransfer', 'PowerPathClosed', 'DataSigned', 'Authorized', 'EVConnected'])],
  }, async (s) => {
    await beforeEvDisconnected(s, 'local');
    await t.step(1, 'The EV leaves the parking bay: TransactionEvent Ended, EVDeparted, stoppedReason Local (steps 1–2)', () =>
      parkingBayUnoccupied(s, { step: 'OCPP 2.0.1 Part 6 TC_E_19_CS step 1' }));
  });
});
