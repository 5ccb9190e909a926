import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_019_2_CSMS',
  title: 'Retrieve specific configuration key',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 134, follows: '2024-04' },
  purpose: 'The CSMS retrieves one specific configuration key of a charge point: it sends GetConfiguration with exactly the key SupportedFeatureProfiles.',
  refs: ['OCPP 1.6 §5.8 GetConfiguration', 'OCPP 1.6 §6.23 GetConfiguration.req', 'OCPP 1.6 §6.24 GetConfiguration.conf'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 134; ours: the request is asked for through SUT control; the harness answers with its own value of the key. The table\'s checks of the answer concern the charge point the tool plays, not the CSMS.',
  actions: ['GetConfiguration'],
}, async ({ cp, sut, step }) => {
  const link = await cp.booted();
  // Table 134 step 1 names the key.
  const key = 'SupportedFeatureProfiles';

  const request = await step(1, `The CSMS sends GetConfiguration for the key ${key} (step 1)`, async () => {
    await sut.do('GetConfiguration', { key: [key] });
    return link.expectCall('GetConfiguration', {
      match: { 'key.0': key, 'key.1': { present: false } },
      requirement: 'OCPP 1.6 §5.8, §6.23; Table 134 step 1: to retrieve a specific configuration setting the CSMS sends GetConfiguration.req listing that key, SupportedFeatureProfiles',
    });
  });

  await step(2, `The charge point answers with the value of ${key} (step 2)`, () => request.replied);
});
