import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_023_1_CSMS',
  title: 'Start Charging Session - Authorize invalid',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 136, follows: '2024-04' },
  purpose: 'The CSMS refuses an unknown idTag: it answers Authorize with idTagInfo.status Invalid.',
  refs: ['OCPP 1.6 §4.1 Authorize', 'OCPP 1.6 §7.2 AuthorizationStatus', 'OCPP 1.6 §7.27 IdTagInfo'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 136; ours: nothing beyond the table. The idTag is idTags.invalid, unknown to the CSMS (§7.2: Invalid). No transaction is started.',
  actions: [],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();

  await step(1, 'EV driver presents an unknown idTag: Authorize; the CSMS answers Invalid (steps 1–2)', () =>
    link.call('Authorize', { idTag: cfg.idTags.invalid }, {
      expect: { 'idTagInfo.status': 'Invalid' },
      requirement: 'OCPP 1.6 §4.1, §7.2; Table 136 step 2: the CSMS answers Authorize with a status giving the reason for rejection; an unknown idTag is Invalid',
    }));
});
