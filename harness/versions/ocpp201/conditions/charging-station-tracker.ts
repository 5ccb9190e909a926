// What the harness, as CSMS, knows of the 2.0.1 charging station under test across cases and
// connections: the last status of each connector (per EVSE) and the transactions still open, read from
// the station's StatusNotification / NotifyEvent (AvailabilityState) and TransactionEvent requests,
// whatever handler answered them.
import { CaseOrder } from '../../../runner/case-order.js';
import type { CsmsRole } from '../../../roles/csms-role.js';
import type { InboundCall } from '../../../rpc/session.js';
import { reportedConnectorStatuses } from '../connector-status-report.js';

export interface ConnectorSeen201 {
  evseId: number;
  connectorId: number;
  status: string;
  caseId?: string;
}

export interface OpenTransaction201 {
  transactionId: string;
  evseId?: number;
  caseId?: string;
}

export class ChargingStationTracker extends CaseOrder {
  private readonly statuses = new Map<string, ConnectorSeen201>();
  private readonly transactions = new Map<string, OpenTransaction201>();
  private readonly listeners = new Set<() => void>();

  constructor(role: CsmsRole, identity: string) {
    super();
    role.onConnection((link) => {
      if (link.identity === identity) link.onCall((call) => this.observe(call));
    });
  }

  connectors(): ConnectorSeen201[] {
    return [...this.statuses.values()];
  }

  openTransactions(): OpenTransaction201[] {
    return [...this.transactions.values()];
  }

  forget(transactionId: string): void {
    this.transactions.delete(transactionId);
  }

  waitEnded(transactionId: string, ms: number, signal: AbortSignal): Promise<boolean> {
    return this.waitUntil(() => !this.transactions.has(transactionId), ms, signal);
  }

  /** Wait until every connector seen last reported Available; returns those that did not. */
  async waitAvailable(ms: number, signal: AbortSignal): Promise<ConnectorSeen201[]> {
    const busy = () => this.connectors().filter((c) => c.status !== 'Available');
    await this.waitUntil(() => busy().length === 0, ms, signal);
    return busy();
  }

  private observe(call: InboundCall): void {
    const p = call.frame.payload as Record<string, unknown>;
    if (call.frame.action === 'StatusNotification' || call.frame.action === 'NotifyEvent') {
      // Either form reports a connector's status (Part 2 G01.FR.03–07).
      const reports = reportedConnectorStatuses(call.frame.action, p);
      if (reports.length === 0) return;
      for (const r of reports) this.statuses.set(`${r.evseId}/${r.connectorId}`, { ...r, caseId: this.currentCase });
    } else if (call.frame.action === 'TransactionEvent') {
      const id = (p.transactionInfo as { transactionId?: unknown } | undefined)?.transactionId;
      if (typeof id !== 'string') return;
      if (p.eventType === 'Ended') this.transactions.delete(id);
      else if (!this.transactions.has(id)) {
        const evseId = (p.evse as { id?: unknown } | undefined)?.id;
        this.transactions.set(id, { transactionId: id, ...(typeof evseId === 'number' ? { evseId } : {}), caseId: this.currentCase });
      }
    } else {
      return;
    }
    for (const listener of [...this.listeners]) listener();
  }

  private waitUntil(done: () => boolean, ms: number, signal: AbortSignal): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (value: boolean) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      };
      const check = () => { if (done()) finish(true); };
      const onAbort = () => finish(false);
      const timer = setTimeout(() => finish(done()), ms);
      this.listeners.add(check);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}
