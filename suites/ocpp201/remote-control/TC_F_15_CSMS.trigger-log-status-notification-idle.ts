import { defineCase } from '../../../harness/dsl/define-case.js';
import { csmsTriggers } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_15_CSMS',
  title: 'Trigger message - LogStatusNotification - Idle',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'F06', requirements: ['F06.FR.01'] },
  purpose: 'Asked to trigger LogStatusNotification, the CSMS sends TriggerMessage LogStatusNotification, and answers the LogStatusNotificationRequest (Idle) that follows.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.01', 'OCPP 2.0.1 Part 2 N01'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_15_CSMS; ours: the operator\'s request is made through SUT control TriggerMessage with the requested message.',
  pics: { all: ['C-29.3'], text: 'C-29.3' },
  actions: ['TriggerMessage'],
}, async (ctx) => {
  const link = await ctx.cp.booted();
  await csmsTriggers(ctx, link, { table: 'TC_F_15_CSMS', requestedMessage: 'LogStatusNotification', match: { requestedMessage: 'LogStatusNotification' }, answer: 'Accepted' });
  await ctx.step(3, 'The station sends LogStatusNotificationRequest; the CSMS answers (steps 3–4)', () =>
    link.call('LogStatusNotification', { status: 'Idle' }, { requirement: 'Part 6 TC_F_15_CSMS step 4: the CSMS responds with a LogStatusNotificationResponse' }));
});
