import type { CallResultOk } from '../../../harness/dsl/case-link.js';
import { defineCase } from '../../../harness/dsl/define-case.js';
import type { Matcher } from '../../../harness/checks/match.js';

/** A key name no charge point knows (CiString50). */
const UNKNOWN_KEY = 'OcppHarnessNoSuchKey';

/** Accessibility as Table 25 step 4 lists it: R (read-only), RW (writable), or either. */
type Access = 'R' | 'RW' | 'R OR RW';

/** The Core keys Table 25 step 4 validates, with the accessibility it accepts (§9.1 required keys). */
const CORE_KEYS: Record<string, Access> = {
  AuthorizeRemoteTxRequests: 'R OR RW',
  ClockAlignedDataInterval: 'RW',
  ConnectionTimeOut: 'RW',
  ConnectorPhaseRotation: 'RW',
  GetConfigurationMaxKeys: 'R',
  HeartbeatInterval: 'RW',
  LocalAuthorizeOffline: 'RW',
  LocalPreAuthorize: 'RW',
  MeterValuesAlignedData: 'RW',
  MeterValuesSampledData: 'RW',
  MeterValueSampleInterval: 'RW',
  NumberOfConnectors: 'R',
  ResetRetries: 'RW',
  StopTransactionOnInvalidId: 'RW',
  StopTxnAlignedData: 'RW',
  StopTxnSampledData: 'RW',
  SupportedFeatureProfiles: 'R',
  TransactionMessageAttempts: 'RW',
  TransactionMessageRetryInterval: 'RW',
  UnlockConnectorOnEVSideDisconnect: 'R OR RW',
};

/** Required keys of the optional profiles, which Table 25 leaves to manual validation (§9.2, §9.4). */
const PROFILE_KEYS: Record<string, Record<string, Access>> = {
  LocalAuthListManagement: { LocalAuthListEnabled: 'RW', LocalAuthListMaxLength: 'R', SendLocalListMaxLength: 'R' },
  SmartCharging: {
    ChargeProfileMaxStackLevel: 'R', ChargingScheduleAllowedChargingRateUnit: 'R', ChargingScheduleMaxPeriods: 'R', MaxChargingProfilesInstalled: 'R',
  },
};

const entriesOf = (res: CallResultOk): Array<Record<string, unknown>> =>
  Array.isArray(res.payload.configurationKey) ? res.payload.configurationKey as Array<Record<string, unknown>> : [];

/**
 * A matcher that holds when every key of `keys` is listed in the answer (in any order) and, with
 * `access`, has the accessibility given. A key that is missing is looked for past the list's end, so
 * the finding names it.
 */
function listsKeys(res: CallResultOk, keys: string[], access?: Record<string, Access>): Matcher {
  const list = entriesOf(res);
  const matcher: Matcher = {};
  let missing = list.length;
  for (const key of keys) {
    const i = list.findIndex((k) => k.key === key);
    if (i < 0) { matcher[`configurationKey.${missing++}.key`] = key; continue; }
    matcher[`configurationKey.${i}.key`] = key;
    const a = access?.[key];
    if (a === 'R') matcher[`configurationKey.${i}.readonly`] = true;
    if (a === 'RW') matcher[`configurationKey.${i}.readonly`] = { oneOf: [false], optional: true }; // readonly absent: writable
  }
  return matcher;
}

export default defineCase({
  id: 'TC_019_CS',
  title: 'Retrieve configuration',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'ChargePoint',
  octt: { table: 25, follows: '2024-04' },
  purpose: 'GetConfiguration reports SupportedFeatureProfiles, every required Core key with its accessibility when no key is named, GetConfigurationMaxKeys, and every key asked for by name (as many as GetConfigurationMaxKeys allows).',
  refs: [
    'OCPP 1.6 §5.8 GetConfiguration',
    'OCPP 1.6 §6.23 GetConfiguration.req',
    'OCPP 1.6 §6.24 GetConfiguration.conf',
    'OCPP 1.6 §7.29 KeyValue',
    'OCPP 1.6 §9 Standard Configuration Key Names & Values (required keys, accessibility)',
    'OCPP 1.6 §9.1.9 GetConfigurationMaxKeys',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 25; ours: step 4 also checks the required keys of Local Auth List Management and Smart Charging when supported (the table leaves them to manual validation), and step 9 asks for an unknown key.',
  deviations: [
    {
      what: 'Step 4: the required keys of Local Auth List Management and Smart Charging, when SupportedFeatureProfiles lists the profile, with their accessibility (MUST, not OCTT-checked)',
      why: 'The table lists them but leaves them to manual validation',
      source: 'OCPP 1.6 §9.2, §9.4: the keys are required, with the accessibility given',
    },
    {
      what: 'Step 9: GetConfiguration of an unknown key reports it in unknownKey (MUST, not OCTT-checked)',
      why: 'Not in the table',
      source: 'OCPP 1.6 §5.8: unrecognised keys SHALL be placed in the unknownKey list of GetConfiguration.conf',
    },
  ],
}, async ({ csms, step }) => {
  const cp = await csms.booted();

  const profilesAnswer = await step(1, 'Send GetConfiguration for SupportedFeatureProfiles', () =>
    cp.call('GetConfiguration', { key: ['SupportedFeatureProfiles'] }));
  const profiles = await step(2, 'The charge point reports SupportedFeatureProfiles, with no unknown key', () => {
    cp.checkAnswer(profilesAnswer, 'GetConfiguration', {
      expect: { 'unknownKey.0': { present: false }, 'configurationKey.0.key': 'SupportedFeatureProfiles' },
      requirement: 'OCTT Table 25 step 2; OCPP 1.6 §5.8, §9.1.29: SupportedFeatureProfiles is a required key: returned, not unknown',
    });
    const value = entriesOf(profilesAnswer).find((k) => k.key === 'SupportedFeatureProfiles')?.value;
    return typeof value === 'string' ? value.split(',').map((p) => p.trim()) : [];
  });

  const allAnswer = await step(3, 'Send GetConfiguration with no key', () => cp.call('GetConfiguration', {}));
  const allKeys = await step(4, 'The charge point returns at least every required key of its profiles, each with the accessibility §9 gives it', () => {
    cp.checkAnswer(allAnswer, 'GetConfiguration', {
      expect: listsKeys(allAnswer, Object.keys(CORE_KEYS), CORE_KEYS),
      requirement: 'OCTT Table 25 step 4; OCPP 1.6 §5.8: with no key the charge point SHALL return all configuration settings; §9.1: the required Core keys, with their accessibility (R: readonly true)',
    });
    for (const [profile, keys] of Object.entries(PROFILE_KEYS)) {
      if (!profiles.includes(profile)) continue;
      cp.checkAnswer(allAnswer, 'GetConfiguration', {
        expect: listsKeys(allAnswer, Object.keys(keys), keys), octt: 'not-checked',
        requirement: `OCPP 1.6 §5.8, §9 (${profile}, listed in SupportedFeatureProfiles): its required keys are returned with their accessibility`,
      });
    }
    return entriesOf(allAnswer).map((k) => k.key).filter((k): k is string => typeof k === 'string');
  });

  const maxAnswer = await step(5, 'Send GetConfiguration for GetConfigurationMaxKeys', () =>
    cp.call('GetConfiguration', { key: ['GetConfigurationMaxKeys'] }));
  const maxKeys = await step(6, 'The charge point answers with GetConfigurationMaxKeys', () => {
    const n = Number(entriesOf(maxAnswer).find((k) => k.key === 'GetConfigurationMaxKeys')?.value);
    return Number.isInteger(n) && n >= 1 ? n : undefined;
  });

  const asked = allKeys.slice(0, Math.min(maxKeys ?? allKeys.length, allKeys.length));
  if (asked.length === 0) return; // step 4 already failed: nothing to ask for
  const someAnswer = await step(7, `Send GetConfiguration for ${asked.length} of the keys of step 4 (GetConfigurationMaxKeys or all of them, whichever is less)`, () =>
    cp.call('GetConfiguration', { key: asked }));
  await step(8, 'The charge point returns every key asked for, none unknown', () =>
    cp.checkAnswer(someAnswer, 'GetConfiguration', {
      expect: { 'unknownKey.0': { present: false }, ...listsKeys(someAnswer, asked) },
      requirement: 'OCTT Table 25 step 8; OCPP 1.6 §5.8: every recognised key asked for is returned (the charge point listed these keys itself in step 4)',
    }));

  await step(9, `Ours: GetConfiguration of an unknown key (${UNKNOWN_KEY}): reported in unknownKey`, () =>
    cp.call('GetConfiguration', { key: [UNKNOWN_KEY] }, {
      expect: { 'unknownKey.0': UNKNOWN_KEY, 'configurationKey.0': { present: false } }, octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.8: unrecognised keys SHALL be placed in the unknownKey list of GetConfiguration.conf',
    }));
});
