// What the harness, as CSMS, knows of the charge point under test across cases and connections: the
// last status of each connector (and the case that saw it), and the transactions still open. Read
// from the inbound CALLs and the harness's own answers, whatever handler answered them.
import { CaseOrder } from '../../../runner/case-order.js';
import type { CsmsRole } from '../../../roles/csms-role.js';
import type { Link } from '../../../roles/link.js';
import type { InboundCall } from '../../../rpc/session.js';

export interface ConnectorSeen {
  connectorId: number;
  status: string;
  /** The case during which the charger reported it. */
  caseId?: string;
}

export interface TrackedTransaction {
  transactionId: number;
  connectorId: number;
  caseId?: string;
}

export class ChargePointTracker extends CaseOrder {
  private readonly statuses = new Map<number, ConnectorSeen>();
  private readonly transactions = new Map<number, TrackedTransaction>();
  private readonly changeListeners = new Set<() => void>();

  constructor(role: CsmsRole, private readonly identity: string) {
    super();
    role.onConnection((link) => {
      if (link.identity === identity) link.onCall((call) => this.observe(call));
    });
  }

  status(connectorId: number): ConnectorSeen | undefined {
    return this.statuses.get(connectorId);
  }

  openTransactions(): TrackedTransaction[] {
    return [...this.transactions.values()];
  }

  /** The charge point says it knows no such transaction (RemoteStop Rejected): stop tracking it. */
  forget(transactionId: number): void {
    this.transactions.delete(transactionId);
  }

  /** Wait until the transaction is stopped (StopTransaction.req seen). */
  waitStopped(transactionId: number, ms: number, signal: AbortSignal): Promise<boolean> {
    return this.waitUntil(() => !this.transactions.has(transactionId), ms, signal);
  }

  /** Wait until every listed connector last reported Available (or never reported); returns the others. */
  async waitIdle(connectorIds: number[], ms: number, signal: AbortSignal): Promise<ConnectorSeen[]> {
    const busy = () => connectorIds.map((id) => this.statuses.get(id)).filter((s): s is ConnectorSeen => !!s && s.status !== 'Available');
    await this.waitUntil(() => busy().length === 0, ms, signal);
    return busy();
  }

  /** After a boot: wait until the charger reported each connector on this connection. */
  async statusesAfterBoot(link: Link, connectorIds: number[], ms: number, signal: AbortSignal): Promise<void> {
    const reported = () => connectorIds.every((id) => link.calls.some((c) =>
      c.frame.action === 'StatusNotification' && (c.frame.payload as Record<string, unknown>).connectorId === id));
    await this.waitUntil(reported, ms, signal);
  }

  private observe(call: InboundCall): void {
    const p = call.frame.payload as Record<string, unknown>;
    switch (call.frame.action) {
      case 'StatusNotification':
        if (typeof p.connectorId === 'number' && typeof p.status === 'string') {
          this.statuses.set(p.connectorId, { connectorId: p.connectorId, status: p.status, caseId: this.currentCase });
        }
        break;
      case 'StartTransaction': {
        const caseId = this.currentCase;
        void call.replied.then((reply) => {
          const answer = safeParse(reply.raw);
          const conf = Array.isArray(answer) && answer[0] === 3 ? answer[2] as Record<string, unknown> : undefined;
          const status = (conf?.idTagInfo as Record<string, unknown> | undefined)?.status;
          if (typeof conf?.transactionId === 'number' && typeof p.connectorId === 'number' && status === 'Accepted') {
            this.transactions.set(conf.transactionId, { transactionId: conf.transactionId, connectorId: p.connectorId, caseId });
            this.changed();
          }
        }, () => undefined);
        break;
      }
      case 'StopTransaction':
        if (typeof p.transactionId === 'number') this.transactions.delete(p.transactionId);
        break;
      default:
        return;
    }
    this.changed();
  }

  private changed(): void {
    for (const listener of [...this.changeListeners]) listener();
  }

  private waitUntil(done: () => boolean, ms: number, signal: AbortSignal): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (value: boolean) => {
        clearTimeout(timer);
        this.changeListeners.delete(check);
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      };
      const check = () => {
        if (done()) finish(true);
      };
      const onAbort = () => finish(false);
      const timer = setTimeout(() => finish(done()), ms);
      this.changeListeners.add(check);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

function safeParse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
