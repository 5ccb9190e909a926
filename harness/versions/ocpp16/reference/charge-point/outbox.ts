// The outbound queue: charge-point-initiated CALLs go out in order, one at a time, only while the
// charge point is registered (Accepted). Transaction-related messages (OCPP 1.6 §3.7) are
// persistent: they survive a lost connection, a reboot and a power failure, and are retried on a
// failure to process them (TransactionMessageAttempts / TransactionMessageRetryInterval, §3.7.1).
// Other messages are dropped when the connection goes.

import { isRpcError } from '../../../../peers/ocpp-rpc.js';
import { TimerBag, errText } from '../../../../peers/peer-util.js';
import type { Payload } from './types.js';

export interface OutItem {
  action: string;
  /** Builds the payload when the item is sent (undefined: drop it). */
  build: () => Payload | undefined;
  persistent: boolean;
  attempts: number;
  /** Items with the same key may be merged while queued (offline MeterValues). */
  key?: string;
  /** Free slot for the owner of the item (e.g. the samples of a merged MeterValues). */
  data?: unknown;
  onResult?: (res: Payload) => void;
  /** Called once the item is given up (undefined) or answered. */
  resolve: (res: Payload | undefined) => void;
}

export interface OutboxPort {
  /** True while CALLs may go out (connected and registered). */
  canSend(): boolean;
  /** Send one CALL and wait for its result (throws on CALLERROR, timeout, lost connection). */
  send(action: string, payload: Payload): Promise<Payload>;
  /** Identity of the current connection, to notice that it changed during a send. */
  connectionToken(): unknown;
  attempts(): number;
  retryIntervalS(): number;
  log(line: string): void;
  isStopped(): boolean;
}

export class Outbox {
  private readonly items: OutItem[] = [];
  private pumping = false;
  private inFlight?: OutItem;

  constructor(private readonly port: OutboxPort, private readonly timers: TimerBag) {}

  get length(): number {
    return this.items.length;
  }

  enqueue(
    action: string,
    build: () => Payload | undefined,
    opts: { persistent: boolean; onResult?: (res: Payload) => void; key?: string; data?: unknown; front?: boolean },
  ): Promise<Payload | undefined> {
    return new Promise((resolve) => {
      const item: OutItem = { action, build, persistent: opts.persistent, attempts: 0, key: opts.key, data: opts.data, onResult: opts.onResult, resolve };
      if (opts.front) this.items.unshift(item);
      else this.items.push(item);
      this.pump();
    });
  }

  /** Put items at the head of the queue (statuses after an accepted boot), in the given order. */
  unshift(items: Array<{ action: string; build: () => Payload | undefined }>): void {
    this.items.unshift(...items.map((i) => ({ ...i, persistent: false, attempts: 0, resolve: () => {} })));
  }

  /** The last queued item when it has this key and is not being sent (so it may still change). */
  lastWithKey(key: string): OutItem | undefined {
    const last = this.items[this.items.length - 1];
    return last && last.key === key && last !== this.inFlight ? last : undefined;
  }

  /** Drop every message that is not transaction-related. */
  dropTransient(): void {
    for (const item of [...this.items]) {
      if (!item.persistent && item !== this.inFlight) {
        this.remove(item);
        item.resolve(undefined);
      }
    }
  }

  pump(): void {
    void this.run();
  }

  private remove(item: OutItem): void {
    const i = this.items.indexOf(item);
    if (i >= 0) this.items.splice(i, 1);
  }

  private async run(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.items.length > 0 && !this.port.isStopped()) {
        if (!this.port.canSend()) break;
        const token = this.port.connectionToken();
        const item = this.items[0]!;
        const payload = item.build();
        if (!payload) {
          this.remove(item);
          item.resolve(undefined);
          continue;
        }
        this.inFlight = item;
        try {
          const res = await this.port.send(item.action, payload);
          this.remove(item);
          item.onResult?.(res);
          item.resolve(res);
        } catch (err) {
          if (this.port.isStopped() || token !== this.port.connectionToken() || !this.port.canSend()) {
            // The connection went: a persistent item stays at the head for the next connection.
            if (!item.persistent) {
              this.remove(item);
              item.resolve(undefined);
            }
            break;
          }
          if (!item.persistent) {
            this.port.log(`${item.action} failed: ${errText(err)}`);
            this.remove(item);
            item.resolve(undefined);
            continue;
          }
          item.attempts++;
          const max = Math.max(1, this.port.attempts());
          if (item.attempts >= max) {
            this.port.log(`${item.action} failed ${item.attempts} times (${errText(err)}); giving up`);
            this.remove(item);
            item.resolve(undefined);
            continue;
          }
          const wait = this.port.retryIntervalS() * 1000 * item.attempts;
          this.port.log(`${item.action} failed (${isRpcError(err) ? err.rpcErrorCode : errText(err)}); retry in ${wait} ms`);
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
