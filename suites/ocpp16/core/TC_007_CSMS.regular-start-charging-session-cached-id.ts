import { defineCase } from '../../../harness/dsl/define-case.js';
import { STATUS_ANSWERED, connectorStatus, sessionTeardownDeviation, stopLocallyAndUnplug, transactionIdOf } from './csms-session-steps.js';

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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 122; ours: steps 7–11 (a local stop, Finishing and Available, so the CSMS is left without an open transaction). The harness charge point plays one whose Authorization Cache holds the idTag, so no Authorize precedes StartTransaction.',
  deviations: [sessionTeardownDeviation('7–11')],
  actions: [],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = connectorStatus(connectorId);
  const answered = STATUS_ANSWERED;

  await step(1, 'EV driver plugs in: StatusNotification Preparing; the CSMS answers (steps 1–2)', () =>
    link.call('StatusNotification', status('Preparing'), { requirement: answered }));

  const meterStart = 7000;
  const start = await step(3, 'The idTag is found in the Authorization Cache: StartTransaction without Authorize; the CSMS accepts it (steps 3–4)', () =>
    link.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: new Date().toISOString() }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: 'OCPP 1.6 §4.8, §3.5.1; Table 122 step 4: the CSMS MUST verify the idTag of a StartTransaction.req (it may have been authorized locally from the cache) and answer with a transaction id; a valid idTag is Accepted',
    }));
  const transactionId = transactionIdOf(start.payload, link, connectorId);

  await step(5, 'StatusNotification Charging; the CSMS answers (steps 5–6)', () =>
    link.call('StatusNotification', status('Charging'), { requirement: answered }));

  await stopLocallyAndUnplug(step, link, 7, connectorId, idTag, transactionId, meterStart + 500);
});
