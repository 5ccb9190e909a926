import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_042_2_CSMS',
  title: 'Get Local List Version (empty)',
  ocpp: '1.6',
  profile: 'LocalAuthListManagement',
  sut: 'Csms',
  octt: { table: 151, follows: '2024-04' },
  purpose: 'The CSMS asks a charge point for the version of its Local Authorization List with GetLocalListVersion, and takes the answer 0 (the list is empty).',
  refs: ['OCPP 1.6 §5.10 Get Local List Version', 'OCPP 1.6 §6.27 GetLocalListVersion.req', 'OCPP 1.6 §6.28 GetLocalListVersion.conf'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 151; ours: the GetLocalListVersion is asked for through SUT control.',
  actions: ['GetLocalListVersion'],
}, async ({ cp, sut, step }) => {
  const link = await cp.booted();
  // §5.10: 0 says the Local Authorization List is empty.
  link.handle('GetLocalListVersion', () => ({ listVersion: 0 }));

  const request = await step(1, 'The CSMS sends GetLocalListVersion (step 1)', async () => {
    await sut.do('GetLocalListVersion', {});
    return link.expectCall('GetLocalListVersion', {
      requirement: 'OCPP 1.6 §5.10: to learn the version of the Local Authorization List the CSMS SHALL send GetLocalListVersion.req',
    });
  });

  await step(2, 'The charge point answers listVersion 0: the list is empty (step 2)', () => request.replied);
});
