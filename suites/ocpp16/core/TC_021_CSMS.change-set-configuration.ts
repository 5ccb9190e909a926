import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_021_CSMS',
  title: 'Change/set Configuration',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 135, follows: '2024-04' },
  purpose: 'The CSMS sets the value of a configuration key: it sends ChangeConfiguration MeterValueSampleInterval = 60.',
  refs: ['OCPP 1.6 §5.3 ChangeConfiguration', 'OCPP 1.6 §6.9 ChangeConfiguration.req'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 135; ours: the request is asked for through SUT control with the key and value the table names; the harness accepts it (charge-point defaults).',
  actions: ['ChangeConfiguration'],
}, async ({ cp, sut, step }) => {
  const link = await cp.booted();
  // Table 135 step 1 names key and value.
  const key = 'MeterValueSampleInterval';
  const value = '60';

  const request = await step(1, `The CSMS sends ChangeConfiguration ${key} = ${value} (step 1)`, async () => {
    await sut.do('ChangeConfiguration', { key, value });
    return link.expectCall('ChangeConfiguration', {
      match: { key, value },
      requirement: 'OCPP 1.6 §5.3, §6.9; Table 135 step 1: the CSMS sends ChangeConfiguration.req with key MeterValueSampleInterval and value 60',
    });
  });

  await step(2, 'The charge point answers ChangeConfiguration Accepted (step 2)', () => request.replied);
});
