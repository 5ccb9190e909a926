// Steps the E cases with the charging station under test share beyond the reusable states: the harness
// CSMS going offline and back, the queued TransactionEvents after a reconnection, and the Before
// configuration these tables set (Part 6 TC_E_29/31/33/40/43/44/45). Not a case.
import { mismatches, type Matcher } from '../../../harness/checks/match.js';
import type { InboundCall } from '../../../harness/rpc/session.js';
import { expectTxEvent, getVariable, type IdToken, type TxSession, type VariableSetting } from './charging-station-states.js';

/** The tables' <Configured RetryBackOffWaitMinimum_duration> (s): longer than the meter value interval. */
export const RETRY_BACK_OFF_WAIT_MINIMUM_S = 3;
/** The tables' <Configured transaction_update_metricvalues_interval> (s) and measurands. */
export const TX_UPDATED_INTERVAL_S = 1;
export const TX_UPDATED_MEASURANDS = 'Energy.Active.Import.Register';

/** OfflineThreshold = RetryBackOffWaitMinimum + extra + 60, RetryBackOffWaitMinimum = … + extra, RetryBackOffRandomRange 0. */
export function offlineSettings(extraS = 0): VariableSetting[] {
  const wait = RETRY_BACK_OFF_WAIT_MINIMUM_S + extraS;
  return [
    { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold', value: String(wait + 60) },
    { component: 'OCPPCommCtrlr', variable: 'RetryBackOffWaitMinimum', value: String(wait) },
    { component: 'OCPPCommCtrlr', variable: 'RetryBackOffRandomRange', value: '0' },
  ];
}

/** SampledDataCtrlr.TxUpdatedMeasurands / TxUpdatedInterval as the tables configure them. */
export const TX_UPDATED_SETTINGS: VariableSetting[] = [
  { component: 'SampledDataCtrlr', variable: 'TxUpdatedMeasurands', value: TX_UPDATED_MEASURANDS },
  { component: 'SampledDataCtrlr', variable: 'TxUpdatedInterval', value: String(TX_UPDATED_INTERVAL_S) },
];

/** "The OCTT closes the WebSocket connection AND does not accept a reconnect." Returns the mark. */
export async function takeOffline(s: TxSession): Promise<number> {
  const at = s.cp.mark('the harness CSMS goes offline');
  s.offline = true;
  await s.t.csms.goOffline();
  return at;
}

/**
 * "The OCTT accepts the reconnection attempt": the station's next connection becomes the session's. A
 * lost connection is no reboot, so the connection counts as accepted with or without a BootNotification.
 * Returns when the harness came back (ms): events stamped before it were generated offline.
 */
export async function backOnline(s: TxSession): Promise<number> {
  const next = s.t.csms.nextConnection();
  const onlineAt = Date.now();
  s.t.csms.goOnline();
  const cp = await next;
  s.offline = false;
  cp.link.state.bootStatus ??= 'Accepted';
  s.cp = cp;
  return onlineAt;
}

/** The TransactionEvents of the session on the live connection that were generated before `onlineAt`. */
function queuedSoFar(s: TxSession, onlineAt: number): Record<string, unknown>[] {
  const tolerance = s.t.cfg.toleranceMs;
  const events = s.cp.link.calls.filter((c) => c.frame.action === 'TransactionEvent').map((c) => c.frame.payload);
  const txId = s.transactionId ?? (events[0]?.transactionInfo as { transactionId?: string } | undefined)?.transactionId;
  // Queued: marked offline, or stamped clearly before the reconnection (a clock within the tolerance
  // of ours cannot pass an event made after it for a queued one).
  return events.filter((p) => (p.transactionInfo as { transactionId?: string }).transactionId === txId
    && (p.offline === true || Date.parse(String(p.timestamp)) < onlineAt - tolerance));
}

/**
 * "The Charging Station will empty its Transaction message queue": waits until the session's events
 * stamped before the reconnection stop coming (a quiet second), then judges each with `each` ("All
 * messages") and, per `oneHas`, that one of them carries those fields ("One of the messages"). Events
 * the station generated after the reconnection are not part of the queue.
 */
export async function expectQueuedTxEvents(s: TxSession, opts: {
  after: number; onlineAt: number; each: Matcher; requirement: string; oneHas?: { match: Matcher; requirement: string }[];
}): Promise<void> {
  const { t } = s;
  const deadline = Date.now() + t.cfg.timeouts.messageMs;
  let seen = 0;
  let stableSince = Date.now();
  for (;;) {
    const n = queuedSoFar(s, opts.onlineAt).length;
    if (n !== seen) {
      seen = n;
      stableSince = Date.now();
    }
    if ((n > 0 && Date.now() - stableSince >= 1000) || Date.now() >= deadline) break;
    await t.sleep(50);
  }
  const queued = queuedSoFar(s, opts.onlineAt);
  if (!s.transactionId && queued[0]) s.transactionId = (queued[0].transactionInfo as { transactionId?: string }).transactionId;
  // Every queued event counts, periodic meter values included.
  const any: Matcher = { triggerReason: { present: true } };
  let judged = 0;
  // "One of the messages": wants met by the same event are judged together on it; a want no event
  // meets is judged on the next queued event (and fails there).
  const groups = new Map<number, { match: Matcher; requirement: string[] }>();
  for (const want of opts.oneHas ?? []) {
    const i = queued.findIndex((p) => mismatches(p, want.match).length === 0);
    const g = groups.get(i) ?? { match: {}, requirement: [] };
    if (i < 0) {
      await expectTxEvent(s, { after: opts.after, where: any, match: { ...opts.each, ...want.match }, requirement: `${want.requirement}; ${opts.requirement}` });
      judged++;
      continue;
    }
    Object.assign(g.match, want.match);
    g.requirement.push(want.requirement);
    groups.set(i, g);
  }
  for (const g of groups.values()) {
    await expectTxEvent(s, { after: opts.after, where: { ...any, ...g.match }, match: { ...opts.each, ...g.match }, requirement: `${g.requirement.join('; ')}; ${opts.requirement}` });
    judged++;
  }
  do {
    if (judged >= Math.max(queued.length, 1)) break;
    await expectTxEvent(s, { after: opts.after, where: any, match: opts.each, requirement: opts.requirement });
    judged++;
  } while (judged < queued.length);
}

/**
 * The manual actions of a stop while offline (TC_E_31/44/45): present `idToken`, disconnect the EV, and
 * drive out of the bay when TxStopPoint has ParkingBayOccupancy.
 */
export async function offlineStop(s: TxSession, idToken: IdToken): Promise<void> {
  await s.t.sut.do('presentIdToken', { evseId: s.evseId, idToken });
  s.authorized = false;
  await s.t.sleep(300);
  await s.t.sut.do('unplug', { evseId: s.evseId, connectorId: s.connectorId });
  s.plugged = false;
  if (s.bayOccupied && s.stopPoints.has('ParkingBayOccupancy')) {
    await s.t.sut.do('parkingBayUnoccupied', { evseId: s.evseId });
    s.bayOccupied = false;
  }
  await s.t.sleep(300);
}

/** The tables' <Configured message Attempts transaction event interval> (s). */
export const MESSAGE_ATTEMPT_INTERVAL_S = 1;

/** MessageAttemptsTransactionEvent / MessageAttemptIntervalTransactionEvent (OCPPCommCtrlr, instance TransactionEvent). */
export const retrySettings = (attempts: number): VariableSetting[] => [
  { component: 'OCPPCommCtrlr', variable: 'MessageAttempts', instance: 'TransactionEvent', value: String(attempts) },
  { component: 'OCPPCommCtrlr', variable: 'MessageAttemptInterval', instance: 'TransactionEvent', value: String(MESSAGE_ATTEMPT_INTERVAL_S) },
];

/**
 * TC_E_41/42/50/51 step 5 (E13): the harness fails the TransactionEvents from `from` on — CALLERROR
 * InternalError, or no answer at all — except the `answered`-th one, which gets the normal answer. The
 * first failed event must be sent `sends` times in all, each resend `MessageAttemptInterval × earlier
 * sendings` (+ MessageTimeout without an answer) after the failure, and then no more for one further
 * interval. Returns once judged; the normal answers are back for the rest of the case.
 */
export async function expectTransactionEventRetries(s: TxSession, opts: {
  failure: 'callError' | 'noAnswer'; answered?: number; sends: number; messageTimeoutS: number; tc: string; stimulus: () => Promise<void>;
}): Promise<void> {
  const { t } = s;
  const link = s.cp.link;
  const normal = link.defaultHandler('TransactionEvent')!;
  let received = 0;
  s.cp.handle('TransactionEvent', (p, call, l) => {
    received++;
    if (received === opts.answered) return normal(p, call, l);
    if (opts.failure === 'callError') return { callError: { code: 'InternalError', description: 'failed on purpose (E13 retry test)' } };
    // No answer: the handler holds it until the connection closes (a case's override may), and the
    // link then answers nothing.
    return new Promise((_, reject) => l.channel.onClose(() => reject(new Error('connection closed'))));
  });
  try {
    const from = link.calls.length;
    await opts.stimulus();
    const first = link.calls.slice(from).find((c) => c.frame.action === 'TransactionEvent')
      ?? await waitForCall(s, from, (c) => c.frame.action === 'TransactionEvent');
    if (!first) return; // the stimulus' own expectation reports the missing event
    const same: Matcher = {
      seqNo: first.frame.payload.seqNo as number,
      'transactionInfo.transactionId': String((first.frame.payload.transactionInfo as { transactionId?: string }).transactionId),
      triggerReason: { present: true },
    };
    const intervalMs = MESSAGE_ATTEMPT_INTERVAL_S * 1000;
    const timeoutMs = opts.failure === 'noAnswer' ? opts.messageTimeoutS * 1000 : 0;
    let previous = first;
    for (let k = 1; k < opts.sends; k++) {
      // The wait runs from the failure: our CALLERROR, or the sending plus MessageTimeout.
      const anchor = opts.failure === 'callError' ? (await previous.replied).seq : previous.event.seq;
      const waitMs = timeoutMs + intervalMs * k;
      previous = await s.cp.expectCall('TransactionEvent', {
        where: same, window: { anchor, minMs: waitMs, maxMs: waitMs },
        requirement: `${opts.tc} step 5; E13.FR.02 (resent after a failure), E13.FR.03 (after MessageAttemptInterval × earlier sendings)`,
      });
    }
    // One more interval: no further sending of the same message (E13.FR.04 after the last attempt, or
    // none needed once answered).
    const last = previous;
    const quietMs = timeoutMs + intervalMs * opts.sends + t.cfg.toleranceMs;
    const resent = await waitForCall(s, link.calls.indexOf(last) + 1, (c) => c.frame.action === 'TransactionEvent'
      && mismatches(c.frame.payload, same).length === 0, quietMs);
    const end = resent ? resent.event.seq + 1 : s.cp.mark('no further sending of the failed TransactionEvent');
    // Without a resend, other TransactionEvents (the next messages, E13.FR.04) end the quiet span.
    const others = link.calls.slice(link.calls.indexOf(last) + 1).find((c) => c.frame.action === 'TransactionEvent' && c.event.seq < end);
    s.cp.expectQuiet({
      afterSeq: last.event.seq, beforeSeq: !resent && others ? others.event.seq : end,
      forbid: { actions: ['TransactionEvent'], why: 'the failed TransactionEvent is not sent again' },
      requirement: `${opts.tc} step 5; E13.FR.04 (after the final attempt the message is discarded) / E13.FR.02 (no resend once accepted)`,
    });
  } finally {
    s.cp.handle('TransactionEvent', normal);
  }
}

/** The first call on the session's link from index `from` that `pred` accepts, waiting up to `withinMs`. */
async function waitForCall(s: TxSession, from: number, pred: (c: InboundCall) => boolean, withinMs = s.t.cfg.timeouts.messageMs): Promise<InboundCall | undefined> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const found = s.cp.link.calls.slice(from).find(pred);
    if (found || Date.now() >= deadline) return found;
    await s.t.sleep(25);
  }
}

/** OCPPCommCtrlr.MessageTimeout[Default] in seconds (30 when the station does not say). */
export async function messageTimeoutS(s: TxSession): Promise<number> {
  const v = await getVariable(s.cp, { component: 'OCPPCommCtrlr', variable: 'MessageTimeout', instance: 'Default' });
  const n = Number(v.value);
  return v.status === 'Accepted' && Number.isFinite(n) && n > 0 ? n : 30;
}
