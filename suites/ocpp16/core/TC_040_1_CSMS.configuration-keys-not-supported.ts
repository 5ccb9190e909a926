import { defineCase } from '../../../harness/dsl/define-case.js';

/** A configuration key the harness charge point does not have (CiString50). */
const UNSUPPORTED_KEY = 'OcppHarnessUnsupportedKey';

export default defineCase({
  id: 'TC_040_1_CSMS',
  title: 'Configuration keys - NotSupported',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 148, follows: '2024-04' },
  purpose: 'The CSMS asks a charge point to change a configuration key it does not support and copes with the answer NotSupported: it sends ChangeConfiguration with that key and value.',
  refs: ['OCPP 1.6 §5.3 ChangeConfiguration', 'OCPP 1.6 §6.9 ChangeConfiguration.req', 'OCPP 1.6 §7.22 ConfigurationStatus'],
  provenance: 'Steps 1–2 as publicly summarised for TC_040_1_CSMS (tzi-OCTT test_tc_040_1_csms.py, SteVe Ocpp16JsonCsmsCertificationIT): ChangeConfiguration.req with a key the charge point does not support → ChangeConfiguration.conf status NotSupported. The OCTT leaves key and value to the CSMS; here the request is triggered through SUT control with a fixed key the harness charge point does not have and the value "true", and both are checked. The harness answers NotSupported (§5.3, §7.22).',
  actions: ['ChangeConfiguration'],
}, async ({ cp, sut, step }) => {
  const link = await cp.booted();
  const key = UNSUPPORTED_KEY;
  const value = 'true';
  link.handle('ChangeConfiguration', () => ({ status: 'NotSupported' }));

  const request = await step(1, `The CSMS sends ChangeConfiguration ${key} = ${value} (step 1)`, async () => {
    await sut.do('ChangeConfiguration', { key, value });
    return link.expectCall('ChangeConfiguration', {
      match: { key, value },
      requirement: 'OCPP 1.6 §5.3, §6.9: the CSMS sends ChangeConfiguration.req with the key to change and its new value',
    });
  });

  await step(2, 'The charge point does not support the key: it answers ChangeConfiguration NotSupported (step 2)', () => request.replied);
});
