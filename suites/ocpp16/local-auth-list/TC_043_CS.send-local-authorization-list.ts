import { defineCase } from '../../../harness/dsl/define-case.js';
import { configuredEntries, emptyList, LIST_ENABLED_WHY, localListVersion, nextVersion, restoreKeys, sendLocalList, setKey } from './local-list-steps.js';

export default defineCase({
  id: 'TC_043_CS',
  title: 'Send Local Authorization List',
  ocpp: '1.6',
  profile: 'LocalAuthListManagement',
  sut: 'ChargePoint',
  octt: { table: 50, follows: '2024-04' },
  purpose: 'The charge point accepts a Full update of its Local Authorization List and then a Differential one (an entry added, an entry removed), and each time reports the version the update carried.',
  refs: [
    'OCPP 1.6 §3.5.2 Local Authorization List (full and differential updates)',
    'OCPP 1.6 §5.15 Send Local List',
    'OCPP 1.6 §6.41 SendLocalList.req',
    'OCPP 1.6 §7.1 AuthorizationData (no idTagInfo: remove)',
    'OCPP 1.6 §5.10 Get Local List Version',
    'OCPP 1.6 §9.2.1 LocalAuthListEnabled',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 50; ours: the entries and versions, GetLocalListVersion after each update, LocalAuthListEnabled set and restored, the list emptied at the end.',
  deviations: [
    { what: 'GetLocalListVersion after each update reports the version sent (MUST, OCTT not-checked)', why: '§5.15: the charge point MUST associate the version with its list', source: 'OCPP 1.6 §5.15' },
    { what: 'The last steps (empty list) (clean-up)', why: 'leave the system under test as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
}, async ({ csms, cfg, step, note, notApplicable }) => {
  const entries = configuredEntries(cfg);
  const cp = await step(0, 'The charge point is connected and its boot accepted', () => csms.booted());

  const changed = await step(0, 'Before: LocalAuthListEnabled true', () =>
    setKey({ note, notApplicable }, cp, 'LocalAuthListEnabled', 'true', { required: true, why: LIST_ENABLED_WHY }));

  const current = await step(0, 'GetLocalListVersion: the version before the case', () => localListVersion(cp));

  const full = await step(1, 'SendLocalList, Full, the next version: Accepted (steps 1–2); GetLocalListVersion reports it (ours)', async () => {
    const v = nextVersion(current);
    await sendLocalList(cp, v, 'Full', [entries.accepted, entries.blocked], {
      status: 'Accepted',
      requirement: 'OCPP 1.6 §5.15: a Full update within SendLocalListMaxLength, every entry with an idTagInfo, is applied and answered Accepted',
    });
    await localListVersion(cp, { listVersion: v, octt: 'not-checked', requirement: 'OCPP 1.6 §5.15, §5.10: the charge point MUST associate the listVersion of the update with its list and report it' });
    return v;
  });

  const differential = await step(3, 'SendLocalList, Differential, one version up: add an entry, remove one: Accepted (steps 3–4); GetLocalListVersion reports it (ours)', async () => {
    const v = full + 1;
    await sendLocalList(cp, v, 'Differential', [entries.expired, { idTag: entries.blocked.idTag }], {
      status: 'Accepted',
      requirement: 'OCPP 1.6 §5.15, §6.41, §7.1: a Differential update with a higher version adds or updates the entries with an idTagInfo and removes those without; Accepted',
    });
    await localListVersion(cp, { listVersion: v, octt: 'not-checked', requirement: 'OCPP 1.6 §5.15, §5.10: the charge point MUST associate the listVersion of the update with its list and report it' });
    return v;
  });

  await step(5, 'Clean-up: empty the Local Authorization List and restore LocalAuthListEnabled', async () => {
    await emptyList(cp, differential + 1);
    await restoreKeys(cp, [changed]);
  });
});
