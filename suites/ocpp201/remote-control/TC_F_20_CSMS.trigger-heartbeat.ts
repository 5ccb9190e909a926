import { defineCase } from '../../../harness/dsl/define-case.js';
import { csmsTriggers } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_20_CSMS',
  title: 'Trigger message - Heartbeat',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'F06', requirements: ['F06.FR.01'] },
  purpose: 'Asked to trigger a Heartbeat, the CSMS sends TriggerMessage Heartbeat, and answers the HeartbeatRequest that follows.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.01', 'OCPP 2.0.1 Part 2 G02'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_20_CSMS; ours: the operator\'s request is made through SUT control TriggerMessage with the requested message.',
  actions: ['TriggerMessage'],
}, async (ctx) => {
  const link = await ctx.cp.booted();
  await csmsTriggers(ctx, link, { table: 'TC_F_20_CSMS', requestedMessage: 'Heartbeat', match: { requestedMessage: 'Heartbeat' }, answer: 'Accepted' });
  await ctx.step(3, 'The station sends HeartbeatRequest; the CSMS answers (steps 3–4)', () =>
    link.call('Heartbeat', {}, { requirement: 'Part 6 TC_F_20_CSMS step 4: the CSMS responds with a HeartbeatResponse' }));
});
