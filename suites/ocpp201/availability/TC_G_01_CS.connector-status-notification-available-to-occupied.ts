import { defineCase } from '../../../harness/dsl/define-case.js';
import { evConnectedPreSession, parkingBayOccupied, withTxSession } from '../transactions/charging-station-states.js';

export default defineCase({
  id: 'TC_G_01_CS',
  title: 'Connector status Notification - Available to Occupied',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'G01 Status Notification; N07 Alert Event', requirements: ['G01.FR.01', 'N07.FR.19'] },
  purpose: 'Connecting the EV makes the station report its connector Occupied, with StatusNotification or with NotifyEvent (Connector AvailabilityState, trigger Delta).',
  refs: ['OCPP 2.0.1 Part 2 G01.FR.01, G01.FR.03', 'OCPP 2.0.1 Part 2 N07.FR.19', 'OCPP 2.0.1 Part 6 Table 427 (reusable state EVConnectedPreSession)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_01_CS (Table 198): the reusable state EVConnectedPreSession (Table 427) with its tool validations; ours: the EV is connected to the first configured EVSE, and unplugged (a transaction it started ended) after the table.',
  actions: ['plugIn', 'unplug'],
}, (t) => withTxSession(t, { teardownStep: 2 }, async (s) => {
  await t.step(1, 'Reusable state EVConnectedPreSession: the EV is connected; the connector is reported Occupied (and the TransactionEvent due by TxStartPoint)', async () => {
    await parkingBayOccupied(s);
    await evConnectedPreSession(s);
  });
}));
