import { defineCase } from '../../../harness/dsl/define-case.js';

/** The table's key, which no standard lists (§9). */
const UNKNOWN_KEY = 'Testing';

export default defineCase({
  id: 'TC_040_1_CS',
  title: 'Configuration key - NotSupported',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 45, follows: '2024-04' },
  purpose: 'ChangeConfiguration of a key the charge point does not support is answered NotSupported.',
  refs: [
    'OCPP 1.6 §5.3 ChangeConfiguration',
    'OCPP 1.6 §7.22 ConfigurationStatus (NotSupported)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 45; ours: nothing beyond it.',
  actions: [],
}, async ({ csms, step }) => {
  const cp = await csms.booted();

  await step(1, `ChangeConfiguration of ${UNKNOWN_KEY} = true, a key the charge point does not support: NotSupported (steps 1–2)`, () =>
    cp.call('ChangeConfiguration', { key: UNKNOWN_KEY, value: 'true' }, {
      expect: { status: 'NotSupported' },
      requirement: 'OCTT Table 45 step 2; OCPP 1.6 §5.3: if the key does not correspond to a configuration setting the charge point supports, it SHALL respond NotSupported',
    }));
});
