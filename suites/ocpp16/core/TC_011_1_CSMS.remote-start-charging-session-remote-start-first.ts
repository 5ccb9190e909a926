import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';

export default defineCase({
  id: 'TC_011_1_CSMS',
  title: 'Remote Start Charging Session - Remote Start First',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 125, follows: '2024-04' },
  purpose: 'The CSMS starts a transaction remotely before the cable is plugged in: it sends RemoteStartTransaction with the idTag, then accepts that idTag in Authorize and StartTransaction (giving a transactionId) and answers the StatusNotifications.',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §7.2 AuthorizationStatus',
  ],
  provenance: 'Steps 1–10 as publicly summarised for TC_011_1_CSMS (tzi-OCTT test_tc_011_1_csms.py, SteVe Ocpp16JsonCsmsCertificationIT): RemoteStartTransaction (answered Accepted) → Authorize (Accepted) → Preparing → [cable plugged in] StartTransaction (Accepted) → Charging. The RemoteStartTransaction is triggered through SUT control with connectorId and idTag; only the idTag is checked, as connectorId is optional (§5.11). Steps 11–15 are ours (§4.10, §4.9): a local stop, Finishing and Available, so the CSMS is left without an open transaction.',
  actions: ['RemoteStartTransaction'],
}, async ({ cp, sut, cfg, step }) => {
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

  const meterStart = 11000;
  const start = await step(7, 'EV driver plugs in: StartTransaction; the CSMS accepts the idTag and assigns a transactionId (steps 7–8)', () =>
    link.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: new Date().toISOString() }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: 'OCPP 1.6 §4.8: StartTransaction.conf MUST include a transaction id and an authorization status; a valid idTag is Accepted',
    }));
  const transactionId = start.payload.transactionId;
  if (typeof transactionId !== 'number') throw new ExpectationUnmet('StartTransaction.conf carries no transactionId; the session cannot go on');

  await step(9, 'StatusNotification Charging; the CSMS answers (steps 9–10)', () =>
    link.call('StatusNotification', status('Charging'), { requirement: answered }));

  await step(11, 'EV driver stops locally: StopTransaction reason Local; the CSMS answers (ours)', () =>
    link.call('StopTransaction', { transactionId, idTag, meterStop: meterStart + 500, timestamp: new Date().toISOString(), reason: 'Local' }, {
      requirement: 'OCPP 1.6 §4.10: the CSMS SHALL respond to StopTransaction',
    }));

  await step(13, 'StatusNotification Finishing; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Finishing'), { requirement: answered }));

  await step(15, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
