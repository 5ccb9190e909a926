import { defineCase } from '../../../harness/dsl/define-case.js';

/** A value no integer, boolean or enumerated configuration key takes. */
const INVALID_VALUE = 'not-a-valid-value';

export default defineCase({
  id: 'TC_040_2_CSMS',
  title: 'Configuration keys - Invalid value',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 149, follows: '2024-04' },
  purpose: 'The CSMS asks a charge point to set a supported configuration key to a value the charge point refuses and copes with the answer Rejected: it sends ChangeConfiguration with the configured writable key.',
  refs: ['OCPP 1.6 §5.3 ChangeConfiguration', 'OCPP 1.6 §6.9 ChangeConfiguration.req', 'OCPP 1.6 §7.22 ConfigurationStatus'],
  provenance: 'Steps 1–2 as publicly summarised for TC_040_2_CSMS (tzi-OCTT test_tc_040_2_csms.py, SteVe Ocpp16JsonCsmsCertificationIT): ChangeConfiguration.req with key MeterValueSampleInterval and an invalid value → ChangeConfiguration.conf status Rejected. The key comes from configurationKeys.writable (default MeterValueSampleInterval) rather than being fixed; the OCTT leaves the value open, here it is a fixed value of the wrong format. The request is triggered through SUT control and its key and value are checked; the harness answers Rejected (§5.3: values that do not conform to an expected format; §7.22).',
  actions: ['ChangeConfiguration'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const { key } = cfg.configurationKeys.writable;
  const value = INVALID_VALUE;
  link.handle('ChangeConfiguration', () => ({ status: 'Rejected' }));

  const request = await step(1, `The CSMS sends ChangeConfiguration ${key} = ${value} (step 1)`, async () => {
    await sut.do('ChangeConfiguration', { key, value });
    return link.expectCall('ChangeConfiguration', {
      match: { key, value },
      requirement: 'OCPP 1.6 §5.3, §6.9: the CSMS sends ChangeConfiguration.req with the key to change and its new value',
    });
  });

  await step(2, 'The value does not fit the key: the charge point answers ChangeConfiguration Rejected (step 2)', () => request.replied);
});
