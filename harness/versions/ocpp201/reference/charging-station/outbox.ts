// The station's outbound queue: its CALLs go out one at a time, in order. Transaction-related messages
// (TransactionEvent) are built when they happen (seqNo, offline flag, timestamp) and kept across a
// lost connection or a reboot; they are retried after a CALLERROR or a timeout, waiting
// MessageAttemptIntervalTransactionEvent × the number of earlier sendings, up to MessageAttempts
// times (E13). Other messages are dropped when the connection goes.

import { isRpcError } from '../../../../peers/ocpp-rpc.js';
import { TimerBag, errText } from '../../../../peers/peer-util.js';
import type { Payload } from './types.js';

export interface OutItem {
  action: string;
  payload: Payload;
  /** Transaction-related: kept while offline, retried on failure. */
  persistent: boolean;
  /** The transaction it belongs to (GetTransactionStatus). */
  transactionId?: string;
  /** May go out while the boot is Pending (an answer to a CSMS request, B02). */
  whilePending?: boolean;
  /** Written outside ocpp-rpc (a schema-invalid quirk); its answer is not awaited. */
  raw?: boolean;
  attempts: number;
  resolve: (res: Payload | undefined) => void;
}

export interface OutboxPort {
  /** May this item go out now? */
  canSend(item: OutItem): boolean;
  send(item: OutItem): Promise<Payload>;
  connectionToken(): unknown;
  /** The connection the item went out on is still up. */
  connected(): boolean;
  attempts(): number;
  retryIntervalS(): number;
  retries: boolean;
  log(line: string): void;
  isStopped(): boolean;
}

export class Outbox {
  private items: OutItem[] = [];
  private pumping = false;
  private inFlight?: OutItem;
  private holdUntil = 0;

  constructor(private readonly port: OutboxPort, private readonly timers: TimerBag) {}

  get length(): number {
    return this.items.length;
  }

  enqueue(action: string, payload: Payload, opts: Partial<Pick<OutItem, 'persistent' | 'transactionId' | 'whilePending' | 'raw'>> & { front?: boolean } = {}): Promise<Payload | undefined> {
    return new Promise((resolve) => {
      const item: OutItem = { action, payload, persistent: !!opts.persistent, transactionId: opts.transactionId, whilePending: opts.whilePending, raw: opts.raw, attempts: 0, resolve };
      if (opts.front) this.items.unshift(item);
      else this.items.push(item);
      this.pump();
    });
  }

  /** Transaction messages still queued (of one transaction, or of any). */
  hasTransactionMessages(transactionId?: string): boolean {
    return this.items.some((i) => i.persistent && (transactionId === undefined || i.transactionId === transactionId));
  }

  /** Drop everything that is not transaction-related (connection lost, reboot). */
  dropTransient(): void {
    for (const item of [...this.items]) {
      if (!item.persistent && item !== this.inFlight) {
        this.items.splice(this.items.indexOf(item), 1);
        item.resolve(undefined);
      }
    }
  }

  /** Quirk offline-queue-newest-first: the queued transaction messages in reverse order. */
  reverseTransactionMessages(): void {
    const tx = this.items.filter((i) => i.persistent && i !== this.inFlight);
    const reversed = [...tx].reverse();
    this.items = this.items.map((i) => (i.persistent && i !== this.inFlight ? reversed.shift()! : i));
  }

  pump(): void {
    void this.run();
  }

  /** Send nothing for `ms` (a pause after a reconnection), then go on. */
  holdFor(ms: number): void {
    this.holdUntil = Date.now() + ms;
    this.timers.after(ms, () => this.pump());
  }

  private remove(item: OutItem): void {
    const i = this.items.indexOf(item);
    if (i >= 0) this.items.splice(i, 1);
  }

  private async run(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (!this.port.isStopped() && Date.now() >= this.holdUntil) {
        // Accepted: the head of the queue; Pending: the first answer to a CSMS request (B02).
        const item = this.items.find((i) => this.port.canSend(i));
        if (!item) break;
        const token = this.port.connectionToken();
        this.inFlight = item;
        try {
          const res = await this.port.send(item);
          this.remove(item);
          item.resolve(res);
        } catch (err) {
          if (this.port.isStopped() || token !== this.port.connectionToken() || !this.port.connected()) {
            // The connection went: not a failure to process; a transaction message waits for the next one.
            if (!item.persistent) {
              this.remove(item);
              item.resolve(undefined);
            }
            break;
          }
          if (!item.persistent || !this.port.retries) {
            this.port.log(`${item.action} failed: ${errText(err)}; dropped`);
            this.remove(item);
            item.resolve(undefined);
            continue;
          }
          item.attempts++;
          if (item.attempts >= Math.max(1, this.port.attempts())) {
            this.port.log(`${item.action} failed ${item.attempts} times (${errText(err)}); discarded (E13.FR.04)`);
            this.remove(item);
            item.resolve(undefined);
            continue;
          }
          const wait = this.port.retryIntervalS() * 1000 * item.attempts;
          this.port.log(`${item.action} failed (${isRpcError(err) ? err.rpcErrorCode : errText(err)}); attempt ${item.attempts + 1} in ${wait} ms`);
          if (!(await this.timers.sleep(wait))) break;
        } finally {
          this.inFlight = undefined;
        }
      }
    } finally {
      this.pumping = false;
    }
  }
}
