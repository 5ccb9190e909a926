import { defineCase } from '../../../harness/dsl/define-case.js';
import { reportConnector } from '../transactions/csms-transaction-states.js';
import { csmsTriggers, harnessConnector } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_23_CSMS',
  title: 'Trigger message - StatusNotification - Specific EVSE - Available',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'F06', requirements: ['F06.FR.01', 'F06.FR.02', 'F06.FR.13'] },
  purpose: 'Asked to trigger the status of one connector, the CSMS sends TriggerMessage StatusNotification naming its EVSE and connector, and answers the Available report that follows.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.01', 'OCPP 2.0.1 Part 2 F06.FR.13', 'OCPP 2.0.1 Part 2 G01'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_23_CSMS; ours: the operator\'s request is made through SUT control TriggerMessage with the requested message, the EVSE and the connector; the connectorId is checked beyond the table (F06.FR.13).',
  deviations: [{
    what: 'Step 1: the TriggerMessageRequest also carries evse.connectorId',
    why: 'The table validates evse.id only; Part 2 obliges the CSMS to name the connector of a StatusNotification it triggers',
    source: 'OCPP 2.0.1 Part 2 F06.FR.13',
  }],
  pics: { all: ['C-29.5'], text: 'C-29.5' },
  actions: ['TriggerMessage'],
}, async (ctx) => {
  const link = await ctx.cp.booted();
  const { evseId, connectorId } = harnessConnector(ctx.cfg);
  await csmsTriggers(ctx, link, {
    table: 'TC_F_23_CSMS', requestedMessage: 'StatusNotification', evse: { id: evseId, connectorId },
    match: { requestedMessage: 'StatusNotification', 'evse.id': evseId }, answer: 'Accepted',
    extra: { match: { 'evse.connectorId': connectorId }, requirement: 'OCPP 2.0.1 F06.FR.13: the CSMS SHALL set the connectorId of a StatusNotification it triggers' },
  });
  await ctx.step(3, 'The station reports the connector Available (StatusNotification and NotifyEvent); the CSMS answers (steps 3–4)', () =>
    reportConnector(link, { evseId, connectorId }, 'Available', { requirement: 'Part 6 TC_F_23_CSMS step 4' }));
});
