import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_019_2_CSMS',
  title: 'Retrieve specific configuration key',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 134, follows: '2024-04' },
  purpose: 'The CSMS retrieves one specific configuration key of a charge point: it sends GetConfiguration with exactly that key.',
  refs: ['OCPP 1.6 §5.8 GetConfiguration', 'OCPP 1.6 §6.23 GetConfiguration.req', 'OCPP 1.6 §6.24 GetConfiguration.conf'],
  provenance: 'Steps 1–2 as publicly summarised for TC_019_2_CSMS (tzi-OCTT test_tc_019_2_csms.py, SteVe Ocpp16JsonCsmsCertificationIT): GetConfiguration.req with the single key SupportedFeatureProfiles → GetConfiguration.conf with that key and no unknownKey. The key comes from configurationKeys.readOnly rather than being fixed (as in TC_019_CS); the request is triggered through SUT control; the harness answers with its own value of the key (charge-point defaults). The OCTT checks on the answer concern the tool, not the CSMS, and are not repeated here.',
  actions: ['GetConfiguration'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const key = cfg.configurationKeys.readOnly.key;

  const request = await step(1, `The CSMS sends GetConfiguration for the key ${key} (step 1)`, async () => {
    await sut.do('GetConfiguration', { key: [key] });
    return link.expectCall('GetConfiguration', {
      match: { 'key.0': key, 'key.1': { present: false } },
      requirement: 'OCPP 1.6 §5.8, §6.23: to retrieve a specific configuration setting the CSMS sends GetConfiguration.req listing that key',
    });
  });

  await step(2, `The charge point answers with the value of ${key} (step 2)`, () => request.replied);
});
