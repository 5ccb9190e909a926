import { defineCase } from '../../../harness/dsl/define-case.js';
import { csmsTriggers } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_18_CSMS',
  title: 'Trigger message - FirmwareStatusNotification - Idle',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'F06', requirements: ['F06.FR.01'] },
  purpose: 'Asked to trigger FirmwareStatusNotification, the CSMS sends TriggerMessage FirmwareStatusNotification, and answers the FirmwareStatusNotificationRequest (Idle) that follows.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.01', 'OCPP 2.0.1 Part 2 L01'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_18_CSMS; ours: the operator\'s request is made through SUT control TriggerMessage with the requested message.',
  pics: { all: ['C-29.4'], text: 'C-29.4' },
  actions: ['TriggerMessage'],
}, async (ctx) => {
  const link = await ctx.cp.booted();
  await csmsTriggers(ctx, link, { table: 'TC_F_18_CSMS', requestedMessage: 'FirmwareStatusNotification', match: { requestedMessage: 'FirmwareStatusNotification' }, answer: 'Accepted' });
  await ctx.step(3, 'The station sends FirmwareStatusNotificationRequest; the CSMS answers (steps 3–4)', () =>
    link.call('FirmwareStatusNotification', { status: 'Idle' }, { requirement: 'Part 6 TC_F_18_CSMS step 4: the CSMS responds with a FirmwareStatusNotificationResponse' }));
});
