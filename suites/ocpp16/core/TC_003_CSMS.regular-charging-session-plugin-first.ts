import { defineCase } from '../../../harness/dsl/define-case.js';
import { startAndCharge, stopLocallyAndUnplug } from './csms-session-steps.js';

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
  provenance: 'Steps 1–8 as publicly summarised for TC_003_CSMS (tzi-OCTT test_tc_003_csms.py, SteVe Ocpp16JsonCsmsCertificationIT): Preparing → Authorize (Accepted) → StartTransaction (Accepted) → Charging. Steps 9–15 are ours, derived from §4.7, §4.10 and §4.9: one MeterValues, a local stop, Finishing and Available, so the CSMS is left without an open transaction.',
  actions: [],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });

  await step(1, 'EV driver plugs in: StatusNotification Preparing; the CSMS answers (steps 1–2)', () =>
    link.call('StatusNotification', status('Preparing'), {
      requirement: 'OCPP 1.6 §4.9: the CSMS answers StatusNotification',
    }));

  await step(3, 'EV driver presents a valid idTag: Authorize; the CSMS accepts it (steps 3–4)', () =>
    link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §7.2: the CSMS answers Authorize with idTagInfo; a known, valid idTag is Accepted',
    }));

  const meterStart = 1000;
  const transactionId = await startAndCharge(step, link, 5, connectorId, idTag, meterStart);

  await step(9, 'MeterValues for the transaction; the CSMS answers (ours)', () =>
    link.call('MeterValues', {
      connectorId, transactionId,
      meterValue: [{
        timestamp: new Date().toISOString(),
        sampledValue: [{ value: String(meterStart + 250), context: 'Sample.Periodic', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
      }],
    }, {
      requirement: 'OCPP 1.6 §4.7: the CSMS answers MeterValues',
    }));

  await stopLocallyAndUnplug(step, link, 11, connectorId, idTag, transactionId, meterStart + 500);
});
