import { defineCase } from '../../../harness/dsl/define-case.js';

const TABLE = 'Part 6 TC_B_33_CS (Table 25)';

export default defineCase({
  id: 'TC_B_33_CS',
  title: 'Get Variables - Unknown variable',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B06 Get Variables', requirements: ['B06.FR.07'] },
  purpose: 'GetVariables of a variable a known component does not have is answered UnknownVariable.',
  refs: ['OCPP 2.0.1 Part 2 B06.FR.07'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_33_CS.',
}, async ({ csms, step }) => {
  const cp = await csms.booted();
  await step(1, 'GetVariables OCPPCommCtrlr.UnknownVariable, attributeType omitted (step 2: the station answers)', () =>
    cp.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'UnknownVariable' } }] }, {
      expect: { 'getVariableResult.0.attributeStatus': 'UnknownVariable', 'getVariableResult.0.component.name': 'OCPPCommCtrlr', 'getVariableResult.0.variable.name': 'UnknownVariable' },
      requirement: `${TABLE} step 2; Part 2 B06.FR.07: a variable the component does not have is answered UnknownVariable`,
    }));
});
