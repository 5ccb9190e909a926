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
  provenance: 'Steps 1–2 as publicly summarised for TC_019_1_CSMS (tzi-OCTT test_tc_019_1_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_019_1_CSMS): the CSMS sends GetConfiguration.req with no keys; the charge point answers with all its keys. The request is triggered through SUT control; the harness answers with its own configuration (charge-point defaults). The OCTT checks on the keys the charge point reports concern the tool, not the CSMS, and are not repeated here.',
  actions: ['GetConfiguration'],
}, async ({ cp, sut, step }) => {
  const link = await cp.booted();

  const request = await step(1, 'The CSMS sends GetConfiguration without a key list (step 1)', async () => {
    await sut.do('GetConfiguration', {});
    return link.expectCall('GetConfiguration', {
      // `key.0` is absent both when `key` is missing and when it is an empty list.
      match: { 'key.0': { present: false } },
      requirement: 'OCPP 1.6 §5.8: to retrieve all configuration settings the CSMS sends GetConfiguration.req with the key list empty or missing',
    });
  });

  await step(2, 'The charge point answers with all its configuration keys (step 2)', () => request.replied);
});
