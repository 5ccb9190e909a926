import { defineCase } from '../../../harness/dsl/define-case.js';
import { expectConnectorStatus } from '../provisioning/charging-station-steps.js';
import { configuredConnector, part6, triggerMessage } from './remote-control-steps.js';

const TC = part6('TC_F_23_CS');

export default defineCase({
  id: 'TC_F_23_CS',
  title: 'Trigger message - StatusNotification - Specific EVSE - Available',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F06', requirements: ['F06.FR.02', 'F06.FR.04', 'F06.FR.05', 'F06.FR.10'] },
  purpose: 'TriggerMessage StatusNotification for an idle connector is accepted, then the station reports the connector Available (StatusNotification, or NotifyEvent AvailabilityState).',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.04', 'OCPP 2.0.1 Part 2 F06.FR.10', 'OCPP 2.0.1 Part 2 G01.FR.03–07'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_23_CS; ours: the step 3 report counts in either of the forms the table lists (StatusNotification or NotifyEvent AvailabilityState), the first to come is judged.',
  pics: { all: ['C-29.5'], text: 'C-29.5' },
}, async (t) => {
  const cp = await t.csms.booted();
  const { evseId, connectorId } = configuredConnector(t);
  const answer = await t.step(1, `TriggerMessage StatusNotification for EVSE ${evseId} connector ${connectorId}: Accepted (steps 1–2)`, () =>
    triggerMessage(cp, 'StatusNotification', 'Accepted', `${TC} step 2 (tool validation); F06.FR.05`, { id: evseId, connectorId }));
  await t.step(3, 'The station reports the connector Available; the harness answers (steps 3–4)', () =>
    expectConnectorStatus(cp, evseId, 'Available', { after: answer.call.seq, requirement: `${TC} step 3 (tool validation); F06.FR.10` }));
});
