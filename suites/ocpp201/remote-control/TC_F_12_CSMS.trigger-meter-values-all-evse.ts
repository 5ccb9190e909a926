import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { METER_VALUES_ANSWERED, meterValue } from '../transactions/csms-transaction-states.js';
import { csmsTriggers } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_12_CSMS',
  title: 'Trigger message - MeterValues - All EVSE',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'F06', requirements: ['F06.FR.01'] },
  purpose: 'Asked to trigger MeterValues for the whole station, the CSMS sends TriggerMessage MeterValues, and answers the MeterValuesRequest of every EVSE that follows.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.01', 'OCPP 2.0.1 Part 2 F06.FR.11', 'OCPP 2.0.1 Part 2 J01.FR.18'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_12_CSMS; ours: the operator\'s request is made through SUT control TriggerMessage with the requested message; each MeterValuesRequest names its EVSE (the schema requires evseId, which the table says is omitted).',
  pics: { all: ['C-29.1'], text: 'C-29.1' },
  actions: ['TriggerMessage'],
}, async (ctx) => {
  const link = await ctx.cp.booted();
  await csmsTriggers(ctx, link, { table: 'TC_F_12_CSMS', requestedMessage: 'MeterValues', match: { requestedMessage: 'MeterValues' }, answer: 'Accepted' });
  await ctx.step(3, 'A MeterValuesRequest in context Trigger for every EVSE; the CSMS answers each (steps 3–4)', async () => {
    for (const evseId of evseIdsOf(ctx.cfg)) {
      await link.call('MeterValues', { evseId, meterValue: [meterValue('Trigger', { wh: 1000 })] }, { requirement: `Part 6 TC_F_12_CSMS step 4, EVSE ${evseId}; ${METER_VALUES_ANSWERED}` });
    }
  });
});
