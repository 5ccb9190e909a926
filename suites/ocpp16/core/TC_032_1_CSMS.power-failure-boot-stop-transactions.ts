import { defineCase } from '../../../harness/dsl/define-case.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';

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
  provenance: 'Steps 1–6 as publicly summarised for TC_032_1_CSMS (tzi-OCTT test_tc_032_1_csms.py, SteVe Ocpp16JsonCsmsCertificationIT, EVtivity octt TC_032_1_CSMS): [power disconnected and reconnected] BootNotification (Accepted) → StatusNotification for connector 0 and every connector (Finishing for the connector of the transaction, Available for the others) → StopTransaction reason PowerLoss. Step 0 is the OCTT reusable state Charging. The power failure is the harness charge point closing its connection and dialling anew; the StopTransaction carries the time the power was lost. Steps 7–8 are ours (§4.9): the cable is unplugged, so the connector is left Available.',
  actions: [],
}, async ({ cp, cfg, step }) => {
  const link = await cp.booted();
  const connectorId = cfg.connectorIds[0];
  const idTag = cfg.idTags.accepted;
  const status = (id: number, s: string) => ({ connectorId: id, errorCode: 'NoError', status: s, timestamp: new Date().toISOString() });
  const answered = 'OCPP 1.6 §4.9: the CSMS answers StatusNotification';

  const meterStart = 32000;
  const transactionId = await step(0, 'Reusable state Charging: Authorize, Preparing, StartTransaction, Charging', async () => {
    await link.call('Authorize', { idTag }, {
      expect: { 'idTagInfo.status': 'Accepted' },
      requirement: 'OCPP 1.6 §4.1, §7.2: the CSMS answers Authorize with idTagInfo; a known, valid idTag is Accepted',
    });
    await link.call('StatusNotification', status(connectorId, 'Preparing'), { requirement: answered });
    const start = await link.call('StartTransaction', { connectorId, idTag, meterStart, timestamp: new Date().toISOString() }, {
      expect: { 'idTagInfo.status': 'Accepted', transactionId: { present: true } },
      requirement: 'OCPP 1.6 §4.8: StartTransaction.conf MUST include a transaction id and an authorization status; a valid idTag is Accepted',
    });
    const id = start.payload.transactionId;
    if (typeof id !== 'number') throw new ExpectationUnmet('StartTransaction.conf carries no transactionId; the session cannot go on');
    await link.call('StatusNotification', status(connectorId, 'Charging'), { requirement: answered });
    return id;
  });

  const powerLostAt = new Date().toISOString();
  const rebooted = await step(1, 'The power fails and returns: after the restart, BootNotification; the CSMS accepts it (steps 1–2)', async () => {
    await link.close(1001, 'power failure');
    const fresh = await cp.reconnect();
    const boot = await fresh.call('BootNotification', { chargePointVendor: 'ocpp-harness', chargePointModel: 'virtual-cp' }, {
      expect: { status: 'Accepted', interval: { minimum: 0 } },
      requirement: 'OCPP 1.6 §4.2: the CSMS answers the BootNotification a charge point sends after a reboot with its status, current time and heartbeat interval; a known charge point is Accepted',
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
    rebooted.call('StopTransaction', { transactionId, idTag, meterStop: meterStart + 500, timestamp: powerLostAt, reason: 'PowerLoss' }, {
      requirement: 'OCPP 1.6 §4.10, §7.36: the CSMS SHALL respond to the StopTransaction (reason PowerLoss) of the transaction it assigned before the power failure',
    }));

  await step(7, 'EV driver unplugs: StatusNotification Available; the CSMS answers (ours)', () =>
    rebooted.call('StatusNotification', status(connectorId, 'Available'), { requirement: answered }));
});
