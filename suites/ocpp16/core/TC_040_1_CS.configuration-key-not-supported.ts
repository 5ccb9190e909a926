import { defineCase } from '../../../harness/dsl/define-case.js';

/** A key name no charge point knows (CiString50). */
const UNKNOWN_KEY = 'OcppHarnessNoSuchKey';

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
  provenance: 'OCTT steps as publicly summarised (booted → ChangeConfiguration.req with an unsupported key → ChangeConfiguration.conf NotSupported). Ours: step 1 uses the reusable state Booted; the key is OcppHarnessNoSuchKey instead of "Testing".',
  actions: [],
}, async ({ csms, step }) => {
  const cp = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  await step(2, `ChangeConfiguration of ${UNKNOWN_KEY}, a key the charge point does not support: NotSupported`, () =>
    cp.call('ChangeConfiguration', { key: UNKNOWN_KEY, value: 'true' }, {
      expect: { status: 'NotSupported' },
      requirement: 'OCPP 1.6 §5.3: if the key does not correspond to a configuration setting the charge point supports, it SHALL respond NotSupported',
    }));
});
