import { defineCase } from '../../../harness/dsl/define-case.js';
import { evConnectedPreSession, expectConnectorStatus, parkingBayOccupied, stimulusMark, withTxSession } from '../transactions/charging-station-states.js';

const TABLE = 'Part 6 TC_G_02_CS (Table 199)';

export default defineCase({
  id: 'TC_G_02_CS',
  title: 'Connector status Notification - Occupied to Available',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'G01 Status Notification; N07 Alert Event', requirements: ['G01.FR.01', 'N07.FR.19'] },
  purpose: 'Disconnecting the EV makes the station report its connector Available again, with StatusNotification or with NotifyEvent (Connector AvailabilityState, trigger Delta).',
  refs: ['OCPP 2.0.1 Part 2 G01.FR.01, G01.FR.04', 'OCPP 2.0.1 Part 2 N07.FR.19', 'OCPP 2.0.1 Part 6 Table 427 (reusable state EVConnectedPreSession)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_G_02_CS (Table 199), Before by the reusable state EVConnectedPreSession (Table 427) as step 0; ours: the first configured EVSE; a transaction the plug-in started is not judged when it ends (the table validates the status only) and is closed after the table if still open.',
  actions: ['plugIn', 'unplug'],
}, (t) => withTxSession(t, { teardownStep: 5 }, async (s) => {
  await t.step(0, 'Before: reusable state EVConnectedPreSession (the EV connected, the connector Occupied)', async () => {
    await parkingBayOccupied(s);
    await evConnectedPreSession(s);
  });
  const m = await t.step(1, 'Manual action: the EV and EVSE are disconnected', async () => {
    const mark = stimulusMark(s, 'the EV and EVSE are disconnected');
    await t.sut.do('unplug', { evseId: s.evseId, connectorId: s.connectorId });
    s.plugged = false;
    return mark;
  });
  await t.step(3, 'The station reports the connector Available (step 4: the harness answers)', () =>
    expectConnectorStatus(s, 'Available', `${TABLE} step 3 (tool validation); Part 2 G01.FR.04: after the EV is disconnected the connector is reported Available (StatusNotification or NotifyEvent AvailabilityState, trigger Delta)`, m.after));
}));
