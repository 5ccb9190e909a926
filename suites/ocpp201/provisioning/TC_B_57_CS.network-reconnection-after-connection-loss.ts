import { defineCase } from '../../../harness/dsl/define-case.js';
import { prepareVariables, restoreVariables, RETRY_RANDOM_RANGE, RETRY_REPEAT_TIMES, RETRY_WAIT_MINIMUM } from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_57_CS (Table 64)';
/** <Configured RetryBackOffWaitMinimum> (s). */
const WAIT_S = 2;

export default defineCase({
  id: 'TC_B_57_CS',
  title: 'Network Reconnection - After connection loss',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'Part 4 section 5.3. Reconnecting', requirements: ['Part 4 §5.3'] },
  purpose: 'After losing its connection the station waits RetryBackOffWaitMinimum before reconnecting, and after a refused attempt at least twice as long before the next one.',
  refs: ['OCPP 2.0.1 Part 4 §5.3 Reconnecting', 'OCPP 2.0.1 Part 2 appendix: OCPPCommCtrlr.RetryBackOffWaitMinimum, RetryBackOffRepeatTimes, RetryBackOffRandomRange'],
  provenance: `OCPP 2.0.1 Part 6 TC_B_57_CS; ours: <Configured RetryBackOffWaitMinimum> is ${WAIT_S} s; the harness lets the station back in 1.5 × that after the second close, between the refused attempt and the doubled one; the variables are restored after the case.`,
  deviations: [
    { what: 'The refused attempt of step 5 comes no sooner than RetryBackOffWaitMinimum (SHOULD)', why: 'The table validates only steps 2 and 7', source: 'OCPP 2.0.1 Part 4 §5.3' },
    { what: 'Variables the case changed are set back after it (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 B05.FR.10' },
  ],
}, async (t) => {
  const { csms, step, cfg } = t;
  let cp = await csms.booted();
  const changes = await prepareVariables(t, cp, [[RETRY_REPEAT_TIMES, '2'], [RETRY_RANDOM_RANGE, '0'], [RETRY_WAIT_MINIMUM, String(WAIT_S)]], TABLE);
  const first = await step(1, 'The harness closes the WebSocket connection', async () => {
    await cp.close();
    return cp.mark('the harness closed the connection');
  });
  cp = await step(2, `The station reconnects no sooner than RetryBackOffWaitMinimum (${WAIT_S} s); the harness accepts it (step 3)`, async () => {
    const link = await csms.nextConnection({ requirement: `${TABLE} step 2; Part 4 §5.3: the station reconnects after losing its connection`, withinMs: cfg.timeouts.connectMs + 2 * WAIT_S * 1000 });
    csms.expectReconnect({
      anchor: first, nth: 1, minMs: WAIT_S * 1000,
      requirement: `${TABLE} step 2: the reconnection time is at least RetryBackOffWaitMinimum (Part 4 §5.3)`,
    });
    return link;
  });
  const second = await step(4, 'The harness closes the connection again and refuses the next attempt', async () => {
    await csms.goOffline();
    return cp.mark('the harness closed the connection and refuses reconnects');
  });
  const next = csms.nextConnection({ requirement: `${TABLE} step 7; Part 4 §5.3: after a refused attempt the station tries again`, withinMs: cfg.timeouts.connectMs + 4 * WAIT_S * 1000 });
  next.catch(() => undefined); // awaited in step 7
  await step(5, `The station's attempt after RetryBackOffWaitMinimum is refused (step 6)`, async () => {
    await t.sleep(WAIT_S * 1500);
    csms.goOnline();
  });
  cp = await step(7, 'The station waits at least twice as long, reconnects, and the harness accepts it (step 8)', async () => {
    const link = await next;
    csms.expectReconnect({
      anchor: second, nth: 1, minMs: WAIT_S * 1000, level: 'SHOULD',
      requirement: `ours: ${TABLE} step 5 (not a tool validation): the first attempt after the loss waits RetryBackOffWaitMinimum (Part 4 §5.3)`,
    });
    csms.expectReconnect({
      anchor: second, nth: 2, minFactor: 2,
      requirement: `${TABLE} step 7: the reconnection time is at least twice the one of step 5 (Part 4 §5.3: the wait doubles after a failed attempt)`,
    });
    return link;
  });
  await step(9, 'Ours: the back-off variables are restored', () => restoreVariables(t, cp, changes));
});
