import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_061_CSMS',
  title: 'Clear Authorization Data in Authorization Cache',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 123, follows: '2024-04' },
  purpose: 'The CSMS clears the Authorization Cache of a charge point: it sends ClearCache.',
  refs: ['OCPP 1.6 §5.4 ClearCache', 'OCPP 1.6 §6.11 ClearCache.req', 'OCPP 1.6 §7.20 ClearCacheStatus', 'OCPP 1.6 §3.5.1 Authorization Cache'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 123; ours: the request is asked for through SUT control; the harness answers Accepted (charge-point defaults).',
  actions: ['ClearCache'],
}, async ({ cp, sut, step }) => {
  const link = await cp.booted();

  const request = await step(1, 'The CSMS sends ClearCache (step 1)', async () => {
    await sut.do('ClearCache', {});
    return link.expectCall('ClearCache', {
      requirement: 'OCPP 1.6 §5.4; Table 123 step 1: the CSMS clears the Authorization Cache of a charge point with ClearCache.req',
    });
  });

  await step(2, 'The charge point clears its cache and answers ClearCache Accepted (step 2)', () => request.replied);
});
