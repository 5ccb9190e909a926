// Small helpers shared by the reference peers: tracked timers (so stop()/close() leaves nothing
// behind), loose payload readers and a record of the frames a peer saw.

import { randomUUID } from 'node:crypto';

/** Every timer a peer starts goes through one bag, so a single clearAll() stops them all. */
export class TimerBag {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly sleepers = new Set<() => void>();

  after(ms: number, fn: () => void): NodeJS.Timeout {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, Math.max(0, ms));
    this.timers.add(t);
    return t;
  }

  every(ms: number, fn: () => void): NodeJS.Timeout {
    const t = setInterval(fn, Math.max(1, ms));
    this.timers.add(t);
    return t;
  }

  cancel(t: NodeJS.Timeout | undefined): void {
    if (!t) return;
    clearTimeout(t);
    clearInterval(t);
    this.timers.delete(t);
  }

  /** Resolves true after ms, or false at once when the bag is cleared meanwhile. */
  sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const wake = (): void => {
        this.sleepers.delete(wake);
        this.cancel(t);
        resolve(false);
      };
      const t = this.after(ms, () => {
        this.sleepers.delete(wake);
        resolve(true);
      });
      this.sleepers.add(wake);
    });
  }

  /** Waits for p, but at most ms; resolves undefined on timeout. The timer never outlives the call. */
  async within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
    let t: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      t = this.after(ms, () => resolve(undefined));
    });
    try {
      return await Promise.race([p, timeout]);
    } finally {
      this.cancel(t);
    }
  }

  clearAll(): void {
    for (const t of this.timers) {
      clearTimeout(t);
      clearInterval(t);
    }
    this.timers.clear();
    for (const wake of [...this.sleepers]) wake();
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const asRecord = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const int = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) ? v : undefined;

export const errText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export const newMessageId = (): string => randomUUID();

/** One text frame a peer sent or received, as seen on its socket. */
export interface FrameRecord {
  at: number;
  /** The identity of the charge point on that connection. */
  identity: string;
  outbound: boolean;
  /** Raw text, cut to 2000 characters. */
  raw: string;
  /** Parsed OCPP-J array when the text was one, else undefined. */
  frame?: unknown[];
  /** For a CALL its action; for a CALLRESULT/CALLERROR the action of the CALL it answers, when known. */
  action?: string;
}

export type FrameListener = (frame: FrameRecord) => void;

/** Records frames and tells listeners; remembers CALL actions to label the answers. */
export class FrameLog {
  readonly frames: FrameRecord[] = [];
  private readonly listeners = new Set<FrameListener>();
  private readonly actions = new Map<string, string>();

  constructor(private readonly limit = 5000) {}

  record(identity: string, outbound: boolean, message: string | Buffer): void {
    const text = typeof message === 'string' ? message : message.toString('utf8');
    let frame: unknown[] | undefined;
    let action: string | undefined;
    if (text.length <= 1024 * 1024) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed)) frame = parsed;
      } catch {
        // not JSON: keep raw only
      }
    }
    if (frame && typeof frame[1] === 'string') {
      const key = `${identity}\u0000${outbound ? 'out' : 'in'}\u0000${frame[1]}`;
      const answerKey = `${identity}\u0000${outbound ? 'in' : 'out'}\u0000${frame[1]}`;
      if (frame[0] === 2 && typeof frame[2] === 'string') {
        action = frame[2];
        this.actions.set(key, action);
        if (this.actions.size > this.limit) this.actions.delete(this.actions.keys().next().value as string);
      } else if (frame[0] === 3 || frame[0] === 4) {
        action = this.actions.get(answerKey);
      }
    }
    const rec: FrameRecord = { at: Date.now(), identity, outbound, raw: text.slice(0, 2000), frame, action };
    this.frames.push(rec);
    if (this.frames.length > this.limit) this.frames.shift();
    for (const l of this.listeners) {
      try {
        l(rec);
      } catch {
        // a listener's failure is not the peer's
      }
    }
  }

  subscribe(listener: FrameListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
