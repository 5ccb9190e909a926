import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_043_5_CSMS',
  title: 'Send Local Authorization List - Differential',
  ocpp: '1.6',
  profile: 'LocalAuthListManagement',
  sut: 'Csms',
  octt: { table: 155, follows: '2024-04' },
  purpose: 'The CSMS updates the Local Authorization List of a charge point with a differential update: updateType Differential, only the new idTag with its idTagInfo, and a list version above the current one.',
  refs: [
    'OCPP 1.6 §3.5.2 Local Authorization List',
    'OCPP 1.6 §5.10 Get Local List Version',
    'OCPP 1.6 §5.15 Send Local List',
    'OCPP 1.6 §6.41 SendLocalList.req',
    'OCPP 1.6 §7.1 AuthorizationData',
    'OCPP 1.6 §7.47 UpdateStatus (VersionMismatch)',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 155; ours: the memory state (Full list, version 1) is set through SUT control as step 0, and the differential update adds idTags.blocked as version 2.',
  actions: ['SendLocalList', 'GetLocalListVersion'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const initialVersion = 1;
  const { accepted, blocked } = cfg.idTags;

  await step(0, 'Memory state: the CSMS sets the initial list with updateType Full', async () => {
    await sut.do('SendLocalList', { listVersion: initialVersion, updateType: 'Full', localAuthorizationList: [{ idTag: accepted, idTagInfo: { status: 'Accepted' } }] });
    const full = await link.expectCall('SendLocalList', {
      match: { updateType: 'Full', listVersion: initialVersion },
      requirement: 'OCPP 1.6 §5.15, §6.41: the CSMS sends the full list with the version it gets',
    });
    return full.replied;
  });

  const version = await step(1, 'The CSMS sends GetLocalListVersion (step 1)', async () => {
    await sut.do('GetLocalListVersion', {});
    return link.expectCall('GetLocalListVersion', {
      requirement: 'OCPP 1.6 §5.10: to learn the version of the Local Authorization List the CSMS SHALL send GetLocalListVersion.req',
    });
  });

  await step(2, `The charge point answers listVersion ${initialVersion} (step 2)`, () => version.replied);

  const differential = await step(3, 'The CSMS sends SendLocalList Differential with only the new idTag (step 3)', async () => {
    await sut.do('SendLocalList', {
      listVersion: initialVersion + 1, updateType: 'Differential',
      localAuthorizationList: [{ idTag: blocked, idTagInfo: { status: 'Blocked' } }],
    });
    return link.expectCall('SendLocalList', {
      match: {
        updateType: 'Differential', listVersion: { minimum: initialVersion + 1 },
        'localAuthorizationList.0.idTag': blocked, 'localAuthorizationList.0.idTagInfo.status': 'Blocked',
        'localAuthorizationList.1': { present: false },
      },
      requirement: 'OCPP 1.6 §6.41, §7.1, §7.47: a differential update carries the version of the list after the update (above the current one), and an entry to add with its idTagInfo',
    });
  });

  await step(4, 'The charge point answers Accepted (step 4)', () => differential.replied);
});
