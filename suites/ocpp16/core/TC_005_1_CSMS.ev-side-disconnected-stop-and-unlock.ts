import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';

export default defineCase({
  id: 'TC_005_1_CSMS',
  title: 'EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = true',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 121, follows: '2024-04' },
  purpose: 'The CSMS handles a charge point that stops a transaction because the cable was disconnected at the EV side: it answers SuspendedEV, the StopTransaction with reason EVDisconnected, Finishing and Available.',
  refs: [
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §7.36 Reason',
    'OCPP 1.6 §9.1.23 StopTransactionOnEVSideDisconnect',
    'OCPP 1.6 §9.1.33 UnlockConnectorOnEVSideDisconnect',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
  ],
  provenance: 'Steps 1–8 as publicly summarised for TC_005_1_CSMS (tzi-OCTT test_tc_005_1_csms.py, SteVe Ocpp16JsonCsmsCertificationIT): [cable disconnected at EV side] StatusNotification SuspendedEV → StopTransaction reason EVDisconnected → Finishing → [cable unplugged] Available. Step 0 is the OCTT reusable state Charging (Authorize, Preparing, StartTransaction, Charging). The harness charge point plays one configured with StopTransactionOnEVSideDisconnect = true and UnlockConnectorOnEVSideDisconnect = true (§9.1.23, §9.1.33); those are its own settings, not the CSMS\'s.',
  actions: [],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

  const meterStart = 5000;
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

  await step(1, 'EV driver disconnects the cable at the EV side: StatusNotification SuspendedEV; the CSMS answers (steps 1–2)', () =>
    link.call('StatusNotification', status('SuspendedEV'), { requirement: answered }));

  await step(3, 'StopTransaction with reason EVDisconnected; the CSMS answers (steps 3–4)', () =>
    link.call('StopTransaction', { transactionId, idTag, meterStop: meterStart + 500, timestamp: new Date().toISOString(), reason: 'EVDisconnected' }, {
      requirement: 'OCPP 1.6 §4.10, §9.1.23: the CSMS SHALL respond to the StopTransaction of a transaction stopped because the cable was disconnected at the EV',
    }));

  await step(5, 'StatusNotification Finishing; the CSMS answers (steps 5–6)', () =>
    link.call('StatusNotification', status('Finishing'), { requirement: answered }));

  await step(7, 'EV driver unplugs the cable at the charge point: StatusNotification Available; the CSMS answers (steps 7–8)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
