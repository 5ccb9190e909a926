import { defineCase } from '../../../harness/dsl/define-case.js';
import { LIST_ENABLED_WHY, localListVersion, readKey, restoreKeys, sendLocalList, setKey, type ListEntry } from './local-list-steps.js';

/** More entries than this in one request is not a case a test should send over a real link. */
const MAX_ENTRIES_SENT = 10_000;

export default defineCase({
  id: 'TC_043_3_CS',
  title: 'Send Local Authorization List - Failed',
  ocpp: '1.6',
  profile: 'LocalAuthListManagement',
  sut: 'ChargePoint',
  octt: { table: 53, follows: '2024-04' },
  purpose: 'A Full update with more entries than SendLocalListMaxLength cannot be taken: the charge point answers SendLocalList Failed and keeps the list it had (the same version).',
  refs: [
    'OCPP 1.6 §5.15 Send Local List',
    'OCPP 1.6 §6.41 SendLocalList.req (SendLocalListMaxLength)',
    'OCPP 1.6 §6.42 SendLocalList.conf',
    'OCPP 1.6 §7.47 UpdateStatus (Failed)',
    'OCPP 1.6 §9.2.3 SendLocalListMaxLength',
    'OCPP 1.6 §5.10 Get Local List Version',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 53; ours: the failing state is a request of SendLocalListMaxLength + 1 entries (N/A above 10000), LocalAuthListEnabled set and restored.',
  deviations: [
    { what: 'The list version is unchanged after Failed', why: '§5.10 keeps a list that was not taken out', source: 'OCPP 1.6 §5.10' },
  ],
}, async ({ csms, cfg, step, note, notApplicable }) => {
  const cp = await step(0, 'The charge point is connected and its boot accepted', () => csms.booted());

  const changed = await step(0, 'Before: LocalAuthListEnabled true', () =>
    setKey({ note, notApplicable }, cp, 'LocalAuthListEnabled', 'true', { required: true, why: LIST_ENABLED_WHY }));

  const { maxLength, before } = await step(0, 'GetConfiguration of SendLocalListMaxLength, and GetLocalListVersion: the version before', async () => {
    const key = await readKey(cp, 'SendLocalListMaxLength');
    const n = Number(key.value);
    if (!key.known || !Number.isInteger(n) || n < 0) {
      notApplicable(`SendLocalListMaxLength is ${key.known ? `"${key.value ?? ''}"` : 'not reported'}: no way to make a Full update fail`);
    }
    if (n + 1 > MAX_ENTRIES_SENT) notApplicable(`SendLocalListMaxLength is ${n}: an update with ${n + 1} entries is too large to send`);
    return { maxLength: n, before: await localListVersion(cp) };
  });

  await step(1, `SendLocalList, Full, listVersion 2, ${maxLength + 1} entries (SendLocalListMaxLength + 1): Failed (steps 1–2)`, async () => {
    const entries: ListEntry[] = Array.from({ length: maxLength + 1 }, (_, i) => ({ idTag: `${i}-${cfg.idTags.accepted}`.slice(0, 20), status: 'Accepted' }));
    await sendLocalList(cp, 2, 'Full', entries, {
      status: 'Failed',
      requirement: 'OCPP 1.6 §6.41, §9.2.3: SendLocalListMaxLength is the most entries one SendLocalList.req may carry; a longer update cannot be applied: Failed (§7.47)',
    });
  });

  await step(3, 'GetLocalListVersion: the version before the failed update (ours)', () =>
    localListVersion(cp, {
      listVersion: before, octt: 'not-checked',
      requirement: 'OCPP 1.6 §6.42: only an update the charge point accepted is applied; after Failed the list keeps its version (§5.10)',
    }));

  await step(4, 'Restore LocalAuthListEnabled (ours)', () => restoreKeys(cp, [changed]));
});
