// OCPP-J session over one FrameChannel: pairs our CALLs with their answers, hands inbound CALLs
// to whoever listens, and keeps our own side to one outstanding CALL. It never answers, closes or
// reconnects by itself: a bad frame is only recorded (the checks judge it from the trace).
import { randomUUID } from 'node:crypto';
import { ConnectionClosedError, type FrameChannel, type SendOptions } from '../transport/frame-channel.js';
import type { FrameEvent } from '../trace/types.js';
import { parseFrame, serialise, type CallFrame } from './frame.js';
import { leadingCallId, oversizeErrorCode } from '../transport/oversize-frame.js';

export interface InboundCall {
  frame: CallFrame;
  event: FrameEvent;
  /** Resolves with our answer frame once we answered. */
  replied: Promise<FrameEvent>;
  /** Set on a remembered CALL whose payload was not kept (too large, or past limits.framesKeptInFull). */
  payloadDropped?: boolean;
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
  /** Mark the CALL as broken on purpose (its payload fails the schema and that is the point). */
  deliberatelyInvalid?: boolean;
  signal?: AbortSignal;
}

type Settle = (outcome: CallOutcome) => void;

export class OcppSession {
  private readonly pending = new Map<string, { settle: Settle; call: FrameEvent }>();
  private readonly replies = new Map<string, (e: FrameEvent) => void>();
  private readonly callListeners = new Set<(call: InboundCall) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private busy = 0;
  // Our CALLs go one at a time, so one timer serves them all: refreshed per CALL instead of created
  // (a new timer per CALL measured ~0.1× of a loopback round trip). Unref'd: an idle session must
  // not hold the process open; while a CALL is out, its socket does.
  private timer: NodeJS.Timeout | undefined;
  private timerMs = -1;
  private onTimer: (() => void) | undefined;

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
    // Nothing outstanding: send at once (no hop through the queue); otherwise wait our turn.
    const next = this.busy === 0 ? run() : this.queue.then(run, run);
    this.busy += 1;
    const settled = next.then(() => { this.busy -= 1; }, () => { this.busy -= 1; });
    this.queue = settled;
    return next;
  }

  async reply(call: InboundCall, payload: Record<string, unknown>): Promise<FrameEvent> {
    return this.answer(call, serialise({ type: 3, id: call.frame.id, payload }));
  }

  async replyError(call: InboundCall, code: string, description = '', details: Record<string, unknown> = {}): Promise<FrameEvent> {
    return this.answer(call, serialise({ type: 4, id: call.frame.id, code, description, details }));
  }

  sendRaw(text: string, opts: SendOptions = {}): Promise<FrameEvent> {
    return this.channel.sendText(text, opts);
  }

  sendBytes(data: Buffer, opts: SendOptions & { binary: boolean }): Promise<FrameEvent> {
    return this.channel.sendBytes(data, opts);
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
      const cleanup = () => {
        this.onTimer = undefined;
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
      // Register before sending: on loopback the answer can come back before a write callback.
      const entry = {
        call: undefined as unknown as FrameEvent,
        settle: (outcome: CallOutcome) => {
          cleanup();
          resolve(outcome);
        },
      };
      this.pending.set(id, entry);
      try {
        entry.call = this.channel.send(text, opts.raw || opts.deliberatelyInvalid ? { deliberatelyInvalid: true } : {});
      } catch (err) {
        this.pending.delete(id);
        cleanup();
        reject(err);
        return;
      }
      this.armTimer(opts.waitMs, () => {
        this.pending.delete(id);
        cleanup();
        resolve({ kind: 'timeout', call: entry.call });
      });
    });
  }

  private armTimer(ms: number, onTimeout: () => void): void {
    this.onTimer = onTimeout;
    if (this.timer && this.timerMs === ms) {
      this.timer.refresh();
      return;
    }
    clearTimeout(this.timer);
    this.timerMs = ms;
    this.timer = setTimeout(() => this.onTimer?.(), ms);
    this.timer.unref();
  }

  private onFrame(raw: string, event: FrameEvent): void {
    const parsed = parseFrame(raw);
    if (!parsed.ok) {
      // Recorded already; judged by the framing checks. A CALL too deep to read is still answered.
      const id = parsed.tooDeep ? leadingCallId(raw.slice(0, 128)) : undefined;
      if (id !== undefined && this.channel.isOpen) {
        this.channel.send(serialise({ type: 4, id, code: oversizeErrorCode(this.channel.info.chosenProtocol), description: parsed.detail, details: {} }));
      }
      return;
    }
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
