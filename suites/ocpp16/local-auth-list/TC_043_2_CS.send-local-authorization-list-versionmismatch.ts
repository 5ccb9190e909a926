import { defineCase } from '../../../harness/dsl/define-case.js';
import { configuredEntries, emptyList, LIST_ENABLED_WHY, localListVersion, restoreKeys, sendLocalList, setKey } from './local-list-steps.js';

export default defineCase({
  id: 'TC_043_2_CS',
  title: 'Send Local Authorization List - VersionMismatch',
  ocpp: '1.6',
  profile: 'LocalAuthListManagement',
  sut: 'ChargePoint',
  octt: { table: 52, follows: '2024-04' },
  purpose: 'The charge point takes the version of a Full update (2) and of a Differential update (5) and reports it, and answers a Differential update whose version is not higher than the current one (4 after 5) with VersionMismatch, keeping version 5.',
  refs: [
    'OCPP 1.6 §5.15 Send Local List',
    'OCPP 1.6 §5.10 Get Local List Version',
    'OCPP 1.6 §6.41 SendLocalList.req (listVersion)',
    'OCPP 1.6 §7.47 UpdateStatus (VersionMismatch)',
    'OCPP 1.6 §9.2.1 LocalAuthListEnabled',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 52; ours: LocalAuthListEnabled true set and restored, and the list emptied at the end.',
  deviations: [
    { what: 'The last steps (empty list, version checked) (clean-up)', why: 'leave the system under test as found (§1.3 post-conditions)', source: 'OCTT 1.6 TCD 2024-04 §1.3' },
  ],
}, async ({ csms, cfg, step, note, notApplicable }) => {
  const entry = configuredEntries(cfg).accepted;
  const cp = await step(0, 'The charge point is connected and its boot accepted', () => csms.booted());

  const changed = await step(0, 'Before: LocalAuthListEnabled true', () =>
    setKey({ note, notApplicable }, cp, 'LocalAuthListEnabled', 'true', { required: true, why: LIST_ENABLED_WHY }));

  await step(1, 'SendLocalList, Full, listVersion 2: Accepted (steps 1–2)', () =>
    sendLocalList(cp, 2, 'Full', [entry], { status: 'Accepted', requirement: 'OCPP 1.6 §5.15: a Full update within SendLocalListMaxLength is applied and answered Accepted' }));

  await step(3, 'GetLocalListVersion: 2 (steps 3–4)', async () => {
    await localListVersion(cp, { listVersion: 2, requirement: 'OCPP 1.6 §5.15, §5.10: the charge point MUST associate the listVersion of the update with its list and report it' });
  });

  await step(5, 'SendLocalList, Differential, listVersion 5: Accepted (steps 5–6)', () =>
    sendLocalList(cp, 5, 'Differential', [entry], { status: 'Accepted', requirement: 'OCPP 1.6 §5.15, §7.47: a Differential update with a version above the current list is applied; Accepted' }));

  await step(7, 'GetLocalListVersion: 5 (steps 7–8)', async () => {
    await localListVersion(cp, { listVersion: 5, requirement: 'OCPP 1.6 §5.15, §5.10: the charge point MUST associate the listVersion of the update with its list and report it' });
  });

  await step(9, 'SendLocalList, Differential, listVersion 4: VersionMismatch (steps 9–10)', () =>
    sendLocalList(cp, 4, 'Differential', [entry], {
      status: 'VersionMismatch',
      requirement: 'OCPP 1.6 §7.47: VersionMismatch — the version number in a differential update is less than or equal to the version of the current list',
    }));

  await step(11, 'GetLocalListVersion: still 5 (steps 11–12)', async () => {
    await localListVersion(cp, { listVersion: 5, requirement: 'OCPP 1.6 §6.42: an update that is not Accepted is not applied; the list keeps version 5 (§5.10)' });
  });

  await step(13, 'Clean-up: empty the Local Authorization List and restore LocalAuthListEnabled', async () => {
    await emptyList(cp, 6);
    await restoreKeys(cp, [changed]);
  });
});
