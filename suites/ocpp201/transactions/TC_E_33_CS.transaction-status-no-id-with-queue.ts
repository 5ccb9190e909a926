import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';
import { RETRY_BACK_OFF_WAIT_MINIMUM_S, TX_UPDATED_SETTINGS, backOnline, expectQueuedTxEvents, offlineSettings, takeOffline } from './transaction-steps.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_33_CS';

export default defineCase({
  id: 'TC_E_33_CS',
  title: 'Check Transaction status - Without transactionId - with message in queue',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E14 Check transaction status', requirements: ['E14.FR.06', 'E14.FR.07'] },
  purpose: 'Right after a reconnection, GetTransactionStatus without transactionId, while meter values queued offline wait, answers without ongoingIndicator and with messagesInQueue true; the queue follows with offline true.',
  refs: ['OCPP 2.0.1 Part 2 E14.FR.06', 'OCPP 2.0.1 Part 2 E14.FR.07', 'OCPP 2.0.1 Part 2 E11.FR.02'],
  provenance: `OCPP 2.0.1 Part 6 TC_E_33_CS; ours: RetryBackOffWaitMinimum ${RETRY_BACK_OFF_WAIT_MINIMUM_S} s and TxUpdatedInterval 1 s (the table's configured values), the queued events collected until none came for a second, authorization at the station, and the session ended and the configuration restored after the table.`,
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 7, settings: [...TX_UPDATED_SETTINGS, ...offlineSettings()] }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    const offlineAt = await t.step(1, 'The harness CSMS closes the connection and refuses reconnects', () => takeOffline(s));
    const onlineAt = await t.step(2, `After ${RETRY_BACK_OFF_WAIT_MINIMUM_S} s the harness accepts the reconnection`, async () => {
      await t.sleep(RETRY_BACK_OFF_WAIT_MINIMUM_S * 1000);
      return backOnline(s);
    });
    await t.step(3, 'At once: GetTransactionStatus without transactionId: ongoingIndicator omitted, messagesInQueue true (steps 3–4)', () =>
      s.cp.call('GetTransactionStatus', {}, {
        expect: { ongoingIndicator: { present: false }, messagesInQueue: true },
        requirement: `${TC} step 4; E14.FR.06 (no ongoingIndicator without a transactionId), E14.FR.07 (messages queued)`,
      }));
    await t.step(5, 'The queued TransactionEvents: Updated, with meter values, offline true (steps 5–6)', () => {
      const each = { eventType: 'Updated', 'meterValue.0': { present: true }, offline: true };
      return expectQueuedTxEvents(s, { after: offlineAt, onlineAt, each, requirement: `${TC} step 5; E11.FR.02 (queued events sent with offline true)` });
    });
  });
});
