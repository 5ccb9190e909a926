import { defineCase } from '../../../harness/dsl/define-case.js';
import { OURS, STATUS_ANSWERED, reusableStateCharging, stopTransaction } from './csms-session-steps.js';

export default defineCase({
  id: 'TC_032_1_CSMS',
  title: 'Power failure boot charging point-configured to stop transaction(s)',
  ocpp: '1.6',
  profile: 'Core',
  sut: 'Csms',
  octt: { table: 144, follows: '2024-04' },
  purpose: 'The CSMS handles a charge point that lost power during a transaction: it accepts the BootNotification after the power returns, answers the StatusNotifications (Finishing for the connector of the transaction) and the StopTransaction with reason PowerLoss for the transaction it assigned.',
  refs: [
    'OCPP 1.6 §4.2 BootNotification',
    'OCPP 1.6 §4.9 StatusNotification',
    'OCPP 1.6 §4.10 StopTransaction',
    'OCPP 1.6 §7.36 Reason',
    'OCPP 1.6 §3.7 Transaction-related messages',
    'OCPP 1.6 §4.1 Authorize',
    'OCPP 1.6 §4.8 StartTransaction',
  ],
  provenance: 'OCTT 1.6 TCD 2024-04 Table 144 (reusable state Charging as step 0); ours: step 7 (the cable is unplugged, so the connector is left Available). The power failure is the harness charge point closing its connection and dialling anew; the StopTransaction carries the time the power was lost.',
  deviations: [{
    what: 'Step 7: the cable is unplugged and the CSMS must answer StatusNotification Available',
    why: 'The document\'s §1.3 post-conditions want connectors available; answering is an OCPP MUST the table does not check here',
    source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §4.9',
  }],
  actions: [],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (id: number, s: string) => ({ connectorId: id, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = STATUS_ANSWERED;

  const meterStart = 32000;
  const transactionId = await reusableStateCharging(step, link, connectorId, idTag, meterStart);

  const powerLostAt = new Date().toISOString();
  const rebooted = await step(1, 'The power fails and returns: after the restart, BootNotification; the CSMS accepts it (steps 1–2)', async () => {
    await link.close(1001, 'power failure');
    const fresh = await cp.reconnect();
    const boot = await fresh.call('BootNotification', { chargePointVendor: 'ocpp-harness', chargePointModel: 'virtual-cp' }, {
      expect: { status: 'Accepted' },
      requirement: 'OCPP 1.6 §4.2; Table 144 step 2: the CSMS accepts the BootNotification of a known charge point after its power returned',
    });
    if (boot.payload.status === 'Accepted') fresh.link.state.bootStatus = 'Accepted';
    return fresh;
  });

  await step(3, 'StatusNotification for connector 0 and every connector: Finishing for the connector of the transaction, Available for the others; the CSMS answers (steps 3–4)', async () => {
    for (const id of [0, ...cfg.connectorIds]) {
      await rebooted.call('StatusNotification', status(id, id === connectorId ? 'Finishing' : 'Available'), { requirement: answered });
    }
  });

  await step(5, 'StopTransaction with reason PowerLoss for the interrupted transaction; the CSMS answers (steps 5–6)', () =>
    stopTransaction(rebooted, connectorId, { transactionId, idTag, meterStop: meterStart + 500, timestamp: powerLostAt, reason: 'PowerLoss' }, {
      requirement: 'OCPP 1.6 §4.10, §7.36: the CSMS SHALL respond to the StopTransaction (reason PowerLoss) of the transaction it assigned before the power failure',
    }));

  await step(7, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    rebooted.call('StatusNotification', status(connectorId, 'Available'), { requirement: answered, ...OURS }));
});
