import { defineCase } from '../../../harness/dsl/define-case.js';
import { networkProfileOf } from './provisioning-steps.js';

export default defineCase({
  id: 'TC_B_42_CSMS',
  title: 'Set new NetworkConnectionProfile - Accepted',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'B09 Setting a new NetworkConnectionProfile', requirements: ['B09.FR.01'] },
  purpose: 'Asked to set a network connection profile in a slot, the CSMS sends SetNetworkProfileRequest with that slot and connection data (OCPP20 over JSON).',
  refs: ['OCPP 2.0.1 Part 2 B09', 'OCPP 2.0.1 Part 2 B09.FR.01', 'OCPP 2.0.1 Part 2 NetworkConnectionProfileType'],
  provenance: 'OCPP 2.0.1 Part 6 TC_B_42_CSMS; ours: the table\'s configured slot, URL, interface, message timeout and security profile are fixed values the harness asks for through SUT control (slot 2, the run\'s security profile or 1); the harness station accepts the profile but keeps using its present connection.',
  actions: ['SetNetworkProfile'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const profile = networkProfileOf(cfg);
  const d = profile.connectionData;
  const request = await step(1, `The CSMS is asked to set a network profile in slot ${profile.configurationSlot} and sends SetNetworkProfileRequest (step 1)`, async () => {
    await sut.do('SetNetworkProfile', profile);
    return link.expectCall('SetNetworkProfile', {
      match: {
        configurationSlot: profile.configurationSlot, 'connectionData.messageTimeout': d.messageTimeout, 'connectionData.ocppCsmsUrl': d.ocppCsmsUrl,
        'connectionData.ocppInterface': d.ocppInterface, 'connectionData.ocppTransport': 'JSON', 'connectionData.ocppVersion': 'OCPP20',
        'connectionData.securityProfile': d.securityProfile,
      },
      requirement: 'Part 6 TC_B_42_CSMS tool validation step 1: SetNetworkProfileRequest with the configured slot, messageTimeout, ocppCsmsUrl, ocppInterface and securityProfile, ocppTransport JSON, ocppVersion OCPP20',
    });
  });
  await step(2, 'The station answers Accepted (step 2)', () => request.replied);
});
