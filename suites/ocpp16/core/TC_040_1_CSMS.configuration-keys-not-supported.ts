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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 148; ours: the request is asked for through SUT control with a key the harness charge point does not have and the value "true"; the table checks nothing of the request, so key and value are checked only at SHOULD. The harness answers NotSupported whatever the key (§5.3, §7.22).',
  deviations: [{
    what: 'Step 1: the ChangeConfiguration.req carries the key and value it was asked to send (SHOULD)',
    why: 'The table leaves key and value to the CSMS and checks neither; a CSMS that sends something else than its operator asked for is worth a warning, not a FAIL',
    source: 'OCPP 1.6 §5.3, §6.9',
  }],
  actions: ['ChangeConfiguration'],
}, async ({ cp, sut, step }) => {
  const link = await cp.booted();
  const key = UNSUPPORTED_KEY;
  const value = 'true';
  link.handle('ChangeConfiguration', () => ({ status: 'NotSupported' }));

  const request = await step(1, `The CSMS sends ChangeConfiguration ${key} = ${value} (step 1)`, async () => {
    await sut.do('ChangeConfiguration', { key, value });
    return link.expectCall('ChangeConfiguration', {
      match: { key, value }, matchLevel: 'SHOULD',
      requirement: 'OCPP 1.6 §5.3, §6.9: the CSMS sends ChangeConfiguration.req with the key and value asked for',
    });
  });

  await step(2, 'The charge point does not support the key: it answers ChangeConfiguration NotSupported (step 2)', () => request.replied);
});
