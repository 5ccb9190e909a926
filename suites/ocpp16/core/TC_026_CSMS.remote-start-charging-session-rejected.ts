import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_026_CSMS',
  title: 'Remote Start Charging Session - Rejected',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 140, follows: '2024-04' },
  purpose: 'The CSMS asks a charge point to start a transaction remotely and copes with the charge point rejecting it: it sends RemoteStartTransaction with the idTag, answered Rejected.',
  refs: ['OCPP 1.6 §5.11 RemoteStartTransaction', 'OCPP 1.6 §6.33 RemoteStartTransaction.req', 'OCPP 1.6 §7.39 RemoteStartStopStatus'],
  provenance: 'Steps 1–2 as publicly summarised for TC_026_CSMS (tzi-OCTT test_tc_026_csms.py, SteVe Ocpp16JsonCsmsCertificationIT): [the CPO remotely requests a start] RemoteStartTransaction.req → RemoteStartTransaction.conf status Rejected. The request is triggered through SUT control with connectorId and idTag; only the idTag is checked, as connectorId is optional (§5.11). The harness answers Rejected (§7.39: command will not be executed) and starts no transaction.',
  actions: ['RemoteStartTransaction'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  link.handle('RemoteStartTransaction', () => ({ status: 'Rejected' }));

  const remoteStart = await step(1, 'The CSMS sends RemoteStartTransaction with the idTag (step 1)', async () => {
    await sut.do('RemoteStartTransaction', { connectorId, idTag });
    return link.expectCall('RemoteStartTransaction', {
      match: { idTag },
      requirement: 'OCPP 1.6 §5.11: the CSMS starts a transaction remotely with RemoteStartTransaction.req carrying the idTag to use',
    });
  });

  await step(2, 'The charge point answers RemoteStartTransaction Rejected (step 2)', () => remoteStart.replied);
});
