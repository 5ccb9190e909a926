import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_019_1_CSMS',
  title: 'Retrieve all configuration keys',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 133, follows: '2024-04' },
  purpose: 'The CSMS retrieves every configuration key of a charge point: it sends GetConfiguration without a key list (absent or empty).',
  refs: ['OCPP 1.6 §5.8 GetConfiguration', 'OCPP 1.6 §6.23 GetConfiguration.req'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 133; ours: the request is asked for through SUT control; the harness answers with its own configuration. The table\'s checks of the keys in the answer concern the charge point the tool plays, not the CSMS.',
  actions: ['GetConfiguration'],
}, async ({ cp, sut, step }) => {
  const link = await cp.booted();

  const request = await step(1, 'The CSMS sends GetConfiguration without a key list (step 1)', async () => {
    await sut.do('GetConfiguration', {});
    return link.expectCall('GetConfiguration', {
      // `key.0` is absent both when `key` is missing and when it is an empty list.
      match: { 'key.0': { present: false } },
      requirement: 'OCPP 1.6 §5.8; Table 133 step 1: to retrieve all configuration settings the CSMS sends GetConfiguration.req with the key list empty or missing',
    });
  });

  await step(2, 'The charge point answers with all its configuration keys (step 2)', () => request.replied);
});
