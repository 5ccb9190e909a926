import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_021_CSMS',
  title: 'Change/set Configuration',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 135, follows: '2024-04' },
  purpose: 'The CSMS sets the value of a configuration key: it sends ChangeConfiguration with the configured writable key and value.',
  refs: ['OCPP 1.6 §5.3 ChangeConfiguration', 'OCPP 1.6 §6.9 ChangeConfiguration.req'],
  provenance: 'Steps 1–2 as publicly summarised for TC_021_CSMS (tzi-OCTT test_tc_021_csms.py: ChangeConfiguration.req with key MeterValueSampleInterval and a value, answered Accepted). The key and value come from configurationKeys.writable rather than being fixed; the request is triggered through SUT control; the harness accepts it (charge-point defaults).',
  actions: ['ChangeConfiguration'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const { key, value } = cfg.configurationKeys.writable;

  const request = await step(1, `The CSMS sends ChangeConfiguration ${key} = ${value} (step 1)`, async () => {
    await sut.do('ChangeConfiguration', { key, value });
    return link.expectCall('ChangeConfiguration', {
      match: { key, value },
      requirement: 'OCPP 1.6 §5.3: the CSMS sends ChangeConfiguration.req with the key to change and its new value',
    });
  });

  await step(2, 'The charge point answers ChangeConfiguration Accepted (step 2)', () => request.replied);
});
