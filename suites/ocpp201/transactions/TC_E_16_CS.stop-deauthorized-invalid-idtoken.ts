import { defineCase } from '../../../harness/dsl/define-case.js';
import { expectTxEvent, txPoint, withTxSession } from './charging-station-states.js';
import { backOnline, expectQueuedTxEvents, takeOffline } from './transaction-steps.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_16_CS';

export default defineCase({
  id: 'TC_E_16_CS',
  title: 'Stop transaction options - Deauthorized - Invalid idToken',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E06(S4) Stop Transaction options - Deauthorized, C15', requirements: ['E06.FR.04', 'E06.FR.15', 'C15.FR.04'] },
  purpose: 'A transaction started offline whose idToken the CSMS answers Invalid after the reconnection is deauthorized: Ended, Deauthorized, stoppedReason DeAuthorized.',
  refs: ['OCPP 2.0.1 Part 2 E06.FR.04', 'OCPP 2.0.1 Part 2 C15.FR.02', 'OCPP 2.0.1 Part 2 C15.FR.04'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_16_CS with reusable state StartOfflineTransaction (Table 436); ours: TxStopPoint set to Authorized, the Before line "AuthCtrl…Authorized" read as AuthCtrlr.LocalAuthorizeOffline, the idToken is the configured valid one (known locally), the manual actions through SUT control, and the session ended and the configuration restored after the table.',
  pics: { all: ['C-01'], any: ['C-10.2', 'C-10.3'], text: '(C-10.2 or C-10.3) and (C-30 - C-32 or ISO 15118 support) and C-01' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 5,
    settings: [
      txPoint('TxStopPoint', 'Authorized', ['EnergyTransfer', 'DataSigned']),
      { component: 'AuthCtrlr', variable: 'LocalAuthorizeOffline', value: 'true', need: 'ifWritable' },
      { component: 'AuthCtrlr', variable: 'DisableRemoteAuthorization', value: 'false', need: 'ifImplemented' },
      { component: 'AuthCtrlr', variable: 'OfflineTxForUnknownIdEnabled', value: 'true', need: 'ifWritable' },
      { component: 'TxCtrlr', variable: 'StopTxOnInvalidId', value: 'true' },
    ],
  }, async (s) => {
    const offlineAt = await t.step(0, 'Before: reusable state StartOfflineTransaction: offline, the idToken presented, the EV connected; the harness accepts the reconnection', async () => {
      const at = await takeOffline(s);
      if (s.startPoints.has('ParkingBayOccupancy')) {
        await t.sut.do('parkingBayOccupied', { evseId: s.evseId });
        s.bayOccupied = true;
      }
      await t.sut.do('presentIdToken', { evseId: s.evseId, idToken: s.idToken });
      await t.sleep(300);
      await t.sut.do('plugIn', { evseId: s.evseId, connectorId: s.connectorId });
      s.plugged = true;
      s.authorized = true;
      s.authorizedBy = 'local';
      await t.sleep(300);
      return at;
    });
    const onlineAt = await backOnline(s);
    // Step 2: the harness answers the TransactionEvent that carries the idToken with Invalid.
    s.cp.handle('TransactionEvent', (p) => (p.idToken !== undefined ? { idTokenInfo: { status: 'Invalid' } } : {}));
    await t.step(1, 'The queued TransactionEvents, offline true; the one with the idToken is answered Invalid (steps 1–2)', () => expectQueuedTxEvents(s, {
      after: offlineAt, onlineAt, each: { offline: true }, requirement: `${TC} step 1; C15.FR.02 (the offline transaction is reported), E12.FR.02`,
    }));
    await t.step(3, 'TransactionEvent Ended, Deauthorized, stoppedReason DeAuthorized (steps 3–4)', () => expectTxEvent(s, {
      after: offlineAt, where: { triggerReason: 'Deauthorized' },
      match: { eventType: 'Ended', 'transactionInfo.stoppedReason': 'DeAuthorized' },
      requirement: `${TC} step 3; C15.FR.04 (StopTxOnInvalidId with TxStopPoint Authorized: the transaction ends), E06.FR.04`,
    }));
  });
});
