// Transaction-related messages (StartTransaction, StopTransaction, MeterValues of a transaction) are queued
// while offline and delivered in order once the connection is back (OCPP 1.6 §4.7 "Transaction-Related
// Messages": the charge point MUST queue them; new ones wait until the queue is empty).
type Params = Record<string, unknown>;

interface Item {
  method: string;
  /** Built when sent, not when queued: a queued StopTransaction learns the id its StartTransaction got. */
  build: () => Params;
  resolve: (reply: Params | undefined) => void;
  attempts: number;
}

export class TransactionQueue {
  private readonly items: Item[] = [];
  private flushing = false;

  /**
   * `send` rejects with `offline` true when there is no connection (then the item waits for `flush`),
   * otherwise an error means the CSMS refused it: retried up to `maxAttempts`, then dropped.
   */
  constructor(
    private readonly send: (method: string, params: Params) => Promise<Params>,
    private readonly isOnline: () => boolean,
    private readonly maxAttempts = () => 3,
  ) {}

  /** Queue a message; resolves with the CSMS's answer once delivered (undefined if it was dropped). */
  push(method: string, build: () => Params): Promise<Params | undefined> {
    return new Promise((resolve) => {
      this.items.push({ method, build, resolve, attempts: 0 });
      void this.flush();
    });
  }

  /** Resolves once nothing is queued, or after `maxMs`. */
  async drained(maxMs: number): Promise<void> {
    const until = Date.now() + maxMs;
    while (this.items.length > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  }

  get length(): number {
    return this.items.length;
  }

  /** Deliver what is queued, oldest first; stops at the first message the connection could not carry. */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.items.length > 0 && this.isOnline()) {
        const item = this.items[0]!;
        try {
          const reply = await this.send(item.method, item.build());
          this.items.shift();
          item.resolve(reply);
        } catch {
          // A call that failed because the socket is going away fails before the close is seen: wait a moment.
          await new Promise((r) => setTimeout(r, 200));
          if (!this.isOnline()) break; // lost the connection meanwhile: keep it for the next flush
          if (++item.attempts >= this.maxAttempts()) {
            this.items.shift();
            item.resolve(undefined);
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
