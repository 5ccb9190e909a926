// The OCTT document's §1.3 general pre- and post-conditions, with the charge point under test (the
// harness is its CSMS). After each case the harness undoes what the case changed (over OCPP where it
// can); before each case it verifies the charger is idle — connected and accepted, every connector
// Available, no transaction — and fixes what it can (OCPP, else SUT control). When it cannot, the case
// is INCONCLUSIVE with the reason, never FAIL: a case must not inherit the failure of the one before.
import { buildRpcModel, frameOf, isCall } from '../../../checks/rpc-model.js';
import type { HarnessConfig } from '../../../config/types.js';
import type { Link } from '../../../roles/link.js';
import type { CsmsRole } from '../../../roles/csms-role.js';
import type { CallOutcome } from '../../../rpc/session.js';
import type { SutControl } from '../../../sut/control.js';
import type { Recorder } from '../../../trace/recorder.js';
import type { TraceEvent } from '../../../trace/types.js';
import { ChargePointTracker } from './charge-point-tracker.js';
import type { ConditionsResult } from '../../../runner/conditions-result.js';

export type { ConditionsResult } from '../../../runner/conditions-result.js';

/** What a finished case changed on the charger, read from its trace (the harness's accepted requests). */
export interface CaseChanges {
  keys: Set<string>;
  reservations: Set<number>;
  chargingProfiles: boolean;
  localList: boolean;
  inoperative: Set<number>;
  idTags: boolean;
}

const ACCEPTED_CONFIG = new Set(['Accepted', 'RebootRequired']);

export function changesOf(events: TraceEvent[]): CaseChanges {
  const out: CaseChanges = { keys: new Set(), reservations: new Set(), chargingProfiles: false, localList: false, inoperative: new Set(), idTags: false };
  for (const m of buildRpcModel(events).frames) {
    if (!isCall(m)) continue;
    const req = m.parsed.frame.payload as Record<string, unknown>;
    if (m.event.dir === 'in') {
      if (m.action === 'Authorize' || m.action === 'StartTransaction') out.idTags = true;
      continue;
    }
    const answer = m.answer ? frameOf(m.answer) : undefined;
    const conf = answer?.type === 3 ? answer.payload as Record<string, unknown> : undefined;
    const status = conf?.status;
    switch (m.action) {
      case 'ChangeConfiguration':
        if (typeof req.key === 'string' && ACCEPTED_CONFIG.has(String(status))) out.keys.add(req.key);
        break;
      case 'SetChargingProfile':
        if (status === 'Accepted') out.chargingProfiles = true;
        break;
      case 'RemoteStartTransaction':
        out.idTags = true;
        if (req.chargingProfile && status === 'Accepted') out.chargingProfiles = true;
        break;
      case 'ReserveNow':
        if (status === 'Accepted' && typeof req.reservationId === 'number') out.reservations.add(req.reservationId);
        break;
      case 'SendLocalList':
        if (status === 'Accepted') out.localList = true;
        break;
      case 'ChangeAvailability':
        // Only where the case left it Inoperative (most cases make it Operative again themselves).
        if ((status === 'Accepted' || status === 'Scheduled') && typeof req.connectorId === 'number') {
          if (req.type === 'Inoperative') out.inoperative.add(req.connectorId);
          else out.inoperative.delete(req.connectorId);
        }
        break;
    }
  }
  return out;
}

const IDLE = 'Available';

export class ChargePointConditions {
  /** The charger's configuration as first read in this run: what `post` restores keys to. */
  private baseline: Map<string, string | undefined> | undefined;
  private readonly tracker: ChargePointTracker;
  private everConnected = false;

  constructor(
    private readonly role: CsmsRole,
    private readonly cfg: HarnessConfig,
    /** The SUT control's perform (the control itself may be made after this object). */
    private readonly perform: SutControl['perform'],
    /** Features the run declares for the charge point (to compare with SupportedFeatureProfiles). */
    private readonly features: string[],
    private readonly warn: (line: string) => void,
  ) {
    this.tracker = new ChargePointTracker(role, cfg.identity);
  }

  set currentCase(id: string) {
    this.tracker.currentCase = id;
  }

  /** Before a case: connected, accepted, idle. Runs inside the case's recorder, between `conditions` events. */
  async pre(recorder: Recorder, signal: AbortSignal): Promise<ConditionsResult> {
    recorder.record({ kind: 'conditions', phase: 'pre', edge: 'start' });
    const result: ConditionsResult = { done: [] };
    try {
      await this.establish(result, recorder, signal);
    } catch (err) {
      if (signal.aborted) throw err;
      result.problem = `the harness could not establish them: ${(err as Error).message ?? String(err)}`;
    }
    recorder.record({ kind: 'conditions', phase: 'pre', edge: 'end', done: result.done, problem: result.problem });
    return result;
  }

  /** After a case, whatever its verdict: undo what it changed. Problems here are left for the next `pre`. */
  async post(recorder: Recorder, caseEvents: TraceEvent[], signal: AbortSignal): Promise<ConditionsResult> {
    const result: ConditionsResult = { done: [] };
    const link = this.role.current(this.cfg.identity);
    if (!link || link.state.bootStatus !== 'Accepted' && !link.state.acceptedBefore) return result;
    const changes = changesOf(caseEvents);
    const work = this.tracker.openTransactions().length || changes.keys.size || changes.reservations.size ||
      changes.chargingProfiles || changes.localList || changes.inoperative.size || changes.idTags;
    if (!work) return result;
    recorder.record({ kind: 'conditions', phase: 'post', edge: 'start' });
    try {
      await this.stopTransactions(link, result, signal);
      for (const reservationId of changes.reservations) {
        await this.call(link, 'CancelReservation', { reservationId }, result, signal);
      }
      if (changes.chargingProfiles) await this.call(link, 'ClearChargingProfile', {}, result, signal);
      for (const connectorId of changes.inoperative) {
        await this.call(link, 'ChangeAvailability', { connectorId, type: 'Operative' }, result, signal);
      }
      for (const key of changes.keys) {
        const value = this.baseline?.get(key);
        if (value === undefined) {
          result.done.push(`${key}: value before the run unknown, not restored`);
          continue;
        }
        await this.call(link, 'ChangeConfiguration', { key, value }, result, signal);
      }
      // An empty Full list uninstalls the local list (§5.15); version 0 is what GetLocalListVersion reports then.
      if (changes.localList) await this.call(link, 'SendLocalList', { listVersion: 0, updateType: 'Full' }, result, signal);
      if (changes.idTags) await this.call(link, 'ClearCache', {}, result, signal);
    } catch (err) {
      if (signal.aborted) throw err;
      result.problem = (err as Error).message ?? String(err);
    }
    recorder.record({ kind: 'conditions', phase: 'post', edge: 'end', done: result.done, problem: result.problem });
    return result;
  }

  private async establish(result: ConditionsResult, recorder: Recorder, signal: AbortSignal): Promise<void> {
    let link = this.role.current(this.cfg.identity);
    if (!link) {
      // Before the first connection the case itself waits for the charger (and its first boot).
      if (!this.everConnected) return;
      recorder.record({ kind: 'note', text: `waiting up to ${this.cfg.timeouts.connectMs} ms for the charge point to reconnect` });
      link = await this.role.nextConnection(this.cfg.identity, this.cfg.timeouts.connectMs, signal);
      if (!link) {
        result.problem = `the charge point "${this.cfg.identity}" is not connected (it did not reconnect within ${this.cfg.timeouts.connectMs} ms after ${this.tracker.lastCaseText()})`;
        return;
      }
      result.done.push('waited for the charge point to reconnect');
      await this.settleNewConnection(link, signal);
    }
    this.everConnected = true;
    if (link.state.bootStatus !== 'Accepted' && !link.state.acceptedBefore) {
      // A connection that has not registered yet: a booting charger. Its case handles the boot.
      return;
    }
    if (!this.baseline) {
      await this.readBaseline(link, result, signal);
      if (!link.isOpen) {
        // The charger dropped the connection over the read; give it one chance to come back.
        const again = await this.role.nextConnection(this.cfg.identity, this.cfg.timeouts.connectMs, signal);
        if (!again) {
          result.problem = `the charge point "${this.cfg.identity}" closed the connection and did not reconnect within ${this.cfg.timeouts.connectMs} ms`;
          return;
        }
        await this.settleNewConnection(again, signal);
        link = again;
      }
    }

    await this.stopTransactions(link, result, signal);
    for (const connectorId of [0, ...this.cfg.connectorIds]) {
      const seen = this.tracker.status(connectorId);
      if (!seen || seen.status === IDLE) continue;
      await this.makeIdle(link, connectorId, seen.status, result, signal);
    }
    const stuck = await this.tracker.waitIdle([0, ...this.cfg.connectorIds], this.cfg.timeouts.messageMs, signal);
    if (stuck.length) {
      result.problem = stuck.map((s) => `connector ${s.connectorId} is still ${s.status}${s.caseId ? ` from ${s.caseId}` : ''}`).join('; ');
    }
  }

  /** A reconnect is not a reboot: the charger may send BootNotification (after a reboot) or go on without one. */
  private async settleNewConnection(link: Link, signal: AbortSignal): Promise<void> {
    const first = await link.firstCall(Math.min(this.cfg.timeouts.messageMs, 3000), signal);
    if (first?.frame.action === 'BootNotification') await this.tracker.statusesAfterBoot(link, [0, ...this.cfg.connectorIds], this.cfg.timeouts.messageMs, signal);
  }

  private async readBaseline(link: Link, result: ConditionsResult, signal: AbortSignal): Promise<void> {
    // Read once per run, whatever comes back: a charger that answers garbage is judged in the cases.
    this.baseline = new Map();
    const outcome = await this.call(link, 'GetConfiguration', {}, result, signal).catch((err: unknown) => {
      if (signal.aborted) throw err;
      result.done.push(`GetConfiguration failed: ${(err as Error).message}`);
      return undefined;
    });
    const keys = outcome?.kind === 'result' && Array.isArray(outcome.payload.configurationKey)
      ? outcome.payload.configurationKey as Array<Record<string, unknown>> : [];
    this.baseline = new Map(keys.filter((k) => typeof k.key === 'string').map((k) => [k.key as string, typeof k.value === 'string' ? k.value : undefined]));
    const supported = this.baseline.get('SupportedFeatureProfiles');
    if (supported === undefined) return;
    const named = supported.split(',').map((s) => s.trim()).filter(Boolean);
    const declared = this.features.filter((f) => f !== 'Security' && f !== 'Fuzz');
    const notSupported = declared.filter((f) => !named.includes(f));
    const notDeclared = named.filter((f) => !declared.includes(f));
    if (notSupported.length || notDeclared.length) {
      this.warn(`warning: the charge point's SupportedFeatureProfiles is "${supported}"; "features" declares ${declared.join(', ') || 'none'}`
        + `${notSupported.length ? ` (declared but not supported by the charger: ${notSupported.join(', ')})` : ''}`
        + `${notDeclared.length ? ` (supported by the charger but not declared, their cases are NOT_APPLICABLE: ${notDeclared.join(', ')})` : ''}`);
    }
  }

  private async stopTransactions(link: Link, result: ConditionsResult, signal: AbortSignal): Promise<void> {
    for (const tx of this.tracker.openTransactions()) {
      const answer = await this.call(link, 'RemoteStopTransaction', { transactionId: tx.transactionId }, result, signal);
      if (answer?.kind === 'result' && answer.payload.status === 'Rejected') {
        // It knows no such transaction (its StopTransaction was lost): nothing to wait for.
        this.tracker.forget(tx.transactionId);
        continue;
      }
      const stopped = await this.tracker.waitStopped(tx.transactionId, this.cfg.timeouts.messageMs, signal);
      if (!stopped) result.done.push(`transaction ${tx.transactionId} did not stop`);
      // Until the charger reports the connector, the cable is still in: unplug it.
      const seen = this.tracker.status(tx.connectorId);
      if (seen && seen.status !== IDLE) await this.makeIdle(link, tx.connectorId, seen.status, result, signal);
    }
  }

  private async makeIdle(link: Link, connectorId: number, status: string, result: ConditionsResult, signal: AbortSignal): Promise<void> {
    switch (status) {
      case 'Unavailable':
        await this.call(link, 'ChangeAvailability', { connectorId, type: 'Operative' }, result, signal);
        return;
      case 'Faulted':
        await this.stimulus('clearFault', { connectorId }, result, signal);
        return;
      case 'Reserved':
        // The reservations the harness made were cancelled after their case; another one only expires.
        return;
      default:
        // Preparing, Charging, SuspendedEV(SE), Finishing: a cable is (still) plugged in.
        if (connectorId !== 0) await this.stimulus('unplug', { connectorId }, result, signal);
    }
  }

  private async stimulus(action: string, params: Record<string, unknown>, result: ConditionsResult, signal: AbortSignal): Promise<void> {
    const outcome = await this.perform(action, params, { identity: this.cfg.identity, ocpp: '1.6', signal });
    result.done.push(`${action} ${JSON.stringify(params)} → ${outcome.outcome}${outcome.outcome === 'done' ? '' : ` (${outcome.detail})`}`);
  }

  private async call(link: Link, action: string, payload: Record<string, unknown>, result: ConditionsResult, signal: AbortSignal): Promise<CallOutcome | undefined> {
    if (!link.isOpen) return undefined;
    const outcome = await link.session.call(action, payload, { waitMs: this.cfg.timeouts.responseMs * 2, signal });
    const answer = outcome.kind === 'result' ? (typeof outcome.payload.status === 'string' ? outcome.payload.status : 'answered')
      : outcome.kind === 'error' ? `CALLERROR ${outcome.code}` : 'no answer';
    result.done.push(`${action}${action === 'GetConfiguration' ? '' : ` ${JSON.stringify(payload)}`} → ${answer}`);
    return outcome;
  }
}
