import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_040_2_CSMS',
  title: 'Configuration keys - Invalid value',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 149, follows: '2024-04' },
  purpose: 'The CSMS asks a charge point to set a supported configuration key to a value the charge point refuses and copes with the answer Rejected: it sends ChangeConfiguration MeterValueSampleInterval = -1.',
  refs: ['OCPP 1.6 §5.3 ChangeConfiguration', 'OCPP 1.6 §6.9 ChangeConfiguration.req', 'OCPP 1.6 §7.22 ConfigurationStatus'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 149; ours: the request is asked for through SUT control with the key and value the table names; the harness answers Rejected (§5.3: a value that does not conform to the expected format; §7.22).',
  actions: ['ChangeConfiguration'],
}, async ({ cp, sut, step }) => {
  const link = await cp.booted();
  // Table 149 step 1 names key and value: an interval cannot be negative.
  const key = 'MeterValueSampleInterval';
  const value = '-1';
  link.handle('ChangeConfiguration', () => ({ status: 'Rejected' }));

  const request = await step(1, `The CSMS sends ChangeConfiguration ${key} = ${value} (step 1)`, async () => {
    await sut.do('ChangeConfiguration', { key, value });
    return link.expectCall('ChangeConfiguration', {
      match: { key, value },
      requirement: 'OCPP 1.6 §5.3, §6.9; Table 149 step 1: the CSMS sends ChangeConfiguration.req with key MeterValueSampleInterval and value -1',
    });
  });

  await step(2, 'The value does not fit the key: the charge point answers ChangeConfiguration Rejected (step 2)', () => request.replied);
});
