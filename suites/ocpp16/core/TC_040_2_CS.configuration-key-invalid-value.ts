import { defineCase } from '../../../harness/dsl/define-case.js';
import { inspectKey } from './cs-table-states.js';

const KEY = 'MeterValueSampleInterval';
/** Not a valid number of seconds (the table's value). */
const INVALID = '-1';

export default defineCase({
  id: 'TC_040_2_CS',
  title: 'Configuration key - Invalid value',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 46, follows: '2024-04' },
  purpose: 'ChangeConfiguration of a supported key to an out-of-range value is refused — Rejected, or a CALLERROR PropertyConstraintViolation — and leaves the value as it was.',
  refs: [
    'OCPP 1.6 §5.3 ChangeConfiguration',
    'OCPP 1.6 §7.22 ConfigurationStatus (Rejected)',
    'OCPP 1.6 §9.1.19 MeterValueSampleInterval (integer, seconds)',
    'OCPP 1.6 §5.8 GetConfiguration',
    'OCPP-J 1.6 §4.2.3 CallError (PropertyConstraintViolation)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 46; ours: the key is read before and after (step 3), to show the refused value was not applied.',
  deviations: [{
    what: 'GetConfiguration after the refusal: the value is unchanged (SHOULD)',
    why: 'a refused setting that was applied anyway would surprise the CSMS; the table does not look',
    source: 'OCPP 1.6 §5.3 (Rejected: the setting was not changed)',
  }],
  actions: [],
}, async ({ csms, step }) => {
  const cp = await csms.booted();

  const before = await step(0, `Before: GetConfiguration of ${KEY}, to compare afterwards (ours)`, async () => (await inspectKey(cp, KEY))?.value);

  await step(1, `ChangeConfiguration ${KEY} = ${INVALID}: Rejected, or a CALLERROR PropertyConstraintViolation (steps 1–2)`, () =>
    cp.callResultOrError('ChangeConfiguration', { key: KEY, value: INVALID }, {
      expect: { status: 'Rejected' },
      errorCodes: ['PropertyConstraintViolation'],
      requirement: 'OCTT Table 46 step 2 (Rejected, or CallError PropertyConstraintViolation); OCPP 1.6 §5.3: a setting the charge point did not apply, such as an out-of-range value (a negative number of seconds), SHALL be answered Rejected',
    }));

  await step(3, `GetConfiguration of ${KEY}: the value is unchanged (ours)`, async () => {
    if (before === undefined) return;
    await cp.call('GetConfiguration', { key: [KEY] }, {
      expect: { 'configurationKey.0.key': KEY, 'configurationKey.0.value': before },
      level: 'SHOULD',
      requirement: 'OCPP 1.6 §5.3: Rejected means the charge point did not set the configuration',
    });
  });
});
