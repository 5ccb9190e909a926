import { defineCase } from '../../../harness/dsl/define-case.js';

const TABLE = 'Part 6 TC_B_34_CS (Table 26)';

export default defineCase({
  id: 'TC_B_34_CS',
  title: 'Get Variables - Not supported attribute type',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B06 Get Variables', requirements: ['B06.FR.08'] },
  purpose: 'GetVariables of OfflineThreshold with attributeType Target, which it does not have, is answered NotSupportedAttributeType.',
  refs: ['OCPP 2.0.1 Part 2 B06.FR.08'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_34_CS; ours: the component is named OCPPCommCtrlr as in Part 2 (the table writes OCPPCommCtrl).',
}, async ({ csms, step }) => {
  const cp = await csms.booted();
  await step(1, 'GetVariables OCPPCommCtrlr.OfflineThreshold, attributeType Target (step 2: the station answers)', () =>
    cp.call('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeType: 'Target' }] }, {
      expect: { 'getVariableResult.0.attributeStatus': 'NotSupportedAttributeType', 'getVariableResult.0.component.name': 'OCPPCommCtrlr', 'getVariableResult.0.variable.name': 'OfflineThreshold', 'getVariableResult.0.attributeType': 'Target' },
      requirement: `${TABLE} step 2; Part 2 B06.FR.08: an attributeType the variable does not have is answered NotSupportedAttributeType, echoing the attributeType`,
    }));
});
