import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_043_4_CSMS',
  title: 'Send Local Authorization List - Full',
  ocpp: '1.6',
  profile: 'LocalAuthListManagement',
  sut: 'Csms',
  octt: { table: 154, follows: '2024-04' },
  purpose: 'The CSMS replaces the Local Authorization List of a charge point: it sends SendLocalList with updateType Full, a valid list version and an idTagInfo for every entry.',
  refs: [
    'OCPP 1.6 §3.5.2 Local Authorization List',
    'OCPP 1.6 §5.15 Send Local List',
    'OCPP 1.6 §6.41 SendLocalList.req',
    'OCPP 1.6 §7.1 AuthorizationData',
    'OCPP 1.6 errata sheet §3.52 (listVersion never 0 or -1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 154; ours: the SendLocalList (idTags.accepted Accepted, idTags.blocked Blocked) is asked for through SUT control.',
  actions: ['SendLocalList'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const listVersion = 1;
  const { accepted, blocked } = cfg.idTags;

  const request = await step(1, 'The CSMS sends SendLocalList with updateType Full (step 1)', async () => {
    await sut.do('SendLocalList', {
      listVersion, updateType: 'Full',
      localAuthorizationList: [{ idTag: accepted, idTagInfo: { status: 'Accepted' } }, { idTag: blocked, idTagInfo: { status: 'Blocked' } }],
    });
    return link.expectCall('SendLocalList', {
      match: {
        updateType: 'Full', listVersion: { minimum: 1 },
        'localAuthorizationList.0.idTag': accepted, 'localAuthorizationList.0.idTagInfo.status': 'Accepted',
        'localAuthorizationList.1.idTag': blocked, 'localAuthorizationList.1.idTagInfo.status': 'Blocked',
        'localAuthorizationList.2': { present: false },
      },
      requirement: 'OCPP 1.6 §5.15, §6.41, §7.1, errata §3.52: a Full SendLocalList.req carries the list version (never 0 or -1) and every entry with its idTagInfo',
    });
  });

  await step(2, 'The charge point answers Accepted (step 2)', () => request.replied);
});
