import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_023_2_CSMS',
  title: 'Start Charging Session - Authorize expired',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 137, follows: '2024-04' },
  purpose: 'The CSMS refuses an expired idTag: it answers Authorize with idTagInfo.status Expired.',
  refs: ['OCPP 1.6 §4.1 Authorize', 'OCPP 1.6 §7.2 AuthorizationStatus', 'OCPP 1.6 §7.27 IdTagInfo'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 137; ours: nothing beyond the table. The idTag is idTags.expired, which the CSMS holds as Expired (the table\'s prerequisite). No transaction is started.',
  actions: [],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();

  await step(1, 'EV driver presents an expired idTag: Authorize; the CSMS answers Expired (steps 1–2)', () =>
    link.call('Authorize', { idTag: cfg.idTags.expired }, {
      expect: { 'idTagInfo.status': 'Expired' },
      requirement: 'OCPP 1.6 §4.1, §7.2; Table 137 step 2: the CSMS answers Authorize with a status giving the reason for rejection; an expired idTag is Expired',
    }));
});
