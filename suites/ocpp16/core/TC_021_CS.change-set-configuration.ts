import { defineCase } from '../../../harness/dsl/define-case.js';
import { inspectKey } from './cs-table-states.js';

export default defineCase({
  id: 'TC_021_CS',
  title: 'Change/set Configuration',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 26, follows: '2024-04' },
  purpose: 'ChangeConfiguration of a writable key to a valid value is Accepted and GetConfiguration then reports the new value; the original value is restored afterwards.',
  refs: [
    'OCPP 1.6 §5.3 ChangeConfiguration',
    'OCPP 1.6 §5.8 GetConfiguration',
    'OCPP 1.6 §6.9 ChangeConfiguration.req',
    'OCPP 1.6 §7.22 ConfigurationStatus',
    'OCPP 1.6 §9.1.19 MeterValueSampleInterval (RW)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 26; ours: the key and value are config configurationKeys.writable (default MeterValueSampleInterval = 5, the table\'s key and <Configured Meter Value interval>), the Before state is established by reading the key and, when it already has the value, changing it to another first, and step 5 restores the original value.',
}, async ({ csms, cfg, step, note, notApplicable }) => {
  const { key, value } = cfg.configurationKeys.writable;
  const cp = await csms.booted();

  const original = await step(1, `Before: ${key} is not ${value}; ChangeConfiguration ${key} = ${value}: Accepted (steps 1–2)`, async () => {
    const found = await inspectKey(cp, key);
    if (!found) return notApplicable(`the charge point does not report ${key} (config configurationKeys.writable)`);
    if (found.value !== undefined && found.value.trim() === value.trim()) {
      // Before state: the value must differ, else step 4 proves nothing.
      const other = /^\d+$/.test(value) ? String(Number(value) + 1) : undefined;
      if (other === undefined) return notApplicable(`${key} already is ${value} and the harness knows no other valid value for it`);
      const res = await cp.call('ChangeConfiguration', { key, value: other }, { requirement: `OCPP 1.6 §5.3: ChangeConfiguration is answered (Before state: ${key} is not ${value})` });
      if (res.payload.status !== 'Accepted') return notApplicable(`${key} already is ${value} and the charge point refused another value (${String(res.payload.status)})`);
    }
    await cp.call('ChangeConfiguration', { key, value }, {
      expect: { status: 'Accepted' },
      requirement: 'OCTT Table 26 step 2; OCPP 1.6 §5.3: a supported key set to a valid value, effective at once: the charge point SHALL answer Accepted',
    });
    return found.value;
  });

  await step(3, `GetConfiguration of ${key}: it now has the value set (steps 3–4)`, () =>
    cp.call('GetConfiguration', { key: [key] }, {
      expect: { 'configurationKey.0.key': key, 'configurationKey.0.value': value },
      requirement: 'OCTT Table 26 step 4; OCPP 1.6 §5.3, §5.8: an Accepted change is applied; GetConfiguration returns the key with its current value',
    }));

  await step(5, `Restore ${key} to its original value: Accepted`, async () => {
    if (original === undefined) {
      note(`${key} was not reported with a value before the case; nothing to restore`);
      return;
    }
    await cp.call('ChangeConfiguration', { key, value: original }, {
      expect: { status: 'Accepted' },
      octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.3: setting a writable key back to the value the charge point reported is Accepted',
    });
  });
});
