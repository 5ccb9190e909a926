import { defineCase } from '../../../harness/dsl/define-case.js';
import { readKey } from './cs-steps.js';

const KEY = 'MeterValueSampleInterval';
/** Not a valid number of seconds. */
const INVALID = '-1';

export default defineCase({
  id: 'TC_040_2_CS',
  title: 'Configuration key - Invalid value',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 46, follows: '2024-04' },
  purpose: 'ChangeConfiguration of a supported key to an out-of-range value is answered Rejected and leaves the value as it was.',
  refs: [
    'OCPP 1.6 §5.3 ChangeConfiguration',
    'OCPP 1.6 §7.22 ConfigurationStatus (Rejected)',
    'OCPP 1.6 §9.1 MeterValueSampleInterval (integer, seconds)',
    'OCPP 1.6 §5.8 GetConfiguration',
  ],
  provenance: 'OCTT steps as publicly summarised (booted → ChangeConfiguration.req MeterValueSampleInterval = -1 → ChangeConfiguration.conf Rejected, or a CALLERROR PropertyConstraintViolation). We expect Rejected, the status §5.3 prescribes for out-of-range values (a CALLERROR is a payload.mismatch here). Ours: step 1 uses the reusable state Booted; steps 2 and 4 read the key before and after, to show the refused value was not applied.',
  actions: [],
}, async ({ csms, step }) => {
  const cp = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  const before = await step(2, `GetConfiguration of ${KEY}: record its value`, () => readKey(cp, KEY));

  await step(3, `ChangeConfiguration ${KEY} = ${INVALID}: Rejected`, () =>
    cp.call('ChangeConfiguration', { key: KEY, value: INVALID }, {
      expect: { status: 'Rejected' },
      requirement: 'OCPP 1.6 §5.3: a setting the charge point did not apply, such as an out-of-range value (a negative number of seconds), SHALL be answered Rejected',
    }));

  await step(4, `GetConfiguration of ${KEY}: the value is unchanged`, async () => {
    if (before === undefined) return; // step 2 already failed
    await cp.call('GetConfiguration', { key: [KEY] }, {
      expect: { 'configurationKey.0.key': KEY, 'configurationKey.0.value': before },
      requirement: 'OCPP 1.6 §5.3: Rejected means the charge point did not set the configuration',
    });
  });
});
