import { defineCase } from '../../../harness/dsl/define-case.js';
import { harnessConnector } from './remote-control-steps.js';

export default defineCase({
  id: 'TC_F_06_CSMS',
  title: 'Remote unlock Connector - Without ongoing transaction - Accepted',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'F05', requirements: [] },
  purpose: 'Asked to unlock a connector, the CSMS sends UnlockConnectorRequest for that EVSE and connector.',
  refs: ['OCPP 2.0.1 Part 2 F05'],
  provenance: 'OCPP 2.0.1 Part 6 TC_F_06_CSMS; ours: the operator\'s request is made through SUT control UnlockConnector with the configured EVSE and connector.',
  actions: ['UnlockConnector'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const { evseId, connectorId } = harnessConnector(cfg);
  link.handle('UnlockConnector', () => ({ status: 'Unlocked' }));
  const request = await step(1, `The CSMS is asked to unlock EVSE ${evseId} connector ${connectorId} and sends UnlockConnectorRequest (step 1)`, async () => {
    const mark = link.mark('UnlockConnector asked for');
    await sut.do('UnlockConnector', { evseId, connectorId });
    return link.expectCall('UnlockConnector', {
      after: mark, match: { evseId, connectorId },
      requirement: 'Part 6 TC_F_06_CSMS step 1 (tool validation): evseId and connectorId are the configured ones',
    });
  });
  await step(2, 'The station answers Unlocked (step 2)', () => request.replied);
});
