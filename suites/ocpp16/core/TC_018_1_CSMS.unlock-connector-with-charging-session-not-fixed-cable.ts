import { defineCase } from '../../../harness/dsl/define-case.js';
import { STATUS_ANSWERED, connectorStatus, reusableStateCharging, stopTransaction } from './csms-session-steps.js';

export default defineCase({
  id: 'TC_018_1_CSMS',
  title: 'Unlock Connector - With Charging Session (Not fixed cable)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 132, follows: '2024-04' },
  purpose: 'The CSMS unlocks a connector while a transaction runs on it: it sends UnlockConnector for that connector, then answers Finishing, the StopTransaction with reason UnlockCommand and Available.',
  refs: [
    'OCPP 1.6 §5.18 UnlockConnector',
    'OCPP 1.6 §7.46 UnlockStatus',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §7.36 Reason',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 132 (reusable state Charging as step 0); ours: the request is asked for through SUT control with the connector of the running transaction; the harness answers Unlocked and ends the transaction (§5.18).',
  deviations: [{
    what: 'Step 1: the UnlockConnector.req names the connector it was asked to unlock (SHOULD)',
    why: 'The table checks nothing of the request; a CSMS that unlocks another connector than its operator asked for is worth a warning, not a FAIL',
    source: 'OCPP 1.6 §5.18, §6.53',
  }],
  actions: ['UnlockConnector'],
}, async ({ cp, sut, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = connectorStatus(connectorId);
  const answered = STATUS_ANSWERED;

  const meterStart = 18000;
  const transactionId = await reusableStateCharging(step, link, connectorId, idTag, meterStart);

  const request = await step(1, `The CSMS sends UnlockConnector for connector ${connectorId}, on which the transaction runs (step 1)`, async () => {
    await sut.do('UnlockConnector', { connectorId });
    return link.expectCall('UnlockConnector', {
      match: { connectorId }, matchLevel: 'SHOULD',
      requirement: 'OCPP 1.6 §5.18, §6.53: the CSMS requests the unlocking of a connector with UnlockConnector.req naming the connector asked for',
    });
  });

  await step(2, 'The charge point answers UnlockConnector Unlocked (step 2)', () => request.replied);

  await step(3, 'StatusNotification Finishing; the CSMS answers (steps 3–4)', () =>
    link.call('StatusNotification', status('Finishing'), { requirement: answered }));

  await step(5, 'StopTransaction with reason UnlockCommand; the CSMS answers (steps 5–6)', () =>
    stopTransaction(link, connectorId, { transactionId, idTag, meterStop: meterStart + 500, reason: 'UnlockCommand' }, {
      requirement: 'OCPP 1.6 §4.10, §5.18: the CSMS SHALL respond to the StopTransaction of a transaction the charge point finished because of its UnlockConnector',
    }));

  await step(7, 'EV driver unplugs: StatusNotification Available; the CSMS answers (steps 7–8)', () =>
    link.call('StatusNotification', status('Available'), { requirement: answered }));
});
