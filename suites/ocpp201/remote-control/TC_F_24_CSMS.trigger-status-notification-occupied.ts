import { defineCase } from '../../../harness/dsl/define-case.js';
import { reportConnector } from '../transactions/csms-transaction-states.js';
import { csmsTriggers, harnessConnector } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_24_CSMS',
  title: 'Trigger message - StatusNotification - Specific EVSE - Occupied',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'F06', requirements: ['F06.FR.01', 'F06.FR.02', 'F06.FR.13'] },
  purpose: 'With a connector reported Occupied, asked to trigger its status, the CSMS sends TriggerMessage StatusNotification naming its EVSE and connector, and answers the Occupied report that follows.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.01', 'OCPP 2.0.1 Part 2 F06.FR.13', 'OCPP 2.0.1 Part 2 G01'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_24_CSMS; ours: the operator\'s request is made through SUT control TriggerMessage with the requested message, the EVSE and the connector; the connectorId is checked beyond the table (F06.FR.13); the connector is reported Available again afterwards.',
  deviations: [{
    what: 'Step 3: the TriggerMessageRequest also carries evse.connectorId',
    why: 'The table validates evse.id only; Part 2 obliges the CSMS to name the connector of a StatusNotification it triggers',
    source: 'OCPP 2.0.1 Part 2 F06.FR.13',
  }, {
    what: 'Teardown (ours): the harness station reports the connector Available again and the CSMS must answer',
    why: 'The table leaves the connector Occupied; a case must not leak state into the next one',
    source: 'OCPP 2.0.1 Part 6 §3.1 general rules',
  }],
  pics: { all: ['C-29.5'], text: 'C-29.5' },
  actions: ['TriggerMessage'],
}, async (ctx) => {
  const link = await ctx.cp.booted();
  const connector = harnessConnector(ctx.cfg);
  const { evseId, connectorId } = connector;
  await ctx.step(1, 'The station reports the connector Occupied (StatusNotification and NotifyEvent); the CSMS answers (steps 1–2)', () =>
    reportConnector(link, connector, 'Occupied', { requirement: 'Part 6 TC_F_24_CSMS step 2' }));
  await csmsTriggers(ctx, link, {
    table: 'TC_F_24_CSMS', firstStep: 3, requestedMessage: 'StatusNotification', evse: { id: evseId, connectorId },
    match: { requestedMessage: 'StatusNotification', 'evse.id': evseId }, answer: 'Accepted',
    extra: { match: { 'evse.connectorId': connectorId }, requirement: 'OCPP 2.0.1 F06.FR.13: the CSMS SHALL set the connectorId of a StatusNotification it triggers' },
  });
  await ctx.step(5, 'The station reports the connector Occupied again; the CSMS answers (steps 5–6)', () =>
    reportConnector(link, connector, 'Occupied', { requirement: 'Part 6 TC_F_24_CSMS step 6' }));
  await ctx.step(7, 'Teardown (ours): the connector is reported Available; the CSMS answers', () =>
    reportConnector(link, connector, 'Available', { requirement: 'Teardown (ours)', octt: 'not-checked' }));
});
