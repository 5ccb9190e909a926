import { defineCase } from '../../../harness/dsl/define-case.js';
import { METER_VALUES_ANSWERED, meterValue } from '../transactions/csms-transaction-states.js';
import { csmsTriggers, harnessConnector } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_11_CSMS',
  title: 'Trigger message - MeterValues - Specific EVSE',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'F06', requirements: ['F06.FR.01', 'F06.FR.02'] },
  purpose: 'Asked to trigger MeterValues for one EVSE, the CSMS sends TriggerMessage MeterValues naming that EVSE, and answers the MeterValuesRequest that follows.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.01', 'OCPP 2.0.1 Part 2 F06.FR.02', 'OCPP 2.0.1 Part 2 J01.FR.18'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_11_CSMS; ours: the operator\'s request is made through SUT control TriggerMessage with the requested message and the EVSE.',
  pics: { all: ['C-29.1'], text: 'C-29.1' },
  actions: ['TriggerMessage'],
}, async (ctx) => {
  const link = await ctx.cp.booted();
  const { evseId } = harnessConnector(ctx.cfg);
  await csmsTriggers(ctx, link, { table: 'TC_F_11_CSMS', requestedMessage: 'MeterValues', evse: { id: evseId }, match: { requestedMessage: 'MeterValues', 'evse.id': evseId }, answer: 'Accepted' });
  await ctx.step(3, `MeterValuesRequest for EVSE ${evseId} in context Trigger; the CSMS answers (steps 3–4)`, () =>
    link.call('MeterValues', { evseId, meterValue: [meterValue('Trigger', { wh: 1000 })] }, { requirement: `Part 6 TC_F_11_CSMS step 4; ${METER_VALUES_ANSWERED}` }));
});
