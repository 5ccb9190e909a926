import { defineCase } from '../../../harness/dsl/define-case.js';

const TABLE = 'Part 6 TC_B_32_CS (Table 24)';

export default defineCase({
  id: 'TC_B_32_CS',
  title: 'Get Variables - Unknown component',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B06 Get Variables', requirements: ['B06.FR.06'] },
  purpose: 'GetVariables of a variable of a component the station does not have is answered UnknownComponent.',
  refs: ['OCPP 2.0.1 Part 2 B06.FR.06'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_32_CS.',
}, async ({ csms, step }) => {
  const cp = await csms.booted();
  await step(1, 'GetVariables UnknownComponent.OfflineThreshold, attributeType omitted (step 2: the station answers)', () =>
    cp.call('GetVariables', { getVariableData: [{ component: { name: 'UnknownComponent' }, variable: { name: 'OfflineThreshold' } }] }, {
      expect: { 'getVariableResult.0.attributeStatus': 'UnknownComponent', 'getVariableResult.0.component.name': 'UnknownComponent', 'getVariableResult.0.variable.name': 'OfflineThreshold' },
      requirement: `${TABLE} step 2; Part 2 B06.FR.06: a component the station does not know is answered UnknownComponent`,
    }));
});
