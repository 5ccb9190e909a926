import { defineCase } from '../../../harness/dsl/define-case.js';
import { configuredConnector, expectTriggered, part6, triggerMessage } from './remote-control-steps.js';

const TC = part6('TC_F_11_CS');

export default defineCase({
  id: 'TC_F_11_CS',
  title: 'Trigger message - MeterValues - Specific EVSE',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'F06', requirements: ['F06.FR.02', 'F06.FR.04', 'F06.FR.05', 'F06.FR.06', 'F06.FR.10'] },
  purpose: 'TriggerMessage MeterValues for one EVSE is accepted, then a MeterValuesRequest for that EVSE follows with readings in context Trigger.',
  refs: ['OCPP 2.0.1 Part 2 F06.FR.04', 'OCPP 2.0.1 Part 2 F06.FR.06', 'OCPP 2.0.1 Part 2 F06.FR.10'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_11_CS; ours: clock-aligned MeterValues (context Sample.Clock) that happen to come meanwhile are not taken for the triggered one.',
  pics: { all: ['C-29.1'], text: 'C-29.1' },
}, async (t) => {
  const cp = await t.csms.booted();
  const { evseId } = configuredConnector(t);
  const answer = await t.step(1, `TriggerMessage MeterValues for EVSE ${evseId}: Accepted (steps 1–2)`, () =>
    triggerMessage(cp, 'MeterValues', 'Accepted', `${TC} step 2 (tool validation); F06.FR.05`, { id: evseId }));
  await t.step(3, `MeterValuesRequest for EVSE ${evseId}, context Trigger; the harness answers (steps 3–4)`, () =>
    expectTriggered(cp, 'MeterValues', answer, {
      where: { 'meterValue.0.sampledValue.0.context': { not: 'Sample.Clock' } },
      match: { evseId, 'meterValue.0.sampledValue.0.context': 'Trigger' },
      requirement: `${TC} step 3 (tool validation); F06.FR.06, F06.FR.10 (the accepted message is sent)`,
    }));
});
