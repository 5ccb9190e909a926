import { defineCase } from '../../../harness/dsl/define-case.js';
import { firstEvse } from './provisioning-steps.js';

export default defineCase({
  id: 'TC_B_25_CSMS',
  title: 'Reset EVSE - Without ongoing transaction',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B11 Reset - Without Ongoing Transaction', requirements: ['B11.FR.04'] },
  purpose: 'Asked to reset one idle EVSE OnIdle, the CSMS sends ResetRequest type OnIdle with that evseId.',
  refs: ['OCPP 2.0.1 Part 2 B11', 'OCPP 2.0.1 Part 2 B11.FR.04'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_25_CSMS; ours: the operator\'s request is made through SUT control with the first configured EVSE.',
  pics: { all: ['C-13'], text: 'Reset per EVSE' },
  actions: ['Reset'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const evseId = firstEvse(cfg);
  const reset = await step(1, `The CSMS is asked to reset EVSE ${evseId} OnIdle and sends ResetRequest (step 1)`, async () => {
    await sut.do('Reset', { type: 'OnIdle', evseId });
    return link.expectCall('Reset', { match: { type: 'OnIdle', evseId }, requirement: 'Part 6 TC_B_25_CSMS tool validation step 1: ResetRequest type OnIdle, evseId the configured EVSE' });
  });
  await step(2, 'The station answers Accepted (step 2)', () => reset.replied);
});
