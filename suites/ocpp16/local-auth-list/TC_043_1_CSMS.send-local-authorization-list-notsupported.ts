import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_043_1_CSMS',
  title: 'Send Local Authorization List - NotSupported',
  ocpp: '1.6',
  profile: 'LocalAuthListManagement',
  sut: 'Csms',
  octt: { table: 152, follows: '2024-04' },
  purpose: 'The CSMS sends a full Local Authorization List with SendLocalList and takes the answer NotSupported.',
  refs: [
    'OCPP 1.6 §5.15 Send Local List',
    'OCPP 1.6 §6.41 SendLocalList.req',
    'OCPP 1.6 §7.1 AuthorizationData',
    'OCPP 1.6 §7.47 UpdateStatus',
    'OCPP 1.6 errata sheet §3.52 (listVersion never 0 or -1)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 152; ours: the SendLocalList (listVersion 1, idTags.accepted) is asked for through SUT control.',
  actions: ['SendLocalList'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  link.handle('SendLocalList', () => ({ status: 'NotSupported' }));
  const listVersion = 1;
  const idTag = cfg.idTags.accepted;

  const request = await step(1, 'The CSMS sends SendLocalList with updateType Full (step 1)', async () => {
    await sut.do('SendLocalList', { listVersion, updateType: 'Full', localAuthorizationList: [{ idTag, idTagInfo: { status: 'Accepted' } }] });
    return link.expectCall('SendLocalList', {
      match: {
        updateType: 'Full', listVersion,
        'localAuthorizationList.0.idTag': idTag, 'localAuthorizationList.0.idTagInfo.status': 'Accepted',
      },
      requirement: 'OCPP 1.6 §5.15, §6.41, §7.1: SendLocalList.req carries the update type and the version the list gets; a Full list gives every entry its idTagInfo',
    });
  });

  await step(2, 'The charge point answers NotSupported (step 2)', () => request.replied);
});
