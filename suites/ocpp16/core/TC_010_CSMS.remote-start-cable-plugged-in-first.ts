import { defineCase } from '../../../harness/dsl/define-case.js';
import { startAndCharge, stopLocallyAndUnplug } from './csms-session-steps.js';

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
  provenance: 'Steps 1–10 as publicly summarised for TC_010_CSMS (tzi-OCTT test_tc_010_csms.py, SteVe Ocpp16JsonCsmsCertificationIT): Preparing → RemoteStartTransaction (answered Accepted) → Authorize (Accepted) → StartTransaction (Accepted) → Charging. The RemoteStartTransaction is triggered through SUT control with connectorId and idTag; only the idTag is checked, as connectorId is optional (§5.11). Steps 11–15 are ours (§4.10, §4.9): a local stop, Finishing and Available, so the CSMS is left without an open transaction.',
  actions: ['RemoteStartTransaction'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (s: string) => ({ connectorId, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });

  await step(1, 'EV driver plugs in: StatusNotification Preparing; the CSMS answers (steps 1–2)', () =>
    link.call('StatusNotification', status('Preparing'), {
      requirement: 'OCPP 1.6 §4.9: the CSMS answers StatusNotification',
    }));

  const remoteStart = await step(3, 'The CSMS sends RemoteStartTransaction with the idTag (step 3)', async () => {
    await sut.do('RemoteStartTransaction', { connectorId, idTag });
    return link.expectCall('RemoteStartTransaction', {
      match: { idTag },
      requirement: 'OCPP 1.6 §5.11: the CSMS starts a transaction remotely with RemoteStartTransaction.req carrying the idTag to use',
    });
  });

  await step(4, 'The charge point answers RemoteStartTransaction Accepted (step 4)', () => remoteStart.replied);

  await step(5, 'Authorize the idTag; the CSMS accepts it (steps 5–6)', () =>
    link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §5.11, §7.2: the CSMS answers Authorize with idTagInfo; the idTag it sent in RemoteStartTransaction is Accepted',
    }));

  const meterStart = 3000;
  const transactionId = await startAndCharge(step, link, 7, connectorId, idTag, meterStart);

  await stopLocallyAndUnplug(step, link, 11, connectorId, idTag, transactionId, meterStart + 500);
});
