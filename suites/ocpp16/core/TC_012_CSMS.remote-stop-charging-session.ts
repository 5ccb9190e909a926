import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';

export default defineCase({
  id: 'TC_012_CSMS',
  title: 'Remote Stop Charging Session',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'The CSMS stops a running transaction remotely: it sends RemoteStopTransaction with the transactionId it assigned, then answers the StopTransaction (reason Remote) and the StatusNotifications that follow.',
  refs: [
    'OCPP 1.6 §5.12 RemoteStopTransaction',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §7.36 Reason',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'Steps 1–8 as publicly summarised for TC_012_CSMS (tzi-OCTT test_tc_012_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_012_CSMS): RemoteStopTransaction (answered Accepted) → StopTransaction reason Remote → Finishing → Available. Step 0 is the OCTT reusable state Charging (Authorized, then Preparing, StartTransaction, Charging). The RemoteStopTransaction is triggered through SUT control with the transactionId.',
  actions: ['RemoteStopTransaction'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

  const meterStart = 4000;
  const transactionId = await step(0, 'Reusable state Charging: Authorize, Preparing, StartTransaction, Charging', async () => {
    await link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §7.2: the CSMS answers Authorize with idTagInfo; a known, valid idTag is Accepted',
    });
    await link.call('StatusNotification', status('Preparing'), { requirement: answered });
    const start = await link.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: new Date().toISOString() }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: 'OCPP 1.6 §4.8: StartTransaction.conf MUST include a transaction id and an authorization status; a valid idTag is Accepted',
    });
    const id = start.payload.transactionId;
    if (typeof id !== 'number') throw new ExpectationUnmet('StartTransaction.conf carries no transactionId; the session cannot go on');
    await link.call('StatusNotification', status('Charging'), { requirement: answered });
    return id;
  });

  const remoteStop = await step(1, 'The CSMS sends RemoteStopTransaction for the running transaction (step 1)', async () => {
    await sut.do('RemoteStopTransaction', { transactionId });
    return link.expectCall('RemoteStopTransaction', {
      match: { transactionId },
      requirement: 'OCPP 1.6 §5.12: the CSMS stops a transaction remotely with RemoteStopTransaction.req carrying its transactionId',
    });
  });

  await step(2, 'The charge point answers RemoteStopTransaction Accepted (step 2)', () => remoteStop.replied);

  await step(3, 'StopTransaction with reason Remote; the CSMS answers (steps 3–4)', () =>
    link.call('StopTransaction', { transactionId, idTag, meterStop: meterStart + 500, timestamp: new Date().toISOString(), reason: 'Remote' }, {
      requirement: 'OCPP 1.6 §4.10, §5.12: the CSMS SHALL respond to the StopTransaction that follows a remote stop',
    }));

  await step(5, 'StatusNotification Finishing; the CSMS answers (steps 5–6)', () =>
    link.call('StatusNotification', status('Finishing'), { requirement: answered }));

  await step(7, 'EV driver unplugs: StatusNotification Available; the CSMS answers (steps 7–8)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
