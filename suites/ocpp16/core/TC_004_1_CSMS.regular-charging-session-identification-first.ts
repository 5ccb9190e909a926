import { defineCase } from '../../../harness/dsl/define-case.js';
import { STATUS_ANSWERED, connectorStatus, reusableStateAuthorized, sessionTeardownDeviation, startAndCharge, stopLocallyAndUnplug } from './csms-session-steps.js';

export default defineCase({
  id: 'TC_004_1_CSMS',
  title: 'Regular Charging Session - Identification First',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 119, follows: '2024-04' },
  purpose: 'The CSMS handles a charging session in which the EV driver identifies before plugging in: it accepts a valid idTag in Authorize, answers StatusNotification, accepts StartTransaction with a transactionId, and answers the StopTransaction that ends it.',
  refs: [
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §7.2 AuthorizationStatus',
  ],
  // The table's scenario is the reusable state Charging alone, which starts from Authorized.
  provenance: 'OCTT 1.6 TCD 2024-04 Table 119 (its scenario is the reusable state Charging: Table 193 as step 0, Table 194 steps 1–6); ours: steps 7–11 (a local stop, Finishing and Available, so the CSMS is left without an open transaction).',
  deviations: [sessionTeardownDeviation('7–11')],
  actions: [],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = connectorStatus(connectorId);

  await reusableStateAuthorized(step, link, idTag);

  await step(1, 'EV driver plugs in: StatusNotification Preparing; the CSMS answers (Table 194 steps 1–2)', () =>
    link.call('StatusNotification', status('Preparing'), { requirement: STATUS_ANSWERED }));

  const meterStart = 2000;
  const transactionId = await startAndCharge(step, link, 3, connectorId, idTag, meterStart, 194);

  await stopLocallyAndUnplug(step, link, 7, connectorId, idTag, transactionId, meterStart + 500);
});
