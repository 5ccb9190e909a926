// Transaction-related messages of the independent 2.0.1 station, kept in order and delivered at least once:
// held while offline (E04, E12), and on a CALLERROR or no answer retried MessageAttempts times, waiting
// MessageAttemptInterval × the number of attempts so far between tries (E13).
type Params = Record<string, unknown>;

interface Entry {
  method: string;
  params: Params;
  transactionId?: string;
  failures: number;
  resolve: (res: Params | undefined) => void;
}

export interface QueueOptions {
  send: (method: string, params: Params) => Promise<Params>;
  online: () => boolean;
  maxAttempts: () => number;
  attemptIntervalS: () => number;
}

export class MessageQueue {
  private readonly entries: Entry[] = [];
  private running = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: QueueOptions) {}

  /** Queue a message; resolves with the CSMS's answer, or undefined once it was given up. */
  push(method: string, params: Params, transactionId?: string): Promise<Params | undefined> {
    return new Promise((resolve) => {
      this.entries.push({ method, params, ...(transactionId !== undefined ? { transactionId } : {}), failures: 0, resolve });
      void this.flush();
    });
  }

  /** Anything not yet delivered, for one transaction or any (GetTransactionStatus messagesInQueue). */
  holds(transactionId?: string): boolean {
    return this.entries.some((e) => transactionId === undefined || e.transactionId === transactionId);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Deliver what is queued, in order, while online. */
  async flush(): Promise<void> {
    if (this.running || this.retryTimer) return;
    this.running = true;
    try {
      while (this.entries.length > 0 && this.opts.online()) {
        const head = this.entries[0]!;
        try {
          const res = await this.opts.send(head.method, head.params);
          this.entries.shift();
          head.resolve(res);
        } catch {
          // Lost with the connection: not an attempt, it goes again when we are back. The connection was
          // already gone when it was made (we learn of a close only a moment later), so it is an offline event.
          if (!this.opts.online()) {
            if (head.method === 'TransactionEvent') head.params.offline = true;
            break;
          }
          head.failures += 1;
          if (head.failures >= Math.max(1, this.opts.maxAttempts())) {
            this.entries.shift();
            head.resolve(undefined);
            continue;
          }
          const waitMs = this.opts.attemptIntervalS() * head.failures * 1000;
          this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            void this.flush();
          }, waitMs);
          break;
        }
      }
    } finally {
      this.running = false;
    }
  }

  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }
}
