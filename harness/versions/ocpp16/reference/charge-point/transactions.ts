// Transactions and the user's actions (OCPP 1.6 §3.5–3.7, §4.8, §4.10, §5.11, §5.12, §5.18):
// plug in / unplug, presenting an idTag (to start, to stop — the same idTag or one of the same
// parentIdTag — or to cancel), RemoteStart/RemoteStop, UnlockConnector, StopTransactionOnEVSide-
// Disconnect, StopTransactionOnInvalidId and MaxEnergyOnInvalidId, ConnectionTimeOut, and the
// transactionId -1 of errata 3.18 when StartTransaction could not be delivered.

import { NOREPLY } from '../../../../peers/ocpp-rpc.js';
import { asRecord, int, str } from '../../../../peers/peer-util.js';
import { idTagInfoOf, type Authorizer } from './authorization.js';
import type { Connectors } from './connectors.js';
import type { CpCore } from './core.js';
import type { Metering } from './metering.js';
import { nowIso, type ChargingProfile, type Connector, type PendingAuth, type StopReason, type Tx } from './types.js';

/** What transactions need from the reservation and smart charging modules (no-ops without them). */
export interface TxPeers {
  /** May `idTag` (of `parentIdTag`) use connector c? With the reservation it then uses. */
  reservationGate(c: Connector, idTag: string, parentIdTag?: string): { allowed: boolean; reservationId?: number };
  /** A reservation on c can only be matched with the parentIdTag of `idTag`. */
  needsParent(c: Connector, idTag: string): boolean;
  consumeReservation(reservationId: number): void;
  /** The TxProfile of a RemoteStartTransaction.req: the profile, or 'invalid'. */
  remoteProfile(raw: unknown): ChargingProfile | 'invalid';
  transactionStarted(c: Connector, tx: Tx, profile?: ChargingProfile): void;
  transactionEnded(c: Connector, tx: Tx): void;
  /** A transaction ended (firmware installation waits for that). */
  idle(): void;
}

export class Transactions {
  peers: TxPeers = {
    reservationGate: () => ({ allowed: true }),
    needsParent: () => false,
    consumeReservation: () => {},
    remoteProfile: () => 'invalid',
    transactionStarted: () => {},
    transactionEnded: () => {},
    idle: () => {},
  };
  private txSeq = 0;
  private readonly energyCapTimers = new Map<number, NodeJS.Timeout>();

  constructor(
    private readonly core: CpCore,
    private readonly connectors: Connectors,
    private readonly auth: Authorizer,
    private readonly metering: Metering,
    private readonly smartCharging: boolean,
  ) {
    core.handle('RemoteStartTransaction', (p, _a, session) => {
      if (core.quirks.has('disconnect-on-remote-start')) {
        core.later('drop', () => core.dropConnection(session));
        return NOREPLY;
      }
      return { status: this.onRemoteStart(p) };
    });
    let remoteStops = 0;
    core.handle('RemoteStopTransaction', (p, _a, session) => {
      if (remoteStops++ === 0 && core.quirks.has('disconnect-on-first-remote-stop')) {
        core.later('drop', () => core.dropConnection(session));
        return NOREPLY;
      }
      const c = connectors.all().find((k) => k.tx?.transactionId !== undefined && k.tx.transactionId === int(p.transactionId));
      if (!c) return { status: 'Rejected' };
      core.later('StopTransaction', () => this.stop(c, 'Remote'));
      return { status: 'Accepted' };
    });
    core.handle('UnlockConnector', (p) => ({ status: this.onUnlock(int(p.connectorId)) }));
    // A transaction waiting for StartTransaction.conf when the connection goes is an offline transaction.
    core.hooks.disconnected.push(() => {
      for (const c of connectors.all()) {
        if (c.tx?.awaitingStart) {
          c.tx.awaitingStart = false;
          connectors.refresh(c);
        }
      }
    });
  }

  // ---------------------------------------------------------------- user actions

  plugIn(c: Connector): void {
    c.plugged = true;
    c.evSideDisconnected = false;
    if (c.tx) {
      this.connectors.refresh(c); // the EV came back during a transaction that was not stopped
      return;
    }
    c.finishing = false;
    if (c.pendingAuth && this.connectors.isUsable(c)) {
      this.core.bg('StartTransaction', this.start(c, c.pendingAuth));
      return;
    }
    this.connectors.refresh(c);
  }

  /**
   * The cable pulled out of the EV, still in the charge point (§9.1.23, §9.1.33): a transaction stops
   * with EVDisconnected when StopTransactionOnEVSideDisconnect is true, else it goes on (SuspendedEV).
   * The socket unlocks only with UnlockConnectorOnEVSideDisconnect; the cable stays until `unplug`.
   */
  unplugEvSide(c: Connector): void {
    c.evSideDisconnected = true;
    if (c.tx && this.core.config.bool('StopTransactionOnEVSideDisconnect')) {
      this.core.bg('StopTransaction', this.stop(c, 'EVDisconnected'));
      return;
    }
    this.connectors.refresh(c);
  }

  unplug(c: Connector): void {
    c.plugged = false;
    c.evSideDisconnected = false;
    if (c.fault?.clearsOnUnplug) c.fault = undefined;
    if (c.tx) {
      if (this.core.config.bool('StopTransactionOnEVSideDisconnect')) {
        this.core.bg('StopTransaction', this.stop(c, 'EVDisconnected'));
      } else {
        this.connectors.refresh(c); // SuspendedEV, 'EV side disconnected' (§4.9); the transaction goes on
      }
      return;
    }
    c.finishing = false;
    this.connectors.refresh(c);
  }

  /** An idTag presented at connector c (or, without c, wherever it makes sense). */
  async presentIdTag(c: Connector | undefined, idTag: string): Promise<void> {
    const own = (c ? [c] : this.connectors.all()).find((k) => k.tx?.idTag === idTag);
    if (own) {
      // Fault: asks the CSMS about the idTag that started the transaction before it stops (§4.1: MUST NOT).
      if (this.core.quirks.has('authorize-on-local-stop')) await this.auth.authorize(idTag, { ask: true });
      await this.stop(own, 'Local', idTag);
      return;
    }
    const target = c ?? this.chooseConnector(idTag);
    if (!target) {
      this.core.log(`idTag ${idTag}: no connector to use`);
      return;
    }
    if (target.tx) {
      await this.stopByGroupMember(target, idTag);
      return;
    }
    if (target.pendingAuth) {
      if (target.pendingAuth.idTag === idTag) {
        // Second presentation before the cable: usage ends (B1).
        target.pendingAuth = undefined;
        this.core.timers.cancel(target.connectionTimer);
        this.connectors.refresh(target);
      }
      return;
    }
    if (target.busy || !this.connectors.isUsable(target)) {
      this.core.log(`connector ${target.id}: idTag ignored (${target.busy ? 'busy' : 'unavailable'})`);
      return;
    }
    target.busy = true;
    let result;
    try {
      result = await this.auth.authorize(idTag, { ask: this.peers.needsParent(target, idTag) });
    } finally {
      target.busy = false;
    }
    if (!result.accepted || target.tx || target.pendingAuth || !this.connectors.isUsable(target)) return;
    const gate = this.peers.reservationGate(target, idTag, result.parentIdTag);
    if (!gate.allowed) {
      this.core.log(`connector ${target.id}: reserved for another idTag; ${idTag} refused`);
      return;
    }
    this.beginAuthorized(target, { idTag, parentIdTag: result.parentIdTag, remote: false, reservationId: gate.reservationId });
  }

  /** §3.10: an idTag of the same group (parentIdTag) as the transaction's may stop it. */
  private async stopByGroupMember(c: Connector, idTag: string): Promise<void> {
    const tx = c.tx!;
    if (!tx.parentIdTag) {
      this.core.log(`connector ${c.id}: idTag ${idTag} does not own the transaction; ignored`);
      return;
    }
    const result = await this.auth.authorize(idTag, { ask: true });
    if (result.accepted && result.parentIdTag === tx.parentIdTag && c.tx === tx) {
      await this.stop(c, 'Local', idTag);
    } else {
      this.core.log(`connector ${c.id}: idTag ${idTag} is not of the transaction's group; ignored`);
    }
  }

  private chooseConnector(idTag: string): Connector | undefined {
    const all = this.connectors.all();
    const free = (k: Connector): boolean => !k.tx && !k.pendingAuth && this.connectors.isUsable(k);
    return (
      all.find((k) => k.pendingAuth?.idTag === idTag) ??
      all.find((k) => free(k) && k.plugged) ??
      all.find((k) => free(k) && this.peers.reservationGate(k, idTag).allowed) ??
      all.find(free)
    );
  }

  // ---------------------------------------------------------------- remote start / stop, unlock

  private onRemoteStart(p: Record<string, unknown>): 'Accepted' | 'Rejected' {
    if (this.core.registration !== 'Accepted') return 'Rejected';
    const idTag = str(p.idTag);
    if (!idTag) return 'Rejected';
    let profile: ChargingProfile | undefined;
    if (p.chargingProfile !== undefined && this.smartCharging) {
      // §5.11: a charge point without Smart Charging ignores the profile.
      const checked = this.peers.remoteProfile(p.chargingProfile);
      if (checked === 'invalid') return 'Rejected';
      profile = checked;
    }
    const free = (c: Connector): boolean =>
      this.connectors.isUsable(c) && !c.tx && !c.pendingAuth && !c.busy &&
      (this.peers.reservationGate(c, idTag).allowed || this.peers.needsParent(c, idTag));
    let c: Connector | undefined;
    if (p.connectorId === undefined) {
      const candidates = this.connectors.all().filter(free);
      c = candidates.find((k) => k.plugged) ?? candidates[0];
    } else {
      c = this.connectors.get(int(p.connectorId));
      if (c && !free(c)) c = undefined;
    }
    if (!c) return 'Rejected';
    const target = c;
    target.busy = true; // claimed until the start is under way
    this.core.later('remote start', () => this.remoteStart(target, idTag, profile));
    return 'Accepted';
  }

  private async remoteStart(c: Connector, idTag: string, profile?: ChargingProfile): Promise<void> {
    let accepted = true;
    let parentIdTag: string | undefined;
    try {
      const needsParent = this.peers.needsParent(c, idTag);
      if (this.core.config.bool('AuthorizeRemoteTxRequests') || needsParent) {
        const r = await this.auth.authorize(idTag, { ask: needsParent });
        accepted = r.accepted;
        parentIdTag = r.parentIdTag;
      }
    } finally {
      c.busy = false;
    }
    if (!accepted || c.tx || c.pendingAuth || !this.connectors.isUsable(c)) return;
    const gate = this.peers.reservationGate(c, idTag, parentIdTag);
    if (!gate.allowed) {
      this.core.log(`connector ${c.id}: reserved for another idTag; remote start for ${idTag} dropped`);
      return;
    }
    this.beginAuthorized(c, { idTag, parentIdTag, remote: true, profile, reservationId: gate.reservationId });
  }

  private onUnlock(connectorId: number | undefined): 'Unlocked' | 'UnlockFailed' | 'NotSupported' {
    const c = this.connectors.get(connectorId);
    if (!c) return this.core.quirks.has('unknown-connector-unlocked') ? 'Unlocked' : 'NotSupported'; // errata 3.87
    // §5.18: a transaction on the connector is finished first.
    if (c.tx) this.core.later('StopTransaction', () => this.stop(c, 'UnlockCommand'));
    if (c.unlockFailureNext) {
      c.unlockFailureNext = false;
      return 'UnlockFailed';
    }
    return 'Unlocked';
  }

  // ---------------------------------------------------------------- start and stop

  private beginAuthorized(c: Connector, auth: PendingAuth): void {
    if (c.plugged) {
      this.core.bg('StartTransaction', this.start(c, auth));
      return;
    }
    c.pendingAuth = auth;
    c.finishing = false;
    this.connectors.refresh(c);
    this.armConnectionTimeout(c);
  }

  private armConnectionTimeout(c: Connector): void {
    this.core.timers.cancel(c.connectionTimer);
    const s = this.core.config.int('ConnectionTimeOut');
    if (s <= 0) return;
    c.connectionTimer = this.core.timers.after(s * 1000, () => {
      c.connectionTimer = undefined;
      if (c.pendingAuth && !c.plugged && !c.tx) {
        this.core.log(`connector ${c.id}: no cable within ConnectionTimeOut`);
        c.pendingAuth = undefined;
        this.connectors.refresh(c);
      }
    });
  }

  private async start(c: Connector, auth: PendingAuth): Promise<void> {
    this.core.timers.cancel(c.connectionTimer);
    c.connectionTimer = undefined;
    c.pendingAuth = undefined;
    c.finishing = false;
    if (c.lockFailureNext) {
      c.lockFailureNext = false;
      this.core.log(`connector ${c.id}: the cable could not be locked; no transaction`);
      c.fault = { errorCode: 'ConnectorLockFailure', clearsOnUnplug: true };
      this.connectors.refresh(c);
      return;
    }
    if (auth.reservationId !== undefined) this.peers.consumeReservation(auth.reservationId);
    const now = Date.now();
    const tx: Tx = {
      seq: ++this.txSeq, idTag: auth.idTag, parentIdTag: auth.parentIdTag, meterStart: this.connectors.meterWh(c),
      startedAt: new Date(now).toISOString(), startedAtMs: now, reservationId: auth.reservationId,
      deauthorized: false, evseSuspended: false, transactionData: [], awaitingStart: this.core.isOnline(),
    };
    c.tx = tx;
    this.peers.transactionStarted(c, tx, auth.profile);
    this.connectors.refresh(c); // Preparing until StartTransaction.conf (online), else Charging
    const payload: Record<string, unknown> = { connectorId: c.id, idTag: tx.idTag, meterStart: tx.meterStart, timestamp: tx.startedAt };
    if (tx.reservationId !== undefined) payload.reservationId = tx.reservationId;
    const delivered = this.core.enqueue('StartTransaction', () => payload, {
      persistent: true,
      onResult: (r) => {
        tx.transactionId = int(r.transactionId);
        const info = idTagInfoOf(r.idTagInfo);
        this.auth.received(tx.idTag, info);
        if (info?.parentIdTag) tx.parentIdTag = info.parentIdTag;
      },
    });
    this.metering.transactionStarted(c, tx);
    const res = await delivered;
    tx.awaitingStart = false;
    if (res === undefined || tx.transactionId === undefined) {
      // Errata 3.18: never confirmed, so the transaction's messages carry transactionId -1.
      this.core.log(`connector ${c.id}: StartTransaction not confirmed; transactionId -1`);
      tx.transactionId = -1;
    }
    if (c.tx !== tx) return; // stopped meanwhile
    const status = idTagInfoOf(asRecord(res).idTagInfo)?.status;
    if (status !== undefined && status !== 'Accepted') this.deauthorized(c, tx, status);
    else this.connectors.refresh(c);
  }

  /** StartTransaction.conf refused the idTag (§4.8, errata 3.17). */
  private deauthorized(c: Connector, tx: Tx, status: string): void {
    tx.deauthorized = true;
    const act = (): void => {
      if (c.tx !== tx) return;
      if (this.core.config.bool('StopTransactionOnInvalidId')) {
        this.core.bg('StopTransaction', this.stop(c, 'DeAuthorized'));
      } else {
        tx.evseSuspended = true; // only the energy stops (SuspendedEVSE)
        this.connectors.refresh(c);
      }
    };
    const maxWh = this.core.config.int('MaxEnergyOnInvalidId');
    const delivered = this.connectors.meterWh(c) - tx.meterStart;
    this.core.log(`connector ${c.id}: transaction ${tx.transactionId ?? '?'} idTag ${status}; ${Math.max(0, maxWh - delivered)} Wh more allowed`);
    if (maxWh > delivered) this.connectors.refresh(c); // energy flows until MaxEnergyOnInvalidId
    if (maxWh > delivered && c.powerW > 0) {
      const ms = ((maxWh - delivered) * 3_600_000) / c.powerW;
      this.energyCapTimers.set(c.id, this.core.timers.after(ms, act));
    } else {
      act();
    }
  }

  /** Stop the connector's transaction; resolves once StopTransaction is answered (or given up). */
  async stop(c: Connector, reason: StopReason, idTag?: string): Promise<void> {
    const tx = c.tx;
    if (!tx) return;
    c.tx = undefined;
    this.core.timers.cancel(this.energyCapTimers.get(c.id));
    this.energyCapTimers.delete(c.id);
    this.connectors.setFlow(c, 0);
    const meterStop = tx.interrupted?.meterWh ?? this.connectors.meterWh(c);
    const timestamp = tx.interrupted?.at ?? nowIso();
    const transactionData = this.metering.transactionStopped(c, tx, timestamp, meterStop);
    const sendReason = !(reason === 'Remote' && this.core.quirks.has('stop-without-reason-after-remote-stop'));
    this.core.log(`connector ${c.id}: stopping transaction ${tx.transactionId ?? '?'} (${reason})`);
    const delivered = this.core.enqueue(
      'StopTransaction',
      () => {
        const p: Record<string, unknown> = { transactionId: tx.transactionId ?? -1, meterStop, timestamp };
        if (sendReason) p.reason = reason;
        if (idTag) p.idTag = idTag;
        if (transactionData?.length) p.transactionData = transactionData;
        return p;
      },
      { persistent: true, onResult: (r) => idTag && this.auth.received(idTag, idTagInfoOf(r.idTagInfo)) },
    );
    this.peers.transactionEnded(c, tx);
    if (c.scheduledInoperative) {
      c.scheduledInoperative = false;
      c.operative = false;
    }
    // The status follows at once, but behind the StopTransaction in the queue.
    c.finishing = true;
    this.connectors.refresh(c, reason === 'EVDisconnected' ? 'EV side disconnected' : undefined);
    if (!c.plugged) {
      c.finishing = false;
      this.connectors.refresh(c);
    }
    this.peers.idle();
    await delivered;
  }

  /** Stop every transaction (reset): resolves when their StopTransactions are answered. */
  stopAll(reason: StopReason): Promise<void> {
    return Promise.all(this.connectors.all().filter((c) => c.tx).map((c) => this.stop(c, reason))).then(() => undefined);
  }

  /** The power failed (or a hard reset): the transactions end where they are, without a StopTransaction (yet). */
  interruptAll(reason: StopReason = 'PowerLoss'): void {
    for (const c of this.connectors.all()) {
      if (c.tx && !c.tx.interrupted) c.tx.interrupted = { meterWh: this.connectors.meterWh(c), at: nowIso(), reason };
      this.connectors.setFlow(c, 0);
    }
  }

  /** After the boot that follows a power failure or hard reset: StopTransaction (PowerLoss / HardReset) for the interrupted ones. */
  stopInterrupted(): void {
    for (const c of this.connectors.all()) if (c.tx?.interrupted) this.core.bg('StopTransaction', this.stop(c, c.tx.interrupted.reason));
  }

  /** Volatile state goes on a reboot: pending authorisations, claims, timers. */
  forgetVolatile(): void {
    for (const c of this.connectors.all()) {
      this.core.timers.cancel(c.connectionTimer);
      c.connectionTimer = undefined;
      c.busy = false;
      c.pendingAuth = undefined;
      c.finishing = false;
      c.evSuspended = false;
    }
  }
}
