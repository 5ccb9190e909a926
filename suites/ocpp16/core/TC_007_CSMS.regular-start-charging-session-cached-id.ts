import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';

export default defineCase({
  id: 'TC_007_CSMS',
  title: 'Regular Start Charging Session - Cached Id',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 122, follows: '2024-04' },
  purpose: 'The CSMS handles a transaction started with an idTag the charge point authorized from its Authorization Cache: without a preceding Authorize it verifies the idTag in StartTransaction, accepts it and assigns a transactionId.',
  refs: [
    'OCPP 1.6 §3.5.1 Authorization Cache',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §7.2 AuthorizationStatus',
  ],
  provenance: 'Steps 1–6 as publicly summarised for TC_007_CSMS (tzi-OCTT test_tc_007_csms.py, SteVe Ocpp16JsonCsmsCertificationIT): [plug in] Preparing → [identification, found in the cache] StartTransaction without Authorize (Accepted) → Charging. The harness charge point plays one whose Authorization Cache holds the idTag; §4.8 obliges the CSMS to verify the idTag itself. Steps 7–11 are ours (§4.10, §4.9): a local stop, Finishing and Available, so the CSMS is left without an open transaction.',
  actions: [],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

  await step(1, 'EV driver plugs in: StatusNotification Preparing; the CSMS answers (steps 1–2)', () =>
    link.call('StatusNotification', status('Preparing'), { requirement: answered }));

  const meterStart = 7000;
  const start = await step(3, 'The idTag is found in the Authorization Cache: StartTransaction without Authorize; the CSMS accepts it (steps 3–4)', () =>
    link.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: new Date().toISOString() }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: 'OCPP 1.6 §4.8, §3.5.1: the CSMS MUST verify the idTag of a StartTransaction.req (it may have been authorized locally from the cache) and answer with a transaction id; a valid idTag is Accepted',
    }));
  const transactionId = start.payload.transactionId;
  if (typeof transactionId !== 'number') throw new ExpectationUnmet('StartTransaction.conf carries no transactionId; the session cannot go on');

  await step(5, 'StatusNotification Charging; the CSMS answers (steps 5–6)', () =>
    link.call('StatusNotification', status('Charging'), { requirement: answered }));

  await step(7, 'EV driver stops locally: StopTransaction reason Local; the CSMS answers (ours)', () =>
    link.call('StopTransaction', { transactionId, idTag, meterStop: meterStart + 500, timestamp: new Date().toISOString(), reason: 'Local' }, {
      requirement: 'OCPP 1.6 §4.10: the CSMS SHALL respond to StopTransaction',
    }));

  await step(9, 'StatusNotification Finishing; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Finishing'), { requirement: answered }));

  await step(11, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
