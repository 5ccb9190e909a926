import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_023_3_CSMS',
  title: 'Start Charging Session - Authorize blocked',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 138, follows: '2024-04' },
  purpose: 'The CSMS refuses a blocked idTag: it answers Authorize with idTagInfo.status Blocked.',
  refs: ['OCPP 1.6 §4.1 Authorize', 'OCPP 1.6 §7.2 AuthorizationStatus', 'OCPP 1.6 §7.27 IdTagInfo'],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 138; ours: nothing beyond the table. The idTag is idTags.blocked, which the CSMS holds as Blocked (the table\'s prerequisite). No transaction is started.',
  actions: [],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();

  await step(1, 'EV driver presents a blocked idTag: Authorize; the CSMS answers Blocked (steps 1–2)', () =>
    link.call('Authorize', { idTag: cfg.idTags.blocked }, {
      expect: { 'idTagInfo.status': 'Blocked' },
      requirement: 'OCPP 1.6 §4.1, §7.2; Table 138 step 2: the CSMS answers Authorize with a status giving the reason for rejection; a blocked idTag is Blocked',
    }));
});
