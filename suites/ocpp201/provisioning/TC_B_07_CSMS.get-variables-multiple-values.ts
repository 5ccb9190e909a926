import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_B_07_CSMS',
  title: 'Get Variables - multiple values',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B06 Get Variables', requirements: ['B06.FR.01', 'B06.FR.02', 'B06.FR.03'] },
  purpose: 'Asked to read OCPPCommCtrlr.OfflineThreshold and AuthCtrlr.AuthorizeRemoteStart, the CSMS sends one GetVariablesRequest with both, in any order.',
  refs: ['OCPP 2.0.1 Part 2 B06', 'OCPP 2.0.1 Part 2 §2 Controller components (OCPPCommCtrlr.OfflineThreshold, AuthCtrlr.AuthorizeRemoteStart)'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_07_CSMS; ours: the operator\'s request is made through SUT control; the second variable is AuthorizeRemoteStart as Part 2 names it (the table also writes AuthorizationRemoteStart); attributeType is not judged, since the table allows every value and its absence.',
  pics: { all: ['C-45'], text: 'If the CSMS supports multiple elements in a GetVariablesRequest' },
  actions: ['GetVariables'],
}, async ({ cp, sut, step }) => {
  const link = await cp.booted();
  const request = await step(1, 'The CSMS is asked for two variables and sends one GetVariablesRequest with both (step 1)', async () => {
    await sut.do('GetVariables', { getVariableData: [
      { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'OfflineThreshold' } },
      { component: { name: 'AuthCtrlr' }, variable: { name: 'AuthorizeRemoteStart' } },
    ] });
    return link.expectCall('GetVariables', {
      match: {
        getVariableData: { someItem: [
          { 'variable.name': 'OfflineThreshold', 'component.name': 'OCPPCommCtrlr' },
          { 'variable.name': 'AuthorizeRemoteStart', 'component.name': 'AuthCtrlr' },
        ] },
      },
      requirement: 'Part 6 TC_B_07_CSMS tool validation step 1: GetVariablesRequest with (in any order) OCPPCommCtrlr.OfflineThreshold and AuthCtrlr.AuthorizeRemoteStart',
    });
  });
  await step(2, 'The station answers with GetVariablesResponse (step 2)', () => request.replied);
});
