import { defineCase } from '../../../harness/dsl/define-case.js';
import { STATUS_ANSWERED, connectorStatus, remoteStartRequested, sessionTeardownDeviation, startAndCharge, stopLocallyAndUnplug } from './csms-session-steps.js';

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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 125; ours: steps 11–15 (a local stop, Finishing and Available, so the CSMS is left without an open transaction). The RemoteStartTransaction is requested through SUT control with the configured connector and idTag; the table checks neither, so the harness charge point goes on with the idTag the CSMS sent.',
  deviations: [sessionTeardownDeviation('11–15')],
  actions: ['RemoteStartTransaction'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const status = connectorStatus(connectorId);
  const answered = STATUS_ANSWERED;

  const { idTag, replied } = await remoteStartRequested(step, sut, link, 1, connectorId, cfg.idTags.accepted);

  await step(2, 'The charge point answers RemoteStartTransaction Accepted (step 2)', () => replied);

  await step(3, 'Authorize the idTag; the CSMS accepts it (steps 3–4)', () =>
    link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §5.11, §7.2: the CSMS answers Authorize with idTagInfo; the idTag it sent in RemoteStartTransaction is Accepted (Table 125 step 4)',
    }));

  await step(5, 'StatusNotification Preparing; the CSMS answers (steps 5–6)', () =>
    link.call('StatusNotification', status('Preparing'), { requirement: answered }));

  const meterStart = 11000;
  const transactionId = await startAndCharge(step, link, 7, connectorId, idTag, meterStart, 125);

  await stopLocallyAndUnplug(step, link, 11, connectorId, idTag, transactionId, meterStart + 500);
});
