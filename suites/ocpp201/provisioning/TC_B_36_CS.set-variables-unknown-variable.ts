import { defineCase } from '../../../harness/dsl/define-case.js';

const TABLE = 'Part 6 TC_B_36_CS (Table 30)';

export default defineCase({
  id: 'TC_B_36_CS',
  title: 'Set Variables - Unknown variable',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B05 Set Variables', requirements: ['B05.FR.05'] },
  purpose: 'SetVariables of a variable a known component does not have is answered UnknownVariable.',
  refs: ['OCPP 2.0.1 Part 2 B05.FR.05'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_36_CS; ours: the component is named OCPPCommCtrlr as in Part 2 (the table writes OCPPCommCtrl) and the attributeValue (300), which the table leaves out and the schema requires.',
}, async ({ csms, step }) => {
  const cp = await csms.booted();
  await step(1, 'SetVariables OCPPCommCtrlr.UnknownVariable = 300, attributeType omitted (step 2: the station answers)', () =>
    cp.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'UnknownVariable' }, attributeValue: '300' }] }, {
      expect: { 'setVariableResult.0.attributeStatus': 'UnknownVariable', 'setVariableResult.0.component.name': 'OCPPCommCtrlr', 'setVariableResult.0.variable.name': 'UnknownVariable' },
      requirement: `${TABLE} step 2; Part 2 B05.FR.05: a variable the component does not have is answered UnknownVariable`,
    }));
});
