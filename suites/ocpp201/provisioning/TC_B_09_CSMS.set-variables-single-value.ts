import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_B_09_CSMS',
  title: 'Set Variables - single value',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B05 Set Variables', requirements: ['B05.FR.01', 'B05.FR.02', 'B05.FR.03', 'B05.FR.10', 'B05.FR.12'] },
  purpose: 'Asked to set OCPPCommCtrlr.OfflineThreshold to 123, the CSMS sends a SetVariablesRequest for it, with attributeType absent or Actual.',
  refs: ['OCPP 2.0.1 Part 2 B05', 'OCPP 2.0.1 Part 2 §2 Controller components (OCPPCommCtrlr.OfflineThreshold)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_09_CSMS; ours: the operator\'s request is made through SUT control with the value the table validates ("123"); the component is named OCPPCommCtrlr as Part 2 names it (the table writes OCPPCommCtrl). The value is set on the harness station only, so nothing is left to restore on the CSMS.',
  actions: ['SetVariables'],
}, async ({ cp, sut, step }) => {
  const link = await cp.booted();
  const request = await step(1, 'The CSMS is asked to set OCPPCommCtrlr.OfflineThreshold = 123 and sends SetVariablesRequest (step 1)', async () => {
    await sut.do('SetVariables', { setVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeValue: '123' }] });
    return link.expectCall('SetVariables', {
      match: { setVariableData: { someItem: {
        'variable.name': 'OfflineThreshold', 'component.name': 'OCPPCommCtrlr', attributeValue: '123', attributeType: { oneOf: ['Actual'], optional: true },
      } } },
      requirement: 'Part 6 TC_B_09_CSMS tool validation step 1: SetVariablesRequest with OCPPCommCtrlr.OfflineThreshold, attributeValue "123", attributeType absent or Actual',
    });
  });
  await step(2, 'The station answers with SetVariablesResponse (step 2)', () => request.replied);
});
