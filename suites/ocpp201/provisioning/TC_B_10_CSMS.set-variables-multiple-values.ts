import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_B_10_CSMS',
  title: 'Set Variables - multiple values',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B05 Set Variables', requirements: ['B05.FR.01', 'B05.FR.02', 'B05.FR.03'] },
  purpose: 'Asked to set OCPPCommCtrlr.OfflineThreshold to 123 and AuthCtrlr.AuthorizeRemoteStart to false, the CSMS sends one SetVariablesRequest with both (any order), attributeType absent or Actual.',
  refs: ['OCPP 2.0.1 Part 2 B05', 'OCPP 2.0.1 Part 2 §2 Controller components (OCPPCommCtrlr.OfflineThreshold, AuthCtrlr.AuthorizeRemoteStart)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_10_CSMS; ours: the operator\'s request is made through SUT control with the values the table validates. The values are set on the harness station only, so nothing is left to restore on the CSMS.',
  pics: { all: ['C-46'], text: 'If the CSMS supports multiple elements in a SetVariablesRequest' },
  actions: ['SetVariables'],
}, async ({ cp, sut, step }) => {
  const link = await cp.booted();
  const actual = { oneOf: ['Actual'], optional: true };
  const request = await step(1, 'The CSMS is asked to set two variables and sends one SetVariablesRequest with both (step 1)', async () => {
    await sut.do('SetVariables', { setVariableData: [
      { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' }, attributeValue: '123' },
      { component: { name: 'AuthCtrlr' }, variable: { name: 'AuthorizeRemoteStart' }, attributeValue: 'false' },
    ] });
    return link.expectCall('SetVariables', {
      match: { setVariableData: { someItem: [
        { 'variable.name': 'OfflineThreshold', 'component.name': 'OCPPCommCtrlr', attributeValue: '123', attributeType: actual },
        { 'variable.name': 'AuthorizeRemoteStart', 'component.name': 'AuthCtrlr', attributeValue: 'false', attributeType: actual },
      ] } },
      requirement: 'Part 6 TC_B_10_CSMS tool validation step 1: SetVariablesRequest with (in any order) OfflineThreshold "123" and AuthorizeRemoteStart "false", attributeType absent or Actual',
    });
  });
  await step(2, 'The station answers with SetVariablesResponse (step 2)', () => request.replied);
});
