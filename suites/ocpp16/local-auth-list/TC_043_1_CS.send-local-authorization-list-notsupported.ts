import { defineCase } from '../../../harness/dsl/define-case.js';
import { configuredEntries, LIST_ENABLED_WHY, localListVersion, nextVersion, readKey, restoreKeys, sendLocalListPayload, setKey } from './local-list-steps.js';

export default defineCase({
  id: 'TC_043_1_CS',
  title: 'Send Local Authorization List - NotSupported',
  ocpp: '1.6',
  profile: 'LocalAuthListManagement',
  sut: 'ChargePoint',
  octt: { table: 51, follows: '2024-04' },
  purpose: 'A charge point whose Local Authorization List is disabled (LocalAuthListEnabled false) answers SendLocalList NotSupported and does not take the list: once enabled again it reports the version it had before.',
  refs: [
    'OCPP 1.6 §5.15 Send Local List',
    'OCPP 1.6 §6.42 SendLocalList.conf',
    'OCPP 1.6 §7.47 UpdateStatus (NotSupported)',
    'OCPP 1.6 §9.2.1 LocalAuthListEnabled',
    'OCPP 1.6 §5.10 Get Local List Version',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 51; ours: the list is disabled (LocalAuthListEnabled false, restored) for a charger that declares the profile.',
  deviations: [
    { what: 'The list version is unchanged after the refused update', why: '§5.10 keeps a refused list out; the table does not re-read the version', source: 'OCPP 1.6 §6.42, §5.10' },
  ],
}, async ({ csms, cfg, step, note, notApplicable }) => {
  const cp = await step(0, 'The charge point is connected and its boot accepted', () => csms.booted());

  const before = await step(0, 'GetLocalListVersion while the list is in use: the version before the case', async () => {
    const enabled = await readKey(cp, 'LocalAuthListEnabled');
    return enabled.value === 'true' ? localListVersion(cp) : undefined;
  });

  const changed = await step(0, 'Before: LocalAuthListEnabled false', () =>
    setKey({ note, notApplicable }, cp, 'LocalAuthListEnabled', 'false', { why: `${LIST_ENABLED_WHY}; the case needs a charge point that allows false` }));

  // Table 51 step 2: status NotSupported, or a CALLERROR NotSupported.
  await step(1, 'SendLocalList, Full, with the valid idTag: NotSupported, or CALLERROR NotSupported (steps 1–2)', () =>
    cp.callResultOrError('SendLocalList', sendLocalListPayload(nextVersion(before ?? 0), 'Full', [configuredEntries(cfg).accepted]), {
      expect: { status: 'NotSupported' }, errorCodes: ['NotSupported'],
      requirement: 'OCTT Table 51 step 2; OCPP 1.6 §6.42, §7.47: with the Local Authorization List not in use the update is not supported: NotSupported',
    }));

  await step(3, 'Restore LocalAuthListEnabled; the list was not taken: GetLocalListVersion as before (ours)', async () => {
    await restoreKeys(cp, [changed]);
    if (before === undefined) {
      note('LocalAuthListEnabled was false before the case: no version to compare');
      return;
    }
    await localListVersion(cp, {
      listVersion: before, octt: 'not-checked',
      requirement: 'OCPP 1.6 §6.42: only an Accepted update is applied; after NotSupported the list keeps its version (§5.10)',
    });
  });
});
