// Transactions of the reference charging station (E01–E14, J02): each EVSE's conditions (parking bay,
// EV connected, authorized, power path closed, energy transfer) start a transaction at the first
// TxStartPoint that becomes true and end it when a TxStopPoint that was true becomes false. Every
// change goes out as a TransactionEvent with seqNo, triggerReason, chargingState, the idToken on the
// first event after an authorization, meter values, and offline=true when generated offline.
// Authorization (Authorize, a small cache, the offline rules), EVConnectionTimeOut, remote start/stop
// and GetTransactionStatus live here too.

import { randomUUID } from 'node:crypto';
import { asRecord, int, str } from '../../../../peers/peer-util.js';
import type { StationCore } from './core.js';
import type { Evse, Evses } from './evses.js';
import { AlignedClock, meterValue, onMultiple } from './metering.js';
import { nowIso, type ChargingState, type IdTokenLists, type Payload } from './types.js';

export interface IdToken {
  idToken: string;
  type: string;
}

type TxPoint = 'ParkingBayOccupancy' | 'EVConnected' | 'Authorized' | 'PowerPathClosed' | 'EnergyTransfer';

interface Authorization {
  idToken: IdToken;
  remoteStartId?: number;
  /** groupIdToken.idToken from the CSMS: another idToken of the group may stop the transaction (C09). */
  groupId?: string;
  /** The idToken has not yet been carried by a TransactionEvent. */
  unsent: boolean;
}

export interface Transaction {
  id: string;
  evseId: number;
  nextSeqNo: number;
  /** Conditions that have been true during the transaction (only those can stop it). */
  seen: Set<TxPoint>;
  chargingState: ChargingState;
  /** Why the authorization went (the stoppedReason when that ends the transaction). */
  deauthReason?: string;
  /** Samples kept for the Ended event (SampledData/AlignedData TxEndedInterval). */
  endedReadings: Payload[];
  timers: NodeJS.Timeout[];
}

interface EvseTx {
  auth?: Authorization;
  tx?: Transaction;
  /** The next TransactionEvent answers a RequestStartTransaction (triggerReason RemoteStart, remoteStartId). */
  remoteStart?: number;
  connectionTimer?: NodeJS.Timeout;
  relayTimer?: NodeJS.Timeout;
}

const POINTS: readonly TxPoint[] = ['ParkingBayOccupancy', 'EVConnected', 'Authorized', 'PowerPathClosed', 'EnergyTransfer'];

/** Trigger reasons worth an Updated event even when the charging state did not change. */
const NOTABLE = new Set(['Authorized', 'StopAuthorized', 'RemoteStop', 'RemoteStart', 'EVConnectTimeout', 'Deauthorized', 'CablePluggedIn', 'EVDetected', 'EVDeparted', 'EVCommunicationLost', 'AbnormalCondition']);

export class Transactions {
  private readonly state = new Map<number, EvseTx>();
  /** Every transaction id this station used, and whether it has ended (GetTransactionStatus). */
  private readonly known = new Map<string, boolean>();
  /** Authorization cache (C10, simplified): status and group of idTokens the CSMS answered for. */
  private readonly cache = new Map<string, { status: string; groupId?: string }>();
  private readonly clock: AlignedClock;
  /** Called when no transaction is left (Reset OnIdle, ChangeAvailability Scheduled). */
  onIdle: Array<(evseId: number) => void> = [];

  constructor(private readonly core: StationCore, private readonly evses: Evses, private readonly idTokens: IdTokenLists) {
    for (const e of evses.list) this.state.set(e.id, {});
    this.clock = new AlignedClock(core, (at) => this.alignedTick(at));
    core.hooks.bootAccepted.push(() => this.clock.arm());
  }

  private st(e: Evse): EvseTx {
    return this.state.get(e.id)!;
  }

  txOf(e: Evse): Transaction | undefined {
    return this.st(e).tx;
  }

  get ongoing(): Transaction[] {
    return [...this.state.values()].flatMap((s) => (s.tx ? [s.tx] : []));
  }

  stopClock(): void {
    this.clock.stop();
  }

  private points(variable: 'TxStartPoint' | 'TxStopPoint'): Set<string> {
    return new Set(this.core.dm.list('TxCtrlr', variable));
  }

  // ---------------------------------------------------------------- conditions

  private evConnected(e: Evse): boolean {
    return e.cablePlugged && e.evConnected;
  }

  /** Should the power path be closed? */
  private relayWanted(e: Evse): boolean {
    return this.evConnected(e) && !!this.st(e).auth && e.operative && this.evses.stationOperative && !e.faulted && !e.suspendedByStation;
  }

  /** Conditions now; PowerPathClosed/EnergyTransfer from the relay as it is (`actual`) or as it is about to be. */
  private conditions(e: Evse, actual: boolean): Set<TxPoint> {
    const closed = actual ? e.relayClosed : this.relayWanted(e);
    const set = new Set<TxPoint>();
    if (e.parkingBayOccupied) set.add('ParkingBayOccupancy');
    if (this.evConnected(e)) set.add('EVConnected');
    if (this.st(e).auth) set.add('Authorized');
    if (closed && this.evConnected(e)) set.add('PowerPathClosed');
    if (closed && this.evConnected(e) && !e.evSuspended && !e.evNotReady) set.add('EnergyTransfer');
    return set;
  }

  private chargingState(e: Evse): ChargingState {
    if (!this.evConnected(e)) return 'Idle';
    if (e.relayClosed) return e.evSuspended || e.evNotReady ? 'SuspendedEV' : 'Charging';
    if (this.st(e).auth && (e.faulted || !e.operative || e.suspendedByStation)) return 'SuspendedEVSE';
    return 'EVConnected';
  }

  /**
   * Something happened on an EVSE: start, update or end its transaction as the Tx points say, then let
   * the power path follow one step later.
   */
  step(e: Evse, trigger: string, opts: { stoppedReason?: string } = {}): void {
    e.tick();
    const s = this.st(e);
    const now = this.conditions(e, true);
    let tx = s.tx;
    if (!tx) {
      const start = [...this.points('TxStartPoint')].some((p) => now.has(p as TxPoint));
      if (start) {
        tx = this.begin(e, now);
        const begin = this.core.quirks.has('no-meter-values') ? [] : [meterValue(e, this.core.dm.list('SampledDataCtrlr', 'TxStartedMeasurands'), 'Transaction.Begin')];
        this.emit(e, tx, 'Started', trigger, this.chargingState(e), { meterValue: begin });
      }
    } else {
      const after = this.conditions(e, false);
      const stop = [...this.points('TxStopPoint')].some((p) => tx!.seen.has(p as TxPoint) && !after.has(p as TxPoint));
      if (stop) {
        this.end(e, tx, trigger, opts.stoppedReason);
        tx = undefined;
      } else {
        for (const p of now) tx.seen.add(p);
        const cs = this.chargingState(e);
        if (cs !== tx.chargingState || NOTABLE.has(trigger) || s.remoteStart !== undefined || s.auth?.unsent) {
          this.emit(e, tx, 'Updated', trigger, cs);
        }
      }
    }
    this.followRelay(e);
  }

  /** The power path closes or opens one step after the conditions change (so each shows as its own event). */
  private followRelay(e: Evse): void {
    const s = this.st(e);
    const want = this.relayWanted(e);
    if (want === e.relayClosed) {
      this.core.timers.cancel(s.relayTimer);
      s.relayTimer = undefined;
      return;
    }
    if (s.relayTimer) return;
    s.relayTimer = this.core.timers.after(20, () => {
      s.relayTimer = undefined;
      if (this.relayWanted(e) === e.relayClosed) return;
      e.tick();
      e.relayClosed = this.relayWanted(e);
      this.step(e, 'ChargingStateChanged', { stoppedReason: e.evSuspended ? 'StoppedByEV' : undefined });
    });
  }

  private begin(e: Evse, now: Set<TxPoint>): Transaction {
    const tx: Transaction = { id: randomUUID(), evseId: e.id, nextSeqNo: 0, seen: new Set(now), chargingState: 'Idle', endedReadings: [], timers: [] };
    this.st(e).tx = tx;
    this.known.set(tx.id, false);
    const updatedS = this.core.dm.int('SampledDataCtrlr', 'TxUpdatedInterval');
    const endedS = this.core.dm.int('SampledDataCtrlr', 'TxEndedInterval');
    if (!this.core.quirks.has('no-meter-values') && this.core.dm.bool('SampledDataCtrlr', 'Enabled')) {
      if (updatedS > 0) {
        tx.timers.push(this.core.timers.every(updatedS * 1000, () => {
          const mv = meterValue(e, this.core.dm.list('SampledDataCtrlr', 'TxUpdatedMeasurands'), 'Sample.Periodic');
          this.emit(e, tx, 'Updated', 'MeterValuePeriodic', this.chargingState(e), { meterValue: [mv] });
        }));
      }
      if (endedS > 0) {
        tx.timers.push(this.core.timers.every(endedS * 1000, () => {
          tx.endedReadings.push(meterValue(e, this.core.dm.list('SampledDataCtrlr', 'TxEndedMeasurands'), 'Sample.Periodic'));
        }));
      }
    }
    return tx;
  }

  private end(e: Evse, tx: Transaction, trigger: string, stoppedReason?: string): void {
    const s = this.st(e);
    for (const t of tx.timers) this.core.timers.cancel(t);
    // The power path opens with the end of the transaction.
    e.tick();
    e.relayClosed = false;
    const reason = tx.deauthReason ?? stoppedReason ?? defaultStoppedReason(trigger);
    const readings = this.core.quirks.has('no-meter-values')
      ? []
      : [...tx.endedReadings, meterValue(e, this.core.dm.list('SampledDataCtrlr', 'TxEndedMeasurands'), 'Transaction.End')];
    this.emit(e, tx, 'Ended', trigger, this.chargingState(e), { stoppedReason: reason, meterValue: readings });
    s.tx = undefined;
    this.known.set(tx.id, true);
    // An authorization ends with its transaction.
    this.clearAuth(e);
    e.suspendedByStation = false;
    for (const h of this.onIdle) h(e.id);
  }

  /** Queue one TransactionEvent. */
  private emit(e: Evse, tx: Transaction, eventType: 'Started' | 'Updated' | 'Ended', trigger: string, cs: ChargingState, extra: { stoppedReason?: string; meterValue?: Payload[]; withEvse?: boolean } = {}): void {
    const s = this.st(e);
    const q = this.core.quirks;
    let triggerReason = trigger;
    const info: Payload = { transactionId: tx.id, chargingState: cs };
    if (s.remoteStart !== undefined && eventType !== 'Ended') {
      // The first event after RequestStartTransaction says RemoteStart (general tool rule, F01/F02).
      triggerReason = 'RemoteStart';
      if (!q.has('remote-start-without-remote-start-id')) info.remoteStartId = s.remoteStart;
      s.remoteStart = undefined;
    }
    if (extra.stoppedReason) info.stoppedReason = q.has('remote-stop-reason-local') && extra.stoppedReason === 'Remote' ? 'Local' : extra.stoppedReason;
    const offline = !this.core.isOnline();
    const payload: Payload = {
      eventType,
      // Quirk started-stamped-late: the Started event says it happened a minute later than it did.
      timestamp: q.has('started-stamped-late') && eventType === 'Started' ? new Date(Date.now() + 60_000).toISOString() : nowIso(),
      triggerReason,
      seqNo: tx.nextSeqNo,
      transactionInfo: info,
    };
    tx.nextSeqNo += q.has('transaction-seq-no-skips') && eventType === 'Started' ? 2 : 1;
    if (offline && !q.has('offline-flag-missing')) payload.offline = true;
    if (eventType === 'Started' || s.auth?.unsent || extra.withEvse) payload.evse = { id: e.id, connectorId: 1 };
    if (s.auth?.unsent && eventType !== 'Ended' && !(q.has('started-without-id-token') && eventType === 'Started')) {
      payload.idToken = s.auth.idToken;
      s.auth.unsent = false;
    }
    if (extra.meterValue && extra.meterValue.length > 0) payload.meterValue = extra.meterValue;
    tx.chargingState = cs;
    const raw = q.has('transaction-event-without-trigger-reason') && eventType === 'Started';
    if (raw) delete payload.triggerReason;
    const carriesToken = payload.idToken !== undefined;
    void this.core.enqueue('TransactionEvent', payload, { persistent: true, transactionId: tx.id, raw }).then((res) => {
      if (res && carriesToken) this.checkIdTokenInfo(e, tx, asRecord(res.idTokenInfo));
    });
  }

  /** E05/C15: the CSMS says the idToken of a running transaction is not valid. */
  private checkIdTokenInfo(e: Evse, tx: Transaction, info: Payload): void {
    const status = str(info.status);
    const auth = this.st(e).auth;
    const groupId = str(asRecord(info.groupIdToken).idToken);
    if (auth && status) this.cache.set(auth.idToken.idToken, { status, groupId });
    if (auth && status === 'Accepted' && groupId) auth.groupId = groupId;
    if (!status || status === 'Accepted' || this.st(e).tx !== tx) return;
    this.core.log(`idToken of transaction ${tx.id} is ${status}`);
    if (this.core.dm.bool('TxCtrlr', 'StopTxOnInvalidId')) {
      tx.deauthReason = 'DeAuthorized';
      this.clearAuth(e);
    } else {
      e.suspendedByStation = true;
    }
    this.step(e, 'Deauthorized');
  }

  // ---------------------------------------------------------------- the bench's stimuli

  /** Cable into the socket with an EV at the other end, or the EV end back in (E02, E10). */
  plugIn(e: Evse): void {
    e.tick();
    e.cablePlugged = true;
    e.evConnected = true;
    this.armConnectionTimeout(e);
    this.evses.refreshCable(e);
    this.step(e, 'CablePluggedIn');
  }

  /** Cable out of the socket (E06 EVConnected). */
  unplug(e: Evse): void {
    e.tick();
    e.cablePlugged = false;
    e.evConnected = false;
    // Without an EV the contactor opens at once.
    e.relayClosed = false;
    this.evses.refreshCable(e);
    this.step(e, 'EVCommunicationLost', { stoppedReason: 'EVDisconnected' });
  }

  /** Cable out of the EV, still in the socket (E09/E10): StopTxOnEVSideDisconnect deauthorizes. */
  unplugEvSide(e: Evse): void {
    e.tick();
    e.evConnected = false;
    e.relayClosed = false;
    const s = this.st(e);
    if (this.core.dm.bool('TxCtrlr', 'StopTxOnEVSideDisconnect') && s.auth) {
      if (s.tx) s.tx.deauthReason = 'EVDisconnected';
      this.clearAuth(e);
    }
    this.step(e, 'EVCommunicationLost', { stoppedReason: 'EVDisconnected' });
  }

  // ---------------------------------------------------------------- authorization

  private clearAuth(e: Evse): void {
    const s = this.st(e);
    s.auth = undefined;
    this.core.timers.cancel(s.connectionTimer);
    s.connectionTimer = undefined;
  }

  private setAuth(e: Evse, idToken: IdToken, remoteStartId?: number, groupId?: string): void {
    const s = this.st(e);
    s.auth = { idToken, remoteStartId, groupId, unsent: true };
    this.armConnectionTimeout(e);
  }

  /** EVConnectionTimeOut: an authorization without an EV connected lapses (E03.FR.05). */
  private armConnectionTimeout(e: Evse): void {
    const s = this.st(e);
    this.core.timers.cancel(s.connectionTimer);
    s.connectionTimer = undefined;
    if (this.evConnected(e) || this.core.quirks.has('ev-connection-timeout-ignored')) return;
    const seconds = this.core.dm.int('TxCtrlr', 'EVConnectionTimeOut');
    if (seconds <= 0) return;
    s.connectionTimer = this.core.timers.after(seconds * 1000, () => {
      s.connectionTimer = undefined;
      if (!s.auth || this.evConnected(e)) return;
      this.core.log(`EVSE ${e.id}: no EV connected within ${seconds} s; authorization lapses`);
      if (s.tx) s.tx.deauthReason = 'Timeout';
      s.remoteStart = undefined;
      this.clearAuth(e);
      this.step(e, 'EVConnectTimeout', { stoppedReason: 'Timeout' });
    });
  }

  /** An idToken presented at an EVSE (card reader). */
  async presentIdToken(e: Evse, idToken: IdToken): Promise<void> {
    const s = this.st(e);
    if (s.auth && s.auth.idToken.idToken === idToken.idToken) {
      // The same idToken again: stop authorized (E06/E07), or an unused authorization withdrawn.
      if (s.tx) s.tx.deauthReason = 'Local';
      this.clearAuth(e);
      this.step(e, 'StopAuthorized');
      return;
    }
    const held = s.auth;
    const { status, groupId } = await this.authorize(idToken);
    if (held) {
      // Another idToken of the same group may stop the transaction (C09.FR.03, E07 / TC_E_45).
      if (status === 'Accepted' && held.groupId && groupId === held.groupId && s.auth === held) {
        if (s.tx) s.tx.deauthReason = 'Local';
        this.clearAuth(e);
        this.step(e, 'StopAuthorized');
      } else {
        this.core.log(`EVSE ${e.id} is already authorized; idToken ${idToken.idToken} ignored`);
      }
      return;
    }
    if (status !== 'Accepted') {
      this.core.log(`idToken ${idToken.idToken} not authorized (${status})`);
      return;
    }
    if (this.st(e).auth) return;
    this.setAuth(e, idToken, undefined, groupId);
    this.step(e, 'Authorized');
  }

  /** C01/C12 (simplified): the status of an idToken, asking the CSMS when allowed and online. */
  private async authorize(idToken: IdToken): Promise<{ status: string; groupId?: string }> {
    const dm = this.core.dm;
    if (!dm.bool('AuthCtrlr', 'Enabled')) return { status: 'Accepted' };
    const cached = dm.bool('AuthCacheCtrlr', 'Enabled') ? this.cache.get(idToken.idToken) : undefined;
    const unknown = { status: 'Unknown' };
    if (!this.core.isOnline()) {
      if (dm.bool('AuthCtrlr', 'LocalAuthorizeOffline') && cached?.status === 'Accepted') return cached;
      if (dm.bool('AuthCtrlr', 'LocalAuthorizeOffline') && this.idTokens.accepted?.includes(idToken.idToken)) return { status: 'Accepted' };
      if (cached === undefined && dm.bool('AuthCtrlr', 'OfflineTxForUnknownIdEnabled')) return { status: 'Accepted' };
      return cached ?? unknown;
    }
    if (cached?.status === 'Accepted' && dm.bool('AuthCtrlr', 'LocalPreAuthorize')) return cached;
    if (dm.bool('AuthCtrlr', 'DisableRemoteAuthorization')) return cached ?? unknown;
    const res = await this.core.enqueue('Authorize', { idToken });
    const info = asRecord(res?.idTokenInfo);
    const answer = { status: str(info.status) ?? 'Unknown', groupId: str(asRecord(info.groupIdToken).idToken) };
    if (res) this.cache.set(idToken.idToken, answer);
    return answer;
  }

  clearCache(): void {
    this.cache.clear();
  }

  // ---------------------------------------------------------------- remote start / stop, status

  /** RequestStartTransaction (F01/F02). */
  requestStart(p: Payload): Payload {
    if (this.core.registration !== 'Accepted') return { status: 'Rejected', statusInfo: { reasonCode: 'CSNotAccepted' } };
    const evseId = int(p.evseId);
    const e = evseId !== undefined ? this.evses.get(evseId) : this.evses.list.find((x) => !this.st(x).tx && !this.st(x).auth);
    if (!e || !e.operative || !this.evses.stationOperative || e.faulted || this.st(e).auth) return { status: 'Rejected' };
    const s = this.st(e);
    const idToken = asRecord(p.idToken) as unknown as IdToken;
    const remoteStartId = int(p.remoteStartId) ?? 0;
    const answer: Payload = { status: 'Accepted' };
    if (s.tx) answer.transactionId = s.tx.id;
    this.core.later(async () => {
      if (this.core.dm.bool('AuthCtrlr', 'AuthorizeRemoteStart') && !this.core.quirks.has('remote-start-skips-authorize')) {
        const { status } = await this.authorize(idToken);
        if (status !== 'Accepted') return;
      }
      if (s.auth) return;
      s.remoteStart = remoteStartId;
      this.setAuth(e, idToken, remoteStartId);
      this.step(e, 'RemoteStart');
    });
    return answer;
  }

  /** RequestStopTransaction (F03). */
  requestStop(p: Payload): Payload {
    const id = str(p.transactionId);
    const e = this.evses.list.find((x) => this.st(x).tx?.id === id);
    if (!e) return { status: this.core.quirks.has('remote-stop-unknown-accepted') ? 'Accepted' : 'Rejected' };
    this.core.later(() => {
      const tx = this.st(e).tx;
      if (!tx || tx.id !== id) return;
      tx.deauthReason = 'Remote';
      this.clearAuth(e);
      this.step(e, this.core.quirks.has('remote-stop-trigger-stop-authorized') ? 'StopAuthorized' : 'RemoteStop', { stoppedReason: 'Remote' });
    });
    return { status: 'Accepted' };
  }

  /** GetTransactionStatus (E14). */
  transactionStatus(p: Payload): Payload {
    const id = str(p.transactionId);
    const ignoreQueue = this.core.quirks.has('transaction-status-ignores-queue');
    if (id === undefined) return { messagesInQueue: !ignoreQueue && this.core.outbox.hasTransactionMessages() };
    const ended = this.known.get(id);
    return {
      ongoingIndicator: ended === false,
      messagesInQueue: ended !== undefined && !ignoreQueue && this.core.outbox.hasTransactionMessages(id),
    };
  }

  /** Reset Immediate / a reboot: end every running transaction (or those of one EVSE) first (B12.FR.02). */
  stopAll(trigger: string, stoppedReason: string, evseId?: number): void {
    for (const e of this.evses.list) {
      const tx = this.st(e).tx;
      if (!tx || (evseId !== undefined && e.id !== evseId)) continue;
      // The idToken is not repeated in a reset's Ended event (TC_B_22).
      const auth = this.st(e).auth;
      if (auth) auth.unsent = false;
      tx.deauthReason = undefined;
      this.end(e, tx, trigger, stoppedReason);
    }
  }

  /** TriggerMessage TransactionEvent: an Updated event with triggerReason Trigger, naming its EVSE (TC_F_14_CS). */
  trigger(e: Evse, context: 'Trigger' | 'Sample.Periodic' = 'Trigger'): boolean {
    const tx = this.st(e).tx;
    if (!tx) return false;
    this.emit(e, tx, 'Updated', 'Trigger', this.chargingState(e), { meterValue: [meterValue(e, this.core.dm.list('SampledDataCtrlr', 'TxUpdatedMeasurands'), context)], withEvse: true });
    return true;
  }

  // ---------------------------------------------------------------- clock-aligned data

  private alignedTick(at: Date): void {
    const dm = this.core.dm;
    if (!dm.bool('AlignedDataCtrlr', 'Enabled')) return;
    const intervalS = dm.int('AlignedDataCtrlr', 'Interval');
    const endedS = dm.int('AlignedDataCtrlr', 'TxEndedInterval');
    const quietDuringTx = dm.bool('AlignedDataCtrlr', 'SendDuringIdle') && this.ongoing.length > 0 && !this.core.quirks.has('aligned-data-during-transaction');
    const unaligned = this.core.quirks.has('aligned-meter-values-unaligned');
    for (const e of this.evses.list) {
      const tx = this.st(e).tx;
      if (tx && (unaligned || onMultiple(at, endedS))) tx.endedReadings.push(meterValue(e, dm.list('AlignedDataCtrlr', 'TxEndedMeasurands'), 'Sample.Clock', at));
      if (!(unaligned || onMultiple(at, intervalS)) || quietDuringTx) continue;
      const mv = meterValue(e, dm.list('AlignedDataCtrlr', 'Measurands'), 'Sample.Clock', at);
      if (tx) this.emit(e, tx, 'Updated', 'MeterValueClock', this.chargingState(e), { meterValue: [mv] });
      else if (this.core.isOnline()) void this.core.enqueue('MeterValues', { evseId: e.id, meterValue: [mv] });
    }
  }
}

function defaultStoppedReason(trigger: string): string | undefined {
  switch (trigger) {
    case 'EVCommunicationLost':
      return 'EVDisconnected';
    case 'EVDeparted':
    case 'StopAuthorized':
      return 'Local';
    case 'RemoteStop':
      return 'Remote';
    case 'EVConnectTimeout':
      return 'Timeout';
    case 'Deauthorized':
      return 'DeAuthorized';
    case 'AbnormalCondition':
      return 'Other';
    default:
      return undefined;
  }
}
