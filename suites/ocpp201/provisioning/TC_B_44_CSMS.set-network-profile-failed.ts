import { defineCase } from '../../../harness/dsl/define-case.js';
import { networkProfileOf } from './provisioning-steps.js';

export default defineCase({
  id: 'TC_B_44_CSMS',
  title: 'Set new NetworkConnectionProfile - Failed',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B09 Setting a new NetworkConnectionProfile', requirements: ['B09.FR.03'] },
  purpose: 'The CSMS sends a SetNetworkProfileRequest and copes with the station answering Failed: the connection stays usable.',
  refs: ['OCPP 2.0.1 Part 2 B09', 'OCPP 2.0.1 Part 2 B09.FR.03'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_44_CSMS (no tool validations); ours: the request is asked for through SUT control with the profile of TC_B_42_CSMS, and afterwards a Heartbeat shows the CSMS still serves the station.',
  deviations: [{
    what: 'Step 3: after the Failed answer the station sends a Heartbeat and the CSMS must answer it',
    why: 'The table\'s purpose is that the CSMS handles the Failed answer; it has no tool validation. Answering a CALL is an OCPP-J MUST',
    source: 'OCPP-J 2.0.1 §4.1.7, §4.2.2; OCPP 2.0.1 Part 2 G02',
  }],
  actions: ['SetNetworkProfile'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  link.handle('SetNetworkProfile', () => ({ status: 'Failed' }));
  const request = await step(1, 'The CSMS is asked to set a network profile and sends SetNetworkProfileRequest (step 1)', async () => {
    await sut.do('SetNetworkProfile', networkProfileOf(cfg));
    return link.expectCall('SetNetworkProfile', { requirement: 'OCPP 2.0.1 Part 2 B09; Part 6 TC_B_44_CSMS step 1: the CSMS sends SetNetworkProfileRequest' });
  });
  await step(2, 'The station answers Failed (step 2)', () => request.replied);
  await step(3, 'The station sends a Heartbeat; the CSMS answers it (ours)', () =>
    link.call('Heartbeat', {}, { expect: { currentTime: { present: true } }, requirement: 'OCPP 2.0.1 Part 2 G02; OCPP-J 2.0.1 §4.2.2: the CSMS answers HeartbeatRequest with currentTime', octt: 'not-checked' }));
});
