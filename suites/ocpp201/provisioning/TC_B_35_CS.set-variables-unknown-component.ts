import { defineCase } from '../../../harness/dsl/define-case.js';

const TABLE = 'Part 6 TC_B_35_CS (Table 29)';

export default defineCase({
  id: 'TC_B_35_CS',
  title: 'Set Variables - Unknown component',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B05 Set Variables', requirements: ['B05.FR.04'] },
  purpose: 'SetVariables of a variable of a component the station does not have is answered UnknownComponent.',
  refs: ['OCPP 2.0.1 Part 2 B05.FR.04'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_35_CS; ours: the attributeValue (300), which the table leaves out and the schema requires.',
}, async ({ csms, step }) => {
  const cp = await csms.booted();
  await step(1, 'SetVariables UnknownComponent.OfflineThreshold = 300, attributeType omitted (step 2: the station answers)', () =>
    cp.call('SetVariables', { setVariableData: [{ component: { name: 'UnknownComponent' }, variable: { name: 'OfflineThreshold' }, attributeValue: '300' }] }, {
      expect: { 'setVariableResult.0.attributeStatus': 'UnknownComponent', 'setVariableResult.0.component.name': 'UnknownComponent', 'setVariableResult.0.variable.name': 'OfflineThreshold' },
      requirement: `${TABLE} step 2; Part 2 B05.FR.04: a component the station does not know is answered UnknownComponent`,
    }));
});
