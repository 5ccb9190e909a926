import { defineCase } from '../../../harness/dsl/define-case.js';
import { LIST_ENABLED_WHY, readKey, restoreKeys, setKey } from './local-list-steps.js';

export default defineCase({
  id: 'TC_042_1_CS',
  title: 'Get Local List Version (not supported)',
  ocpp: '1.6',
  profile: 'LocalAuthListManagement',
  sut: 'ChargePoint',
  octt: { table: 48, follows: '2024-04' },
  purpose: 'A charge point whose Local Authorization List is not in use (LocalAuthListEnabled false, or the profile not listed in SupportedFeatureProfiles) answers GetLocalListVersion with listVersion -1 (or, as Table 48 allows, a CALLERROR NotSupported).',
  refs: [
    'OCPP 1.6 §5.10 Get Local List Version',
    'OCPP 1.6 §6.28 GetLocalListVersion.conf',
    'OCPP 1.6 §3.5.2 Local Authorization List (SupportedFeatureProfiles, LocalAuthListEnabled)',
    'OCPP 1.6 §9.1.29 SupportedFeatureProfiles',
    'OCPP 1.6 §9.2.1 LocalAuthListEnabled',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 48; ours: a charger that lists the profile gets LocalAuthListEnabled false for the case (restored; N/A when it cannot).',
  deviations: [],
}, async ({ csms, step, note, notApplicable }) => {
  const cp = await step(0, 'The charge point is connected and its boot accepted', () => csms.booted());

  const listed = await step(0, 'GetConfiguration of SupportedFeatureProfiles: does it list LocalAuthListManagement?', async () => {
    const profiles = await readKey(cp, 'SupportedFeatureProfiles');
    const names = (profiles.value ?? '').split(',').map((s) => s.trim());
    note(`SupportedFeatureProfiles: ${profiles.value ?? '(no value)'}`);
    return names.includes('LocalAuthListManagement');
  });

  const changed = await step(0, 'Before: LocalAuthListEnabled false (when the profile is listed)', async () => {
    if (!listed) {
      note('LocalAuthListManagement is not listed: the charge point does not support local lists, no key to change');
      return undefined;
    }
    return setKey({ note, notApplicable }, cp, 'LocalAuthListEnabled', 'false', { why: `${LIST_ENABLED_WHY}; the case needs a charge point that allows false` });
  });

  // Table 48 step 2: listVersion -1, or a CALLERROR NotSupported.
  await step(1, 'GetLocalListVersion: listVersion -1, or CALLERROR NotSupported (steps 1–2)', () =>
    cp.callResultOrError('GetLocalListVersion', {}, {
      expect: { listVersion: -1 }, errorCodes: ['NotSupported'],
      requirement: 'OCTT Table 48 step 2; OCPP 1.6 §5.10: a version number of -1 SHALL indicate that the charge point does not support Local Authorization Lists (here: none in use, LocalAuthListEnabled false or the profile absent)',
    }));

  await step(3, 'Restore LocalAuthListEnabled (ours)', () => restoreKeys(cp, [changed]));
});
