import { defineCase } from '../../../harness/dsl/define-case.js';
import { authorized, evConnectedPreSession, withTxSession } from './charging-station-states.js';
import { MESSAGE_ATTEMPT_INTERVAL_S, expectTransactionEventRetries, messageTimeoutS, retrySettings } from './transaction-steps.js';

const ATTEMPTS = 3;

export default defineCase({
  id: 'TC_E_42_CS',
  title: 'Retry sending transaction message when failed - Success before reaching the max retry count',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'E13 Transaction-related message not accepted by CSMS', requirements: ['E13.FR.01', 'E13.FR.02', 'E13.FR.03'] },
  purpose: 'A TransactionEvent the CSMS leaves unanswered once is sent again after MessageTimeout plus MessageAttemptIntervalTransactionEvent and, answered then, not again.',
  refs: ['OCPP 2.0.1 Part 2 E13.FR.02', 'OCPP 2.0.1 Part 2 E13.FR.03', 'OCPP 2.0.1 Part 2 E13.FR.04'],
  provenance: `OCPP 2.0.1 Part 6 TC_E_42_CS; ours: MessageAttemptsTransactionEvent ${ATTEMPTS} and MessageAttemptIntervalTransactionEvent ${MESSAGE_ATTEMPT_INTERVAL_S} s (the table's configured values); the failed message is the TransactionEvent that the EV connection of EVConnectedPreSession brings (the optional steps 1–4 are not looked for); the session ended and the configuration restored after the table.`,
  actions: ['presentIdToken', 'plugIn', 'unplug'],
}, async (t) => {
  await withTxSession(t, { teardownStep: 7, settings: retrySettings(ATTEMPTS) }, async (s) => {
    const timeoutS = await messageTimeoutS(s);
    await t.step(0, 'Before: reusable state Authorized (local)', () => authorized(s, 'local'));
    await t.step(5, 'Reusable state EVConnectedPreSession; its TransactionEvent first left unanswered, then answered on the second sending: sent twice in all (steps 5–6)', () => expectTransactionEventRetries(s, {
      failure: 'noAnswer', answered: 2, sends: 2, messageTimeoutS: timeoutS, tc: 'OCPP 2.0.1 Part 6 TC_E_42_CS',
      stimulus: async () => { await evConnectedPreSession(s); },
    }));
  });
});
