import { defineCase } from '../../../harness/dsl/define-case.js';
import { beforeEnergyTransferStarted, withTxSession, OVERLAPPING_TRIGGER_DEVIATION } from './charging-station-states.js';
import { RETRY_BACK_OFF_WAIT_MINIMUM_S, TX_UPDATED_SETTINGS, backOnline, expectQueuedTxEvents, offlineSettings, offlineStop, takeOffline } from './transaction-steps.js';

const TC = 'OCPP 2.0.1 Part 6 TC_E_31_CS';
/** The table's <Configured Transaction Duration> (s). */
const TRANSACTION_DURATION_S = 2;

export default defineCase({
  id: 'TC_E_31_CS',
  title: 'Check Transaction status - Transaction with id ended - with message in queue',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E14 Check transaction status', requirements: ['E14.FR.03', 'E14.FR.04'] },
  purpose: 'A transaction stopped while the CSMS is unreachable: right after the reconnection GetTransactionStatus answers ongoingIndicator false, messagesInQueue true, and the queued events report the stop.',
  refs: ['OCPP 2.0.1 Part 2 E14.FR.03', 'OCPP 2.0.1 Part 2 E14.FR.04', 'OCPP 2.0.1 Part 2 E12.FR.02'],
  provenance: `OCPP 2.0.1 Part 6 TC_E_31_CS; ours: RetryBackOffWaitMinimum ${RETRY_BACK_OFF_WAIT_MINIMUM_S} + ${TRANSACTION_DURATION_S} s, TxUpdatedInterval 1 s, the stop with the idToken at the station (the local scenario); of the reusable states' validations for the queued events, the StopAuthorized trigger and the Ended event are checked; the session ended and the configuration restored after the table.`,
  deviations: [OVERLAPPING_TRIGGER_DEVIATION],
  pics: { text: 'NOT (NOT (C-30 - C-35) AND (NOT C-10.1 AND NOT C-10.3 AND NOT C-10.4 AND NOT C-10.5) AND NOT C-06.2)' },
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 5, settings: [...TX_UPDATED_SETTINGS, ...offlineSettings(TRANSACTION_DURATION_S)] }, async (s) => {
    await beforeEnergyTransferStarted(s, 'local');
    const offlineAt = await t.step(0, 'The harness CSMS goes offline; the same idToken is presented and the EV disconnected; the harness then accepts the reconnection', async () => {
      const at = await takeOffline(s);
      await offlineStop(s, s.idToken);
      await t.sleep(TRANSACTION_DURATION_S * 1000);
      return at;
    });
    const onlineAt = await backOnline(s);
    await t.step(1, 'At once: GetTransactionStatus for the transaction: ongoingIndicator false, messagesInQueue true (steps 1–2)', () =>
      s.cp.call('GetTransactionStatus', { transactionId: s.transactionId ?? '' }, {
        expect: { ongoingIndicator: false, messagesInQueue: true },
        requirement: `${TC} step 2; E14.FR.03 (ended), E14.FR.04 (messages queued for it)`,
      }));
    await t.step(3, 'The queued TransactionEvents of the stop: StopAuthorized, and the transaction Ended (steps 3–4)', () => expectQueuedTxEvents(s, {
      after: offlineAt, onlineAt, each: {}, requirement: `${TC} step 3 (the reusable states' validations)`,
      oneHas: [
        { match: { triggerReason: 'StopAuthorized' }, requirement: 'OCPP 2.0.1 Part 6 Table 432 (StopAuthorized) step 1' },
        { match: { eventType: 'Ended' }, requirement: 'E06: the stopped transaction is reported Ended' },
      ],
    }));
  });
});
