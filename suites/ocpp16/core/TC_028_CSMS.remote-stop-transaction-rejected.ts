import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';

export default defineCase({
  id: 'TC_028_CSMS',
  title: 'Remote Stop Transaction – Rejected',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  purpose: 'The CSMS asks a charge point to stop a transaction remotely and copes with the charge point rejecting it: it sends RemoteStopTransaction, answered Rejected, and still answers the StopTransaction when the transaction later ends locally.',
  refs: [
    'OCPP 1.6 §5.12 RemoteStopTransaction',
    'OCPP 1.6 §6.35 RemoteStopTransaction.req',
    'OCPP 1.6 §7.39 RemoteStartStopStatus',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.9 StatusNotification',
  ],
  provenance: 'Steps 1–2 as publicly summarised for TC_028_CSMS (tzi-OCTT test_tc_028_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_028_CSMS): with a transaction running (reusable state Charging, step 0), RemoteStopTransaction.req → RemoteStopTransaction.conf status Rejected. The OCTT describes the transactionId as unknown to the charge point; a CSMS may refuse to send a stop for a transaction it does not know of (SteVe notes exactly that and uses the running one), so the request is triggered through SUT control with the running transactionId, which is checked, and the harness rejects it all the same (§7.39: command will not be executed). Steps 3–7 are ours (§4.10, §4.9): the transaction ends locally, Finishing and Available, so the CSMS is left without an open transaction.',
  actions: ['RemoteStopTransaction'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';
  link.handle('RemoteStopTransaction', () => ({ status: 'Rejected' }));

  const meterStart = 28000;
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

  const remoteStop = await step(1, 'The CSMS sends RemoteStopTransaction (step 1)', async () => {
    await sut.do('RemoteStopTransaction', { transactionId });
    return link.expectCall('RemoteStopTransaction', {
      match: { transactionId },
      requirement: 'OCPP 1.6 §5.12: the CSMS stops a transaction remotely with RemoteStopTransaction.req carrying its transactionId',
    });
  });

  await step(2, 'The charge point answers RemoteStopTransaction Rejected (step 2)', () => remoteStop.replied);

  await step(3, 'The transaction goes on; EV driver stops locally: StopTransaction reason Local; the CSMS answers (ours)', () =>
    link.call('StopTransaction', { transactionId, idTag, meterStop: meterStart + 500, timestamp: new Date().toISOString(), reason: 'Local' }, {
      requirement: 'OCPP 1.6 §4.10: the CSMS SHALL respond to StopTransaction, also of a transaction whose remote stop was rejected',
    }));

  await step(5, 'StatusNotification Finishing; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Finishing'), { requirement: answered }));

  await step(7, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
