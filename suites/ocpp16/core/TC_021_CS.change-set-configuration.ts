import { defineCase } from '../../../harness/dsl/define-case.js';

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
    'OCPP 1.6 §9 Standard Configuration Key Names & Values (accessibility)',
  ],
  provenance: 'OCTT steps 1–5 as publicly summarised (booted → read the key and record its value → ChangeConfiguration Accepted → GetConfiguration shows the new value → restore the original value, Accepted). Ours: step 1 uses the reusable state Booted instead of waiting for a Heartbeat; the key and new value come from config configurationKeys.writable instead of MeterValueSampleInterval = original + 10.',
}, async ({ csms, cfg, step, note }) => {
  const { key, value } = cfg.configurationKeys.writable;
  const cp = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  const original = await step(2, `GetConfiguration of ${key}: reported, writable; record its value`, async () => {
    const res = await cp.call('GetConfiguration', { key: [key] }, {
      expect: { 'configurationKey.0.key': key, 'configurationKey.0.readonly': false },
      requirement: 'OCPP 1.6 §5.8: a recognised key is returned with its value and read-only state; §9: the key is read-write (RW)',
    });
    const list = Array.isArray(res.payload.configurationKey) ? res.payload.configurationKey as Array<Record<string, unknown>> : [];
    const v = list[0]?.key === key ? list[0].value : undefined;
    return typeof v === 'string' ? v : undefined;
  });

  await step(3, `ChangeConfiguration ${key} = ${value}: Accepted`, () =>
    cp.call('ChangeConfiguration', { key, value }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.3: a supported key set to a valid value, effective at once: the charge point SHALL answer Accepted',
    }));

  await step(4, `GetConfiguration of ${key}: it now has the value set`, () =>
    cp.call('GetConfiguration', { key: [key] }, {
      expect: { 'configurationKey.0.key': key, 'configurationKey.0.value': value },
      requirement: 'OCPP 1.6 §5.3, §5.8: an Accepted change is applied; GetConfiguration returns the key with its current value',
    }));

  await step(5, `Restore ${key} to its original value: Accepted`, async () => {
    if (original === undefined) {
      note(`${key} was not reported with a value in step 2; nothing to restore`);
      return;
    }
    await cp.call('ChangeConfiguration', { key, value: original }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §5.3: setting a writable key back to the value the charge point reported is Accepted',
    });
  });
});
