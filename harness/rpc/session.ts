// OCPP-J session over one FrameChannel: pairs our CALLs with their answers, hands inbound CALLs
// to whoever listens, and keeps our own side to one outstanding CALL. It never answers, closes or
// reconnects by itself: a bad frame is only recorded (the checks judge it from the trace).
import { randomUUID } from 'node:crypto';
import { ConnectionClosedError, type FrameChannel } from '../transport/frame-channel.js';
import type { FrameEvent } from '../trace/types.js';
import { parseFrame, serialise, type CallFrame } from './frame.js';

export interface InboundCall {
  frame: CallFrame;
  event: FrameEvent;
  /** Resolves with our answer frame once we answered. */
  replied: Promise<FrameEvent>;
}

export type CallOutcome =
  | { kind: 'result'; payload: Record<string, unknown>; call: FrameEvent; answer: FrameEvent }
  | { kind: 'error'; code: string; description: string; details: Record<string, unknown>; call: FrameEvent; answer: FrameEvent }
  | { kind: 'timeout'; call: FrameEvent };

export interface CallOptions {
  /** Give up waiting after this long (the pure checks judge lateness separately). */
  waitMs: number;
  /** Send this text instead of a well-formed CALL (robustness cases); must carry `id`. */
  raw?: (id: string) => string;
  signal?: AbortSignal;
}

type Settle = (outcome: CallOutcome) => void;

export class OcppSession {
  private readonly pending = new Map<string, { settle: Settle; call: FrameEvent }>();
  private readonly replies = new Map<string, (e: FrameEvent) => void>();
  private readonly callListeners = new Set<(call: InboundCall) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly channel: FrameChannel) {
    channel.onFrame((raw, event) => this.onFrame(raw, event));
  }

  onCall(listener: (call: InboundCall) => void): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  /** Send a CALL and wait for its answer. CALLs are serialised: one outstanding at a time. */
  call(action: string, payload: Record<string, unknown>, opts: CallOptions): Promise<CallOutcome> {
    const run = () => this.callNow(action, payload, opts);
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async reply(call: InboundCall, payload: Record<string, unknown>): Promise<FrameEvent> {
    return this.answer(call, serialise({ type: 3, id: call.frame.id, payload }));
  }

  async replyError(call: InboundCall, code: string, description = '', details: Record<string, unknown> = {}): Promise<FrameEvent> {
    return this.answer(call, serialise({ type: 4, id: call.frame.id, code, description, details }));
  }

  sendRaw(text: string, opts: { deliberatelyInvalid?: boolean } = {}): Promise<FrameEvent> {
    return this.channel.sendText(text, opts);
  }

  private async answer(call: InboundCall, text: string): Promise<FrameEvent> {
    const event = await this.channel.sendText(text);
    this.replies.get(call.frame.id)?.(event);
    this.replies.delete(call.frame.id);
    return event;
  }

  private async callNow(action: string, payload: Record<string, unknown>, opts: CallOptions): Promise<CallOutcome> {
    opts.signal?.throwIfAborted();
    const id = randomUUID();
    const text = opts.raw ? opts.raw(id) : serialise({ type: 2, id, action, payload });
    return new Promise<CallOutcome>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      let callEvent: FrameEvent | undefined;
      const cleanup = () => {
        clearTimeout(timer);
        offClose();
        opts.signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        this.pending.delete(id);
        cleanup();
        reject(opts.signal!.reason);
      };
      const offClose = this.channel.onClose(() => {
        this.pending.delete(id);
        cleanup();
        reject(new ConnectionClosedError(`connection closed while waiting for the answer to ${action}`));
      });
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      this.channel.sendText(text, opts.raw ? { deliberatelyInvalid: true } : {}).then((event) => {
        callEvent = event;
        this.pending.set(id, {
          call: event,
          settle: (outcome) => {
            cleanup();
            resolve(outcome);
          },
        });
        timer = setTimeout(() => {
          this.pending.delete(id);
          cleanup();
          resolve({ kind: 'timeout', call: callEvent! });
        }, opts.waitMs);
      }, (err) => {
        cleanup();
        reject(err);
      });
    });
  }

  private onFrame(raw: string, event: FrameEvent): void {
    const parsed = parseFrame(raw);
    if (!parsed.ok) return; // recorded already; judged by the framing checks
    const frame = parsed.frame;
    if (frame.type === 2) {
      let markReplied!: (e: FrameEvent) => void;
      const replied = new Promise<FrameEvent>((resolve) => (markReplied = resolve));
      this.replies.set(frame.id, markReplied);
      const call: InboundCall = { frame, event, replied };
      for (const listener of this.callListeners) listener(call);
      return;
    }
    const waiting = this.pending.get(frame.id);
    if (!waiting) return; // unknown or late id: judged by rpc.messageId.unknown / rpc.responseTime
    this.pending.delete(frame.id);
    if (frame.type === 3) waiting.settle({ kind: 'result', payload: frame.payload, call: waiting.call, answer: event });
    else waiting.settle({
      kind: 'error', code: frame.code, description: frame.description, details: frame.details,
      call: waiting.call, answer: event,
    });
  }
}
