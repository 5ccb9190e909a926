import { defineCase } from '../../../harness/dsl/define-case.js';

/** A key name no charge point knows (CiString50). */
const UNKNOWN_KEY = 'OcppHarnessNoSuchKey';

export default defineCase({
  id: 'TC_019_CS',
  title: 'Retrieve configuration',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 25, follows: '2024-04' },
  purpose: 'GetConfiguration reports a named read-only key as read-only, every key when none is named, GetConfigurationMaxKeys, every key it listed when they are asked for by name, and an unknown key in unknownKey.',
  refs: [
    'OCPP 1.6 §5.8 GetConfiguration',
    'OCPP 1.6 §6.23 GetConfiguration.req',
    'OCPP 1.6 §6.24 GetConfiguration.conf',
    'OCPP 1.6 §7.29 KeyValue',
    'OCPP 1.6 §9 Standard Configuration Key Names & Values (accessibility)',
    'OCPP 1.6 §9.1.9 GetConfigurationMaxKeys',
  ],
  provenance: 'OCTT steps 1–5 as publicly summarised (booted → GetConfiguration of one read-only key, reported read-only → GetConfiguration with no key → GetConfigurationMaxKeys → all keys at once, at most GetConfigurationMaxKeys of them). Ours: step 1 uses the reusable state Booted instead of waiting for a Heartbeat; step 2 asks for the configured read-only key (config configurationKeys.readOnly) instead of SupportedFeatureProfiles; the per-profile type checks of the values in step 3 are left to the schema (shape) only; step 5 checks that exactly as many keys come back as were asked for (order is not prescribed); step 6 (unknown key → unknownKey) is derived from §5.8.',
}, async ({ csms, cfg, step }) => {
  const readOnlyKey = cfg.configurationKeys.readOnly.key;
  const cp = await step(1, 'The charge point is connected and its boot accepted', () => csms.booted());

  await step(2, `GetConfiguration of ${readOnlyKey}: reported, read-only`, () =>
    cp.call('GetConfiguration', { key: [readOnlyKey] }, {
      expect: { 'configurationKey.0.key': readOnlyKey, 'configurationKey.0.readonly': true },
      requirement: 'OCPP 1.6 §5.8: a recognised key is returned with its value and read-only state; §9: the key is read-only (R)',
    }));

  const allKeys = await step(3, 'GetConfiguration with no key: the charge point returns its configuration settings', async () => {
    const res = await cp.call('GetConfiguration', {}, {
      expect: { configurationKey: { present: true }, 'configurationKey.0.key': { present: true } },
      requirement: 'OCPP 1.6 §5.8: with no key in the request the charge point SHALL return a list of all configuration settings',
    });
    const list = Array.isArray(res.payload.configurationKey) ? res.payload.configurationKey as Array<Record<string, unknown>> : [];
    return list.map((k) => k.key).filter((k): k is string => typeof k === 'string');
  });

  const maxKeys = await step(4, 'GetConfiguration of GetConfigurationMaxKeys: reported, read-only, with a value', async () => {
    const res = await cp.call('GetConfiguration', { key: ['GetConfigurationMaxKeys'] }, {
      expect: {
        'configurationKey.0.key': 'GetConfigurationMaxKeys',
        'configurationKey.0.readonly': true,
        'configurationKey.0.value': { present: true },
      },
      requirement: 'OCPP 1.6 §9.1.9: GetConfigurationMaxKeys is a required, read-only Core key',
    });
    const list = Array.isArray(res.payload.configurationKey) ? res.payload.configurationKey as Array<Record<string, unknown>> : [];
    const n = Number(list[0]?.value);
    return Number.isInteger(n) && n >= 1 ? n : undefined;
  });

  await step(5, 'GetConfiguration of the keys listed in step 3, at most GetConfigurationMaxKeys of them: every one is reported', async () => {
    const asked = allKeys.slice(0, maxKeys ?? allKeys.length);
    if (asked.length === 0) return; // step 3 already failed
    await cp.call('GetConfiguration', { key: asked }, {
      expect: {
        [`configurationKey.${asked.length - 1}.key`]: { present: true },
        [`configurationKey.${asked.length}`]: { present: false },
      },
      requirement: 'OCPP 1.6 §5.8: every recognised key asked for is returned (the charge point listed these keys itself in step 3)',
    });
  });

  await step(6, `GetConfiguration of an unknown key (${UNKNOWN_KEY}): reported in unknownKey`, () =>
    cp.call('GetConfiguration', { key: [UNKNOWN_KEY] }, {
      expect: { 'unknownKey.0': UNKNOWN_KEY, 'configurationKey.0': { present: false } },
      requirement: 'OCPP 1.6 §5.8: unrecognised keys SHALL be placed in the unknownKey list of GetConfiguration.conf',
    }));
});
