import { defineCase } from '../../../harness/dsl/define-case.js';
import { STATUS_ANSWERED, connectorStatus, remoteStartRequested, sessionTeardownDeviation, startAndCharge, stopLocallyAndUnplug } from './csms-session-steps.js';

export default defineCase({
  id: 'TC_010_CSMS',
  title: 'Remote Start Charging Session - Cable Plugged in First',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 124, follows: '2024-04' },
  purpose: 'With the cable plugged in, the CSMS starts a transaction remotely: it sends RemoteStartTransaction with the idTag, then accepts that idTag in Authorize and StartTransaction (giving a transactionId).',
  refs: [
    'OCPP 1.6 §5.11 RemoteStartTransaction',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §4.10 StopTransaction',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 124; ours: steps 11–15 (a local stop, Finishing and Available, so the CSMS is left without an open transaction). The RemoteStartTransaction is requested through SUT control with the configured connector and idTag; the table checks neither, so the harness charge point goes on with the idTag the CSMS sent.',
  deviations: [sessionTeardownDeviation('11–15')],
  actions: ['RemoteStartTransaction'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const status = connectorStatus(connectorId);

  await step(1, 'EV driver plugs in: StatusNotification Preparing; the CSMS answers (steps 1–2)', () =>
    link.call('StatusNotification', status('Preparing'), {
      requirement: STATUS_ANSWERED,
    }));

  const { idTag, replied } = await remoteStartRequested(step, sut, link, 3, connectorId, cfg.idTags.accepted);

  await step(4, 'The charge point answers RemoteStartTransaction Accepted (step 4)', () => replied);

  await step(5, 'Authorize the idTag; the CSMS accepts it (steps 5–6)', () =>
    link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §5.11, §7.2: the CSMS answers Authorize with idTagInfo; the idTag it sent in RemoteStartTransaction is Accepted (Table 124 step 6)',
    }));

  const meterStart = 3000;
  const transactionId = await startAndCharge(step, link, 7, connectorId, idTag, meterStart, 124);

  await stopLocallyAndUnplug(step, link, 11, connectorId, idTag, transactionId, meterStart + 500);
});
