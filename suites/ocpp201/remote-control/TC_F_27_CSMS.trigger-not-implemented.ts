import { defineCase } from '../../../harness/dsl/define-case.js';
import { csmsTriggers } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_27_CSMS',
  title: 'Trigger message - NotImplemented',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'F06', requirements: ['F06.FR.08'] },
  purpose: 'The CSMS sends a TriggerMessageRequest and copes with a station that answers NotImplemented.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.08'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_27_CSMS (no tool validation: the TriggerMessageRequest must come and the NotImplemented answer is taken); ours: the operator\'s request is made through SUT control TriggerMessage for a MeterValues message (the table names none).',
  actions: ['TriggerMessage'],
}, async (ctx) => {
  const link = await ctx.cp.booted();
  await csmsTriggers(ctx, link, { table: 'TC_F_27_CSMS', requestedMessage: 'MeterValues', match: {}, answer: 'NotImplemented' });
});
