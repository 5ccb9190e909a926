import { defineCase } from '../../../harness/dsl/define-case.js';
import { expectConnectorStatus } from '../provisioning/charging-station-steps.js';
import { evConnectedPreSession, withTxSession } from '../transactions/charging-station-states.js';
import { part6, triggerMessage } from './remote-control-steps.js';

const TC = part6('TC_F_24_CS');

export default defineCase({
  id: 'TC_F_24_CS',
  title: 'Trigger message - StatusNotification - Specific EVSE - Occupied',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F06', requirements: ['F06.FR.02', 'F06.FR.04', 'F06.FR.05', 'F06.FR.10'] },
  purpose: 'With the EV connected, TriggerMessage StatusNotification for the connector is accepted, then the station reports it Occupied (StatusNotification, or NotifyEvent AvailabilityState).',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.04', 'OCPP 2.0.1 Part 2 F06.FR.09', 'OCPP 2.0.1 Part 2 F06.FR.10'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_24_CS; ours: the step 3 report counts in either of the forms the table lists (the first to come is judged), and the EV disconnected after the table.',
  pics: { all: ['C-29.5'], text: 'C-29.5' },
  actions: ['plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 5 }, async (s) => {
    await t.step(0, 'Before: reusable state EVConnectedPreSession: the EV is connected, Occupied', () => evConnectedPreSession(s));
    const answer = await t.step(1, `TriggerMessage StatusNotification for EVSE ${s.evseId} connector ${s.connectorId}: Accepted (steps 1–2)`, () =>
      triggerMessage(s.cp, 'StatusNotification', 'Accepted', `${TC} step 2 (tool validation); F06.FR.05`, { id: s.evseId, connectorId: s.connectorId }));
    await t.step(3, 'The station reports the connector Occupied; the harness answers (steps 3–4)', () =>
      expectConnectorStatus(s.cp, s.evseId, 'Occupied', { after: answer.call.seq, requirement: `${TC} step 3 (tool validation); F06.FR.09 (current information), F06.FR.10` }));
  });
});
