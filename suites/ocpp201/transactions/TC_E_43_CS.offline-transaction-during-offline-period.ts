import { defineCase } from '../../../harness/dsl/define-case.js';
import { withTxSession } from './charging-station-states.js';
import { backOnline, expectQueuedTxEvents, takeOffline } from './transaction-steps.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_43_CS';

export default defineCase({
  id: 'TC_E_43_CS',
  title: 'Offline Behaviour - Transaction during offline period',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E12 Transaction-related message handling while offline', requirements: ['E12.FR.01', 'E12.FR.02', 'E12.FR.06'] },
  purpose: 'A whole transaction held while the CSMS is unreachable (memory state TransactionEventsInQueueEnded) is sent after the reconnection: every event offline true, one Started, one Ended.',
  refs: ['OCPP 2.0.1 Part 2 E12.FR.01', 'OCPP 2.0.1 Part 2 E12.FR.02', 'OCPP 2.0.1 Part 2 C15'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_43_CS with memory state TransactionEventsInQueueEnded (Table 441); ours: the manual actions through SUT control, the idToken is the configured valid one (known to the station from earlier sessions or its local authorization), and the configuration restored after the table.',
  pics: { any: ['C-01', 'C-35'], text: '(C-01 and (C-30 - C-34 or ISO 15118 support)) or C-35' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, {
    teardownStep: 5,
    settings: [{ component: 'AuthCtrlr', variable: 'OfflineTxForUnknownIdEnabled', value: 'true', need: 'ifWritable' }],
  }, async (s) => {
    const offlineAt = await t.step(1, 'Memory state TransactionEventsInQueueEnded: offline, the EV arrives and connects, the idToken starts and stops a transaction, the EV leaves; the harness accepts the reconnection', async () => {
      const at = await takeOffline(s);
      const bay = s.startPoints.has('ParkingBayOccupancy') || s.stopPoints.has('ParkingBayOccupancy');
      if (bay) await t.sut.do('parkingBayOccupied', { evseId: s.evseId });
      await t.sut.do('plugIn', { evseId: s.evseId, connectorId: s.connectorId });
      await t.sut.do('presentIdToken', { evseId: s.evseId, idToken: s.idToken });
      await t.sleep(500);
      await t.sut.do('presentIdToken', { evseId: s.evseId, idToken: s.idToken });
      await t.sleep(300);
      await t.sut.do('unplug', { evseId: s.evseId, connectorId: s.connectorId });
      if (bay) await t.sut.do('parkingBayUnoccupied', { evseId: s.evseId });
      await t.sleep(300);
      return at;
    });
    const onlineAt = await backOnline(s);
    await t.step(2, 'The queued TransactionEvents: all offline true, one Started, one Ended (steps 2–3)', () => expectQueuedTxEvents(s, {
      after: offlineAt, onlineAt, each: { offline: true }, requirement: `${TC} step 2; E12.FR.02 (queued events sent with offline true)`,
      oneHas: [
        { match: { eventType: 'Started' }, requirement: `${TC} step 2; E12.FR.01 (the transaction started offline is reported)` },
        { match: { eventType: 'Ended' }, requirement: `${TC} step 2; E12.FR.01 (the transaction ended offline is reported)` },
      ],
    }));
  });
});
