import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';

export default defineCase({
  id: 'TC_018_1_CSMS',
  title: 'Unlock Connector - With Charging Session (Not fixed cable)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 132, follows: '2024-04' },
  purpose: 'The CSMS unlocks a connector while a transaction runs on it: it sends UnlockConnector for that connector, then answers Finishing, the StopTransaction with reason UnlockCommand and Available.',
  refs: [
    'OCPP 1.6 §5.18 UnlockConnector',
    'OCPP 1.6 §7.46 UnlockStatus',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §7.36 Reason',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
  ],
  provenance: 'Steps 1–8 as publicly summarised for TC_018_1_CSMS (tzi-OCTT test_tc_018_1_csms.py, SteVe Ocpp16JsonCsmsCertificationIT): UnlockConnector.req (answered Unlocked) → Finishing → StopTransaction reason UnlockCommand → [cable unplugged] Available. Step 0 is the OCTT reusable state Charging (Authorize, Preparing, StartTransaction, Charging). The request is triggered through SUT control with the connectorId of the running transaction, which is checked; the harness answers Unlocked (charge-point defaults) and finishes the transaction first (§5.18).',
  actions: ['UnlockConnector'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

  const meterStart = 18000;
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

  const request = await step(1, `The CSMS sends UnlockConnector for connector ${connectorId}, on which the transaction runs (step 1)`, async () => {
    await sut.do('UnlockConnector', { connectorId });
    return link.expectCall('UnlockConnector', {
      match: { connectorId },
      requirement: 'OCPP 1.6 §5.18, §6.53: the CSMS requests the unlocking of a connector with UnlockConnector.req carrying its connectorId',
    });
  });

  await step(2, 'The charge point answers UnlockConnector Unlocked (step 2)', () => request.replied);

  await step(3, 'StatusNotification Finishing; the CSMS answers (steps 3–4)', () =>
    link.call('StatusNotification', status('Finishing'), { requirement: answered }));

  await step(5, 'StopTransaction with reason UnlockCommand; the CSMS answers (steps 5–6)', () =>
    link.call('StopTransaction', { transactionId, idTag, meterStop: meterStart + 500, timestamp: new Date().toISOString(), reason: 'UnlockCommand' }, {
      requirement: 'OCPP 1.6 §4.10, §5.18: the CSMS SHALL respond to the StopTransaction of a transaction the charge point finished because of its UnlockConnector',
    }));

  await step(7, 'EV driver unplugs: StatusNotification Available; the CSMS answers (steps 7–8)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
