import { defineCase } from '../../../harness/dsl/define-case.js';
import { STATUS_ANSWERED, connectorStatus, reusableStateCharging, stopTransaction } from './csms-session-steps.js';

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
  provenance: 'OCTT 1.6 TCD 2024-04 Table 121 (reusable state Charging as step 0); ours: nothing beyond the table. StopTransactionOnEVSideDisconnect and UnlockConnectorOnEVSideDisconnect are settings of the charge point the harness plays, not of the CSMS.',
  actions: [],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = connectorStatus(connectorId);
  const answered = STATUS_ANSWERED;

  const meterStart = 5000;
  const transactionId = await reusableStateCharging(step, link, connectorId, idTag, meterStart);

  await step(1, 'EV driver disconnects the cable at the EV side: StatusNotification SuspendedEV; the CSMS answers (steps 1–2)', () =>
    link.call('StatusNotification', status('SuspendedEV'), { requirement: answered }));

  await step(3, 'StopTransaction with reason EVDisconnected; the CSMS answers (steps 3–4)', () =>
    stopTransaction(link, connectorId, { transactionId, idTag, meterStop: meterStart + 500, reason: 'EVDisconnected' }, {
      requirement: 'OCPP 1.6 §4.10, §9.1.23: the CSMS SHALL respond to the StopTransaction of a transaction stopped because the cable was disconnected at the EV',
    }));

  await step(5, 'StatusNotification Finishing; the CSMS answers (steps 5–6)', () =>
    link.call('StatusNotification', status('Finishing'), { requirement: answered }));

  await step(7, 'EV driver unplugs the cable at the charge point: StatusNotification Available; the CSMS answers (steps 7–8)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
