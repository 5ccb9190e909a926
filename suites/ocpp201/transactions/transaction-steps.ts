// Steps the E cases with the charging station under test share beyond the reusable states: the harness
// CSMS going offline and back, the queued TransactionEvents after a reconnection, and the Before
// configuration these tables set (Part 6 TC_E_29/31/33/40/43/44/45). Not a case.
import type { Matcher } from '../../../harness/checks/match.js';
import type { InboundCall } from '../../../harness/rpc/session.js';
import { expectTxEvent, peekTxEvent, type TxSession, type VariableSetting } from './charging-station-states.js';

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
 */
export async function backOnline(s: TxSession): Promise<void> {
  const next = s.t.csms.nextConnection();
  s.t.csms.goOnline();
  const cp = await next;
  s.offline = false;
  cp.link.state.bootStatus ??= 'Accepted';
  s.cp = cp;
}

/**
 * "The Charging Station will empty its Transaction message queue": the first queued TransactionEvent
 * of the session must come and carry `first`; every further one marked offline must carry `each`.
 * Collected until none came for a second. Returns the events judged.
 */
export async function expectQueuedTxEvents(s: TxSession, opts: { after: number; first: Matcher; each: Matcher; requirement: string }): Promise<InboundCall[]> {
  // Every queued event counts, periodic meter values included.
  const any: Matcher = { triggerReason: { present: true } };
  const judged = [await expectTxEvent(s, { after: opts.after, where: any, match: opts.first, requirement: opts.requirement })];
  for (;;) {
    const from = s.cp.link.calls.indexOf(judged[judged.length - 1]!) + 1;
    const next = await peekTxEvent(s, from, { withinMs: 1000 });
    if (!next || next.offline !== true) break;
    judged.push(await expectTxEvent(s, { after: opts.after, where: { ...any, offline: true }, match: opts.each, requirement: opts.requirement }));
  }
  return judged;
}
