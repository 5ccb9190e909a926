import { defineCase } from '../../../harness/dsl/define-case.js';
import { AUTHORIZE_ACCEPTED, OURS, STATUS_ANSWERED, connectorStatus, sessionTeardownDeviation, startAndCharge, stopLocallyAndUnplug } from './csms-session-steps.js';

export default defineCase({
  id: 'TC_003_CSMS',
  title: 'Regular Charging Session - Plugin First',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 118, follows: '2024-04' },
  purpose: 'The CSMS handles a charging session that starts with the cable being plugged in: it answers StatusNotification, accepts a valid idTag in Authorize and StartTransaction (giving a transactionId), and answers the transaction\'s MeterValues and StopTransaction.',
  refs: [
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.7 MeterValues',
    'OCPP 1.6 §4.8 StartTransaction',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §7.2 AuthorizationStatus',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 118; ours: steps 9–15 (one MeterValues of the transaction, then a local stop, Finishing and Available, so the CSMS is left without an open transaction).',
  deviations: [
    {
      what: 'Step 9: the CSMS must answer a MeterValues.req of the running transaction',
      why: 'A session sends meter values; answering them is an OCPP MUST the table does not exercise',
      source: 'OCPP 1.6 §4.7',
    },
    sessionTeardownDeviation('11–15'),
  ],
  actions: [],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = connectorStatus(connectorId);

  await step(1, 'EV driver plugs in: StatusNotification Preparing; the CSMS answers (steps 1–2)', () =>
    link.call('StatusNotification', status('Preparing'), { requirement: STATUS_ANSWERED }));

  await step(3, 'EV driver presents a valid idTag: Authorize; the CSMS accepts it (steps 3–4)', () =>
    link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: `${AUTHORIZE_ACCEPTED} (Table 118 step 4)`,
    }));

  const meterStart = 1000;
  const transactionId = await startAndCharge(step, link, 5, connectorId, idTag, meterStart, 118);

  await step(9, 'MeterValues for the transaction; the CSMS answers (ours)', () =>
    link.call('MeterValues', {
      connectorId, transactionId,
      meterValue: [{
        timestamp: new Date().toISOString(),
        sampledValue: [{ value: String(meterStart + 250), context: 'Sample.Periodic', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
      }],
    }, {
      requirement: 'OCPP 1.6 §4.7: the CSMS SHALL respond to MeterValues', ...OURS,
    }));

  await stopLocallyAndUnplug(step, link, 11, connectorId, idTag, transactionId, meterStart + 500);
});
