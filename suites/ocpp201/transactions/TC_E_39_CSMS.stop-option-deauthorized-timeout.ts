import { defineCase } from '../../../harness/dsl/define-case.js';
import { bootedScope, inTransaction, sendTransactionEvent, stateAuthorized } from './csms-transaction-states.js';

export default defineCase({
  id: 'TC_E_39_CSMS',
  title: 'Stop transaction options - Deauthorized - timeout',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'Csms',
  part6: { useCase: 'E03 Start Transaction - IdToken First', requirements: ['E03.FR.04', 'E03.FR.05', 'E06.FR.04'] },
  purpose: 'The CSMS handles a transaction that the station ends because no cable was plugged in before the EV connection timeout (eventType Ended, triggerReason EVConnectTimeout, stoppedReason Timeout).',
  refs: ['OCPP 2.0.1 Part 2 E03.FR.05', 'OCPP 2.0.1 Part 2 E06.FR.04', 'OCPP 2.0.1 Part 2 J02.FR.19'],
  provenance: 'OCPP 2.0.1 Part 6 TC_E_39_CSMS (Before: reusable state Authorized as step 0); ours: the harness waits one transaction duration for the EV connection timeout.',
  deviations: [],
}, async (ctx) => {
  const t = await bootedScope(ctx);
  await inTransaction(t, async (tx) => {
    await stateAuthorized(t, tx, 0, 'Before: reusable state Authorized');
    await t.step(1, 'No cable within the EV connection timeout: TransactionEvent (Ended, EVConnectTimeout, Timeout); the CSMS answers (steps 1-2)', async () => {
      await t.sleep(t.cfg.intervals.meterSampleS * 1000);
      await sendTransactionEvent(t.link, tx, { eventType: 'Ended', triggerReason: 'EVConnectTimeout', stoppedReason: 'Timeout' }, {
        requirement: 'Part 6 TC_E_39_CSMS step 2; OCPP 2.0.1 J02.FR.19: the CSMS responds with a TransactionEventResponse',
      });
    });
  });
});
