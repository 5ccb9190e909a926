// The §1.3 general post-conditions with the CSMS under test (the harness is a charge point): after each
// case the harness leaves no transaction open on the CSMS. Every transaction the harness started and
// did not stop in the case is stopped (StopTransaction, reason Local) and its connector reported
// Available again, so the next case meets a CSMS that believes the charge point idle.
import { buildRpcModel, frameOf, isCall } from '../../../checks/rpc-model.js';
import type { HarnessConfig } from '../../../config/types.js';
import type { ChargePointRole } from '../../../roles/charge-point-role.js';
import type { Recorder } from '../../../trace/recorder.js';
import type { TraceEvent } from '../../../trace/types.js';
import type { ConditionsResult } from './charge-point.js';

export interface LeftOpen {
  transactionId: number;
  connectorId: number;
  idTag?: string;
  meterStart: number;
}

/** Transactions the harness started in this trace (StartTransaction.conf Accepted) and did not stop. */
export function transactionsLeftOpen(events: TraceEvent[]): LeftOpen[] {
  const open = new Map<number, LeftOpen>();
  for (const m of buildRpcModel(events).frames) {
    if (!isCall(m) || m.event.dir !== 'out') continue;
    const req = m.parsed.frame.payload as Record<string, unknown>;
    if (m.action === 'StartTransaction') {
      const answer = m.answer ? frameOf(m.answer) : undefined;
      const conf = answer?.type === 3 ? answer.payload as Record<string, unknown> : undefined;
      if (typeof conf?.transactionId === 'number') {
        open.set(conf.transactionId, {
          transactionId: conf.transactionId, connectorId: Number(req.connectorId) || 1,
          idTag: typeof req.idTag === 'string' ? req.idTag : undefined, meterStart: Number(req.meterStart) || 0,
        });
      }
    } else if (m.action === 'StopTransaction' && typeof req.transactionId === 'number') {
      open.delete(req.transactionId);
    }
  }
  return [...open.values()];
}

export class CsmsConditions {
  constructor(private readonly role: ChargePointRole, private readonly cfg: HarnessConfig) {}

  async post(recorder: Recorder, caseEvents: TraceEvent[], signal: AbortSignal): Promise<ConditionsResult> {
    const result: ConditionsResult = { done: [] };
    const left = transactionsLeftOpen(caseEvents);
    const link = this.role.current();
    if (!left.length || !link || link.state.bootStatus !== 'Accepted') return result;
    recorder.record({ kind: 'conditions', phase: 'post', edge: 'start' });
    try {
      for (const tx of left) {
        const stop = await link.session.call('StopTransaction', {
          transactionId: tx.transactionId, meterStop: tx.meterStart, timestamp: new Date().toISOString(), reason: 'Local',
          ...(tx.idTag ? { idTag: tx.idTag } : {}),
        }, { waitMs: this.cfg.timeouts.responseMs * 2, signal });
        result.done.push(`StopTransaction ${tx.transactionId} → ${stop.kind}`);
        const status = await link.session.call('StatusNotification', { connectorId: tx.connectorId, errorCode: 'NoError', status: 'Available' },
          { waitMs: this.cfg.timeouts.responseMs * 2, signal });
        result.done.push(`StatusNotification ${tx.connectorId} Available → ${status.kind}`);
      }
    } catch (err) {
      if (signal.aborted) throw err;
      result.problem = (err as Error).message ?? String(err);
    }
    recorder.record({ kind: 'conditions', phase: 'post', edge: 'end', done: result.done, problem: result.problem });
    return result;
  }
}
