import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_B_06_CSMS',
  title: 'Get Variables - single value',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B06 Get Variables', requirements: ['B06.FR.01', 'B06.FR.02', 'B06.FR.03', 'B06.FR.04', 'B06.FR.10', 'B06.FR.11'] },
  purpose: 'Asked to read OCPPCommCtrlr.OfflineThreshold, the CSMS sends a GetVariablesRequest for it.',
  refs: ['OCPP 2.0.1 Part 2 B06', 'OCPP 2.0.1 Part 2 §2 Controller components (OCPPCommCtrlr.OfflineThreshold)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_06_CSMS; ours: the operator\'s request is made through SUT control; the component is named OCPPCommCtrlr as Part 2 names it (the table writes OCPPCommCtrl); attributeType is not judged, since the table allows every value and its absence.',
  actions: ['GetVariables'],
}, async ({ cp, sut, step }) => {
  const link = await cp.booted();
  const request = await step(1, 'The CSMS is asked for OCPPCommCtrlr.OfflineThreshold and sends GetVariablesRequest (step 1)', async () => {
    await sut.do('GetVariables', { getVariableData: [{ component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } }] });
    return link.expectCall('GetVariables', {
      match: { getVariableData: { someItem: { 'variable.name': 'OfflineThreshold', 'component.name': 'OCPPCommCtrlr' } } },
      requirement: 'Part 6 TC_B_06_CSMS tool validation step 1: GetVariablesRequest with getVariableData for component OCPPCommCtrlr, variable OfflineThreshold',
    });
  });
  await step(2, 'The station answers with GetVariablesResponse (step 2)', () => request.replied);
});
