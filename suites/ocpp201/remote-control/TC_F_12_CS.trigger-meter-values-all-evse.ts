import { defineCase } from '../../../harness/dsl/define-case.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { expectTriggered, part6, triggerMessage } from './remote-control-steps.js';

const TC = part6('TC_F_12_CS');

export default defineCase({
  id: 'TC_F_12_CS',
  title: 'Trigger message - MeterValues - All EVSE',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F06', requirements: ['F06.FR.04', 'F06.FR.05', 'F06.FR.06', 'F06.FR.10', 'F06.FR.11'] },
  purpose: 'TriggerMessage MeterValues without an EVSE is accepted, then a MeterValuesRequest with readings in context Trigger follows for every EVSE.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.06', 'OCPP 2.0.1 Part 2 F06.FR.10', 'OCPP 2.0.1 Part 2 F06.FR.11'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_12_CS; ours: the EVSEs are the configured ones, each MeterValuesRequest is told apart by its evseId, and clock-aligned MeterValues (context Sample.Clock) that happen to come meanwhile are not taken for triggered ones.',
  pics: { all: ['C-29.1'], text: 'C-29.1' },
}, async (t) => {
  const cp = await t.csms.booted();
  const answer = await t.step(1, 'TriggerMessage MeterValues without evse: Accepted (steps 1–2)', () =>
    triggerMessage(cp, 'MeterValues', 'Accepted', `${TC} step 2 (tool validation); F06.FR.05`));
  await t.step(3, 'A MeterValuesRequest in context Trigger for every EVSE; the harness answers each (steps 3–4)', async () => {
    for (const evseId of evseIdsOf(t.cfg)) {
      await expectTriggered(cp, 'MeterValues', answer, {
        where: { evseId, 'meterValue.0.sampledValue.0.context': { not: 'Sample.Clock' } },
        match: { 'meterValue.0.sampledValue.0.context': 'Trigger' },
        requirement: `${TC} step 3 (tool validation), EVSE ${evseId}; F06.FR.11 (no evse: every EVSE), F06.FR.06`,
      });
    }
  });
});
