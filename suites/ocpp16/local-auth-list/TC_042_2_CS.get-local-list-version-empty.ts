import { defineCase } from '../../../harness/dsl/define-case.js';
import { LIST_ENABLED_WHY, localListVersion, restoreKeys, sendLocalList, setKey } from './local-list-steps.js';

export default defineCase({
  id: 'TC_042_2_CS',
  title: 'Get Local List Version (empty)',
  ocpp: '1.6',
  profile: 'LocalAuthListManagement',
  sut: 'ChargePoint',
  octt: { table: 49, follows: '2024-04' },
  purpose: 'After a Full update without entries (listVersion 1) the Local Authorization List is empty, and GetLocalListVersion answers 0 whatever version the update carried.',
  refs: [
    'OCPP 1.6 §5.10 Get Local List Version',
    'OCPP 1.6 §5.15 Send Local List',
    'OCPP 1.6 §6.41 SendLocalList.req (Full without localAuthorizationList)',
    'OCPP 1.6 §9.2.1 LocalAuthListEnabled',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 49; ours: step 1 is the reusable state Booted rather than a Heartbeat, and SupportedFeatureProfiles is left to the declaration.',
}, async ({ csms, step, note, notApplicable }) => {
  const cp = await step(0, 'The charge point is connected and its boot accepted', () => csms.booted());

  const changed = await step(0, 'Before: LocalAuthListEnabled true', () =>
    setKey({ note, notApplicable }, cp, 'LocalAuthListEnabled', 'true', { required: true, why: LIST_ENABLED_WHY }));

  await step(1, 'SendLocalList, Full, listVersion 1, no entries: Accepted (steps 1–2)', () =>
    sendLocalList(cp, 1, 'Full', [], {
      status: 'Accepted',
      requirement: 'OCPP 1.6 §5.15, §6.41: a Full update without localAuthorizationList removes every identifier; the charge point applies it and answers Accepted',
    }));

  await step(3, 'GetLocalListVersion: 0, the list is empty (steps 3–4)', () =>
    localListVersion(cp, {
      listVersion: 0,
      requirement: 'OCPP 1.6 §5.10: a version number of 0 SHALL indicate that the Local Authorization List is empty',
    }));

  await step(5, 'Restore LocalAuthListEnabled (ours)', () => restoreKeys(cp, [changed]));
});
