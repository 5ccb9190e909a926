import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';
import { RETRY_BACK_OFF_WAIT_MINIMUM_S, TX_UPDATED_SETTINGS, backOnline, expectQueuedTxEvents, offlineSettings, takeOffline } from './transaction-steps.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_29_CS';

export default defineCase({
  id: 'TC_E_29_CS',
  title: 'Check Transaction status - Transaction with id ongoing - with message in queue',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E14 Check transaction status', requirements: ['E14.FR.02', 'E14.FR.04'] },
  purpose: 'Right after a reconnection, GetTransactionStatus for the running transaction whose meter values were queued offline answers ongoingIndicator true, messagesInQueue true; the queue follows with offline true.',
  refs: ['OCPP 2.0.1 Part 2 E14.FR.02', 'OCPP 2.0.1 Part 2 E14.FR.04', 'OCPP 2.0.1 Part 2 E11.FR.02'],
  provenance: `OCPP 2.0.1 Part 6 TC_E_29_CS; ours: RetryBackOffWaitMinimum ${RETRY_BACK_OFF_WAIT_MINIMUM_S} s and TxUpdatedInterval 1 s (the table's configured values), the queued events collected until none came for a second, authorization at the station, and the session ended and the configuration restored after the table.`,
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
    await t.step(3, 'At once: GetTransactionStatus for the transaction: ongoingIndicator true, messagesInQueue true (steps 3–4)', () =>
      s.cp.call('GetTransactionStatus', { transactionId: s.transactionId ?? '' }, {
        expect: { ongoingIndicator: true, messagesInQueue: true },
        requirement: `${TC} step 4; E14.FR.02 (ongoing), E14.FR.04 (messages queued for it)`,
      }));
    await t.step(5, 'The queued TransactionEvents: Updated, with meter values, offline true (steps 5–6)', () => {
      const each = { eventType: 'Updated', 'meterValue.0': { present: true }, offline: true };
      return expectQueuedTxEvents(s, { after: offlineAt, onlineAt, each, requirement: `${TC} step 5; E11.FR.02 (queued events sent with offline true)` });
    });
  });
});
