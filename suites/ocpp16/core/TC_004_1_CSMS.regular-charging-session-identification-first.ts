import { defineCase } from '../../../harness/dsl/define-case.js';
import { startAndCharge, stopLocallyAndUnplug } from './csms-session-steps.js';

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
  provenance: 'Steps 1–8 as publicly summarised for TC_004_1_CSMS (tzi-OCTT test_tc_004_1_csms.py: reusable states Authorized then Charging; SteVe Ocpp16JsonCsmsCertificationIT): Authorize (Accepted) → Preparing → StartTransaction (Accepted) → Charging. Steps 9–13 are ours, derived from §4.10 and §4.9: a local stop, Finishing and Available, so the CSMS is left without an open transaction.',
  actions: [],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });

  await step(1, 'EV driver presents a valid idTag: Authorize; the CSMS accepts it (steps 1–2)', () =>
    link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §7.2: the CSMS answers Authorize with idTagInfo; a known, valid idTag is Accepted',
    }));

  await step(3, 'EV driver plugs in: StatusNotification Preparing; the CSMS answers (steps 3–4)', () =>
    link.call('StatusNotification', status('Preparing'), {
      requirement: 'OCPP 1.6 §4.9: the CSMS answers StatusNotification',
    }));

  const meterStart = 2000;
  const transactionId = await startAndCharge(step, link, 5, connectorId, idTag, meterStart);

  await stopLocallyAndUnplug(step, link, 9, connectorId, idTag, transactionId, meterStart + 500);
});
