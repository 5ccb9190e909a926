// Part 6 §2.1's general pre-conditions with the 2.0.1 charging station under test (the harness is its
// CSMS): before each case the station is connected and accepted, idle (no transaction, every connector
// Available), with AuthCtrlr.LocalPreAuthorize false; after each case the harness ends what the case left
// open and sets back the variables the case changed. When it cannot, the case is INCONCLUSIVE with the
// reason, never FAIL: a case must not inherit the failure of the one before.
import { buildRpcModel, isCall } from '../../../checks/rpc-model.js';
import type { HarnessConfig } from '../../../config/types.js';
import type { CsmsRole } from '../../../roles/csms-role.js';
import type { Link } from '../../../roles/link.js';
import type { ConditionsResult } from '../../../runner/conditions-result.js';
import type { CallOutcome } from '../../../rpc/session.js';
import type { SutControl } from '../../../sut/control.js';
import type { Recorder } from '../../../trace/recorder.js';
import type { TraceEvent } from '../../../trace/types.js';
import { harnessDeviceModel } from '../roles/charging-station-defaults.js';
import { ChargingStationTracker } from './charging-station-tracker.js';

type VariableKey = string; // "Component/Variable"
interface VariableRef { component: { name: string }; variable: { name: string } }

const ref = (key: VariableKey): VariableRef => {
  const [component, variable] = key.split('/') as [string, string];
  return { component: { name: component }, variable: { name: variable } };
};

/** Variables the harness's 2.0.1 cases may change: read once before the first case, set back after each. */
function watchedVariables(cfg: HarnessConfig): VariableKey[] {
  return harnessDeviceModel(cfg).filter((v) => v.mutability === 'ReadWrite').map((v) => `${v.component}/${v.variable}`);
}

/** SetVariables items of the harness's own requests in a case that the station accepted. */
export function variablesChangedIn(events: TraceEvent[]): Set<VariableKey> {
  const changed = new Set<VariableKey>();
  for (const m of buildRpcModel(events).frames) {
    if (m.event.dir !== 'out' || !isCall(m) || m.parsed.frame.action !== 'SetVariables' || !m.answer?.parsed.ok) continue;
    const answer = m.answer.parsed.frame;
    if (answer.type !== 3) continue;
    const results = (answer.payload as { setVariableResult?: { attributeStatus?: string; component?: { name?: string }; variable?: { name?: string } }[] }).setVariableResult ?? [];
    for (const r of results) {
      if ((r.attributeStatus === 'Accepted' || r.attributeStatus === 'RebootRequired') && r.component?.name && r.variable?.name) changed.add(`${r.component.name}/${r.variable.name}`);
    }
  }
  return changed;
}

export class ChargingStationConditions {
  private baseline: Map<VariableKey, string> | undefined;
  private readonly tracker: ChargingStationTracker;
  private everConnected = false;

  constructor(
    private readonly role: CsmsRole,
    private readonly cfg: HarnessConfig,
    private readonly perform: SutControl['perform'],
  ) {
    this.tracker = new ChargingStationTracker(role, cfg.identity);
  }

  set currentCase(id: string) {
    this.tracker.currentCase = id;
  }

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

  async post(recorder: Recorder, caseEvents: TraceEvent[], signal: AbortSignal): Promise<ConditionsResult> {
    const result: ConditionsResult = { done: [] };
    const link = this.role.current(this.cfg.identity);
    if (!link || (link.state.bootStatus !== 'Accepted' && !link.state.acceptedBefore)) return result;
    const changed = variablesChangedIn(caseEvents);
    if (!this.tracker.openTransactions().length && !changed.size) return result;
    recorder.record({ kind: 'conditions', phase: 'post', edge: 'start' });
    try {
      await this.endTransactions(link, result, signal);
      const restore = [...changed].filter((k) => this.baseline?.has(k));
      for (const k of changed) if (!this.baseline?.has(k)) result.done.push(`${k}: value before the run unknown, not set back`);
      if (restore.length) await this.setVariables(link, restore.map((k) => [k, this.baseline!.get(k)!]), result, signal);
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
      // Before the first connection the case itself waits for the station (and its first boot).
      if (!this.everConnected) return;
      recorder.record({ kind: 'note', text: `waiting up to ${this.cfg.timeouts.connectMs} ms for the charging station to reconnect` });
      link = await this.role.nextConnection(this.cfg.identity, this.cfg.timeouts.connectMs, signal);
      if (!link) {
        result.problem = `the charging station "${this.cfg.identity}" is not connected (it did not reconnect within ${this.cfg.timeouts.connectMs} ms after ${this.tracker.lastCaseText()})`;
        return;
      }
      result.done.push('waited for the charging station to reconnect');
      // A reconnect is not a reboot: it may boot (then its statuses follow) or go on.
      const first = await link.firstCall(Math.min(this.cfg.timeouts.messageMs, 3000), signal);
      if (first?.frame.action === 'BootNotification') await this.tracker.waitAvailable(this.cfg.timeouts.messageMs, signal);
    }
    this.everConnected = true;
    if (link.state.bootStatus !== 'Accepted' && !link.state.acceptedBefore) return; // still booting: its case handles the boot
    if (!this.baseline) await this.readBaseline(link, result, signal);
    await this.endTransactions(link, result, signal);
    for (const c of this.tracker.connectors()) {
      if (c.status === 'Available' || c.status === 'Reserved') continue;
      if (c.status === 'Unavailable') await this.call(link, 'ChangeAvailability', { operationalStatus: 'Operative', evse: { id: c.evseId, connectorId: c.connectorId } }, result, signal);
      else if (c.status === 'Faulted') await this.stimulus('clearFault', { evseId: c.evseId }, result, signal);
      else await this.stimulus('unplug', { evseId: c.evseId, connectorId: c.connectorId }, result, signal); // Occupied: a cable is in
    }
    const stuck = await this.tracker.waitAvailable(this.cfg.timeouts.messageMs, signal);
    if (stuck.length) {
      result.problem = stuck.map((s) => `EVSE ${s.evseId} connector ${s.connectorId} is still ${s.status}${s.caseId ? ` from ${s.caseId}` : ''}`).join('; ');
    }
  }

  /** Once per run: the watched variables as the station has them, and LocalPreAuthorize false (Part 6 §2.1). */
  private async readBaseline(link: Link, result: ConditionsResult, signal: AbortSignal): Promise<void> {
    this.baseline = new Map();
    const keys = watchedVariables(this.cfg);
    // A few per request: ItemsPerMessageGetVariables may be small.
    for (let i = 0; i < keys.length; i += 4) {
      const chunk = keys.slice(i, i + 4);
      const outcome = await this.call(link, 'GetVariables', { getVariableData: chunk.map(ref) }, result, signal);
      const items = outcome?.kind === 'result' ? (outcome.payload.getVariableResult as { attributeStatus?: string; attributeValue?: string; component?: { name?: string }; variable?: { name?: string } }[] | undefined) ?? [] : [];
      for (const r of items) {
        if (r.attributeStatus === 'Accepted' && typeof r.attributeValue === 'string' && r.component?.name && r.variable?.name) {
          this.baseline.set(`${r.component.name}/${r.variable.name}`, r.attributeValue);
        }
      }
    }
    if (this.baseline.get('AuthCtrlr/LocalPreAuthorize') === 'true') {
      await this.setVariables(link, [['AuthCtrlr/LocalPreAuthorize', 'false']], result, signal);
      this.baseline.set('AuthCtrlr/LocalPreAuthorize', 'false');
    }
  }

  private async endTransactions(link: Link, result: ConditionsResult, signal: AbortSignal): Promise<void> {
    for (const tx of this.tracker.openTransactions()) {
      const answer = await this.call(link, 'RequestStopTransaction', { transactionId: tx.transactionId }, result, signal);
      if (answer?.kind === 'result' && answer.payload.status === 'Rejected') {
        this.tracker.forget(tx.transactionId); // it knows no such transaction
        continue;
      }
      if (!await this.tracker.waitEnded(tx.transactionId, this.cfg.timeouts.messageMs, signal)) result.done.push(`transaction ${tx.transactionId} did not end`);
    }
  }

  private async setVariables(link: Link, values: [VariableKey, string][], result: ConditionsResult, signal: AbortSignal): Promise<void> {
    for (let i = 0; i < values.length; i += 4) {
      const chunk = values.slice(i, i + 4);
      await this.call(link, 'SetVariables', { setVariableData: chunk.map(([k, v]) => ({ ...ref(k), attributeValue: v })) }, result, signal);
    }
  }

  private async stimulus(action: string, params: Record<string, unknown>, result: ConditionsResult, signal: AbortSignal): Promise<void> {
    const outcome = await this.perform(action, params, { identity: this.cfg.identity, ocpp: '2.0.1', signal });
    result.done.push(`${action} ${JSON.stringify(params)} → ${outcome.outcome}${outcome.outcome === 'done' ? '' : ` (${outcome.detail})`}`);
  }

  private async call(link: Link, action: string, payload: Record<string, unknown>, result: ConditionsResult, signal: AbortSignal): Promise<CallOutcome | undefined> {
    if (!link.isOpen) return undefined;
    const outcome = await link.session.call(action, payload, { waitMs: this.cfg.timeouts.responseMs * 2, signal });
    const answer = outcome.kind === 'result' ? (typeof outcome.payload.status === 'string' ? outcome.payload.status : 'answered')
      : outcome.kind === 'error' ? `CALLERROR ${outcome.code}` : 'no answer';
    result.done.push(`${action} ${JSON.stringify(payload)} → ${answer}`);
    return outcome;
  }
}
