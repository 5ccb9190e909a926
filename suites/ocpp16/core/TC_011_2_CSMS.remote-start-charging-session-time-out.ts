import { defineCase } from '../../../harness/dsl/define-case.js';

export default defineCase({
  id: 'TC_011_2_CSMS',
  title: 'Remote Start Charging Session - Time Out',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 126, follows: '2024-04' },
  purpose: 'The CSMS handles a remote start that times out: after its RemoteStartTransaction is accepted and the idTag authorized, no cable is plugged in before ConnectionTimeOut and the charge point reports the connector Available again.',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §9.1.6 ConnectionTimeOut',
    'OCPP 1.6 §7.2 AuthorizationStatus',
  ],
  provenance: 'Steps 1–8 as publicly summarised for TC_011_2_CSMS (tzi-OCTT test_tc_011_2_csms.py, SteVe Ocpp16JsonCsmsCertificationIT): RemoteStartTransaction (answered Accepted) → Authorize (Accepted) → Preparing → [connection timeout reached] → Available. The RemoteStartTransaction is triggered through SUT control with connectorId and idTag; only the idTag is checked, as connectorId is optional (§5.11). The expiry of ConnectionTimeOut is the harness charge point\'s own affair and is not waited out (§9.1.6). No transaction is started.',
  actions: ['RemoteStartTransaction'],
}, async ({ cp, sut, cfg, step, note }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

  const remoteStart = await step(1, 'The CSMS sends RemoteStartTransaction with the idTag (step 1)', async () => {
    await sut.do('RemoteStartTransaction', { connectorId, idTag });
    return link.expectCall('RemoteStartTransaction', {
      match: { idTag },
      requirement: 'OCPP 1.6 §5.11: the CSMS starts a transaction remotely with RemoteStartTransaction.req carrying the idTag to use',
    });
  });

  await step(2, 'The charge point answers RemoteStartTransaction Accepted (step 2)', () => remoteStart.replied);

  await step(3, 'Authorize the idTag; the CSMS accepts it (steps 3–4)', () =>
    link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §5.11, §7.2: the CSMS answers Authorize with idTagInfo; the idTag it sent in RemoteStartTransaction is Accepted',
    }));

  await step(5, 'StatusNotification Preparing; the CSMS answers (steps 5–6)', () =>
    link.call('StatusNotification', status('Preparing'), { requirement: answered }));

  note('ConnectionTimeOut expires without a cable being plugged in (the harness charge point does not wait it out)');

  await step(7, 'The connector goes back: StatusNotification Available; the CSMS answers (steps 7–8)', () =>
    link.call('StatusNotification', status('Available'), {
      requirement: 'OCPP 1.6 §4.9, §9.1.6: the CSMS answers the StatusNotification of a connector that went back to Available after ConnectionTimeOut',
    }));
});
