import { defineCase } from '../../../harness/dsl/define-case.js';
import {
  CONNECTION_ATTEMPTS, connectionData, expectBootedAgain, migrateToProfile, networkSlots, prepareVariables, restoreNetworkPriority,
  restoreVariables, RETRY_RANDOM_RANGE, RETRY_REPEAT_TIMES, RETRY_WAIT_MINIMUM,
} from './charging-station-steps.js';

const TABLE = 'Part 6 TC_B_49_CS (Table 56)';
/** <Configured RetryBackOffWaitMinimum> (s). */
const WAIT_S = 2;
/** An endpoint nobody answers on: the TCP port 1 of the harness's host refuses every connection. */
const unanswered = (url: string) => url.replace(/^(wss?:\/\/[^/:]+)(:\d+)?/, '$1:1');

export default defineCase({
  id: 'TC_B_49_CS',
  title: 'Migrate to new ConnectionProfile - Fallback after NetworkProfileConnectionAttempts per NetworkConfigurationPriority failed - Same CSMS Root',
  ocpp: '2.0.1',
  profile: 'Core',
  sut: 'ChargePoint',
  part6: { useCase: 'B10 Migrate to new CSMS', requirements: ['B10.FR.07'] },
  purpose: 'When the new profile and then the previous one both fail, the station keeps reconnecting to the previous (last successful) profile after RetryBackOffWaitMinimum, and boots there.',
  refs: ['OCPP 2.0.1 Part 2 B10.FR.03, FR.07', 'OCPP 2.0.1 Part 4 §5.3'],
  provenance: `OCPP 2.0.1 Part 6 TC_B_49_CS; ours: the new profile points at a port nobody answers on; <Configured RetryBackOffWaitMinimum> is ${WAIT_S} s; the harness refuses the station from the Reset until 1.5 × that has passed, so the fallback attempt is refused and the next one accepted; the slots are the one in use and the other of 1 and 2; afterwards the priority and the variables are restored and the station reset again.`,
  deviations: [
    { what: 'The accepted reconnection of step 11 comes no sooner than RetryBackOffWaitMinimum after the refused one (SHOULD)', why: 'The table describes the wait but validates only step 6', source: 'OCPP 2.0.1 Part 4 §5.3' },
    { what: 'After the case NetworkConfigurationPriority is set back and a Reset accepted (SHOULD)', why: 'Restores the station for the next case', source: 'OCPP 2.0.1 Part 2 B10.FR.01, B11.FR.01' },
    { what: 'Variables the case changed are set back after it (SHOULD)', why: 'Nothing leaks into the next case', source: 'OCPP 2.0.1 Part 2 B05.FR.10' },
  ],
  pics: { all: ['C-47'], text: 'Reconnect after NetworkProfileConnectionAttempts' },
}, async (t) => {
  const { csms, step, cfg } = t;
  const cp = await csms.booted();
  const changes = await prepareVariables(t, cp, [
    [CONNECTION_ATTEMPTS, '1'], [RETRY_REPEAT_TIMES, '0'], [RETRY_RANDOM_RANGE, '0'], [RETRY_WAIT_MINIMUM, String(WAIT_S)],
  ], TABLE);
  const slots = await networkSlots(cp, TABLE, t);
  const data = await connectionData(cp, unanswered(csms.url), TABLE);
  // The refused attempts and the back-off the case sets come on top of the usual connect time.
  const next = csms.nextConnection({ requirement: `${TABLE} step 11; Part 2 B10.FR.07: the station falls back to the last successful profile and reconnects`, withinMs: cfg.timeouts.connectMs + 4 * WAIT_S * 1000 });
  next.catch(() => undefined); // awaited in step 11
  await migrateToProfile(t, cp, { table: TABLE, slot: slots.other, previous: slots.active, data });
  const reset = cp.mark('the station resets onto the new profile; the harness refuses connections for now');
  await csms.goOffline();
  await step(7, `The station tries the new profile (${String(data.ocppCsmsUrl)}); nobody answers (step 8)`, () => undefined);
  await step(9, 'The station falls back to the previous profile; the harness refuses that attempt (step 10)', async () => {
    await t.sleep(WAIT_S * 1500);
    csms.goOnline();
  });
  const link = await step(11, 'After RetryBackOffWaitMinimum the station reconnects; the harness accepts it (step 12), reusable state Booted (step 13)', async () => {
    const link = await next;
    csms.expectReconnect({
      anchor: reset, nth: 2, minMs: WAIT_S * 1000, level: 'SHOULD',
      requirement: `ours: ${TABLE} step 11 (not a tool validation): the station waits RetryBackOffWaitMinimum before reconnecting (Part 4 §5.3)`,
    });
    await expectBootedAgain(t, link, TABLE, 13);
    return link;
  });
  await step(14, 'Ours: NetworkConfigurationPriority and the variables restored, the station reset onto them', async () => {
    const back = await restoreNetworkPriority(t, link, slots.priority, TABLE);
    await restoreVariables(t, back, changes);
  });
});
