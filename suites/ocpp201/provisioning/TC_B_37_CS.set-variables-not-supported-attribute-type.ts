import { defineCase } from '../../../harness/dsl/define-case.js';

const TABLE = 'Part 6 TC_B_37_CS (Table 31)';

export default defineCase({
  id: 'TC_B_37_CS',
  title: 'Set Variables - Not supported attribute type',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B05 Set Variables', requirements: ['B05.FR.06'] },
  purpose: 'SetVariables of OfflineThreshold with attributeType Target, which it does not have, is answered NotSupportedAttributeType.',
  refs: ['OCPP 2.0.1 Part 2 B05.FR.06'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_37_CS; ours: the component is named OCPPCommCtrlr as in Part 2 (the table writes OCPPCommCtrl) and the attributeValue (300), which the table leaves out and the schema requires.',
}, async ({ csms, step }) => {
  const cp = await csms.booted();
  await step(1, 'SetVariables OCPPCommCtrlr.OfflineThreshold (Target) = 300 (step 2: the station answers)', () =>
    cp.call('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeType: 'Target', attributeValue: '300' }] }, {
      expect: { 'setVariableResult.0.attributeStatus': 'NotSupportedAttributeType', 'setVariableResult.0.component.name': 'OCPPCommCtrlr', 'setVariableResult.0.variable.name': 'OfflineThreshold', 'setVariableResult.0.attributeType': 'Target' },
      requirement: `${TABLE} step 2; Part 2 B05.FR.06: an attributeType the variable does not have is answered NotSupportedAttributeType, echoing the attributeType`,
    }));
});
