import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_042_1_CSMS',
  title: 'Get Local List Version (not supported)',
  ocpp: '1.6',
  profile: 'LocalAuthListManagement',
  sut: 'Csms',
  octt: { table: 150, follows: '2024-04' },
  purpose: 'The CSMS asks a charge point for the version of its Local Authorization List with GetLocalListVersion, and takes the answer -1 (local lists not supported).',
  refs: ['OCPP 1.6 §5.10 Get Local List Version', 'OCPP 1.6 §6.27 GetLocalListVersion.req', 'OCPP 1.6 §6.28 GetLocalListVersion.conf'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 150; ours: the GetLocalListVersion is asked for through SUT control.',
  actions: ['GetLocalListVersion'],
}, async ({ cp, sut, step }) => {
  const link = await cp.booted();
  // §5.10: -1 says the charge point does not support Local Authorization Lists.
  link.handle('GetLocalListVersion', () => ({ listVersion: -1 }));

  const request = await step(1, 'The CSMS sends GetLocalListVersion (step 1)', async () => {
    await sut.do('GetLocalListVersion', {});
    return link.expectCall('GetLocalListVersion', {
      requirement: 'OCPP 1.6 §5.10: to learn the version of the Local Authorization List the CSMS SHALL send GetLocalListVersion.req',
    });
  });

  await step(2, 'The charge point answers listVersion -1: local lists not supported (step 2)', () => request.replied);
});
