// One live connection to the system under test, in either role: the session, the inbound CALLs
// seen on it, and the handler table (role defaults + the running case's overrides).
import { DEFAULT_LIMITS } from '../config/limits.js';
import type { SchemaRegistry } from '../schema/registry.js';
import type { InboundCall } from '../rpc/session.js';
import { OcppSession } from '../rpc/session.js';
import type { FrameChannel } from '../transport/frame-channel.js';

// From the global registry: a case loaded as another copy of this module (mocha with tsx) holds the same symbol.
export const NO_REPLY: unique symbol = Symbol.for('ocpp-harness.no-reply') as never;

export interface CallErrorReply {
  callError: { code: string; description?: string; details?: Record<string, unknown> };
}

export type HandlerResult = Record<string, unknown> | CallErrorReply | typeof NO_REPLY;
export type Handler = (payload: Record<string, unknown>, call: InboundCall, link: Link) => HandlerResult | Promise<HandlerResult>;
export type HandlerTable = Record<string, Handler>;

/** State the roles keep per connection (what a CSMS or charge point would remember). */
export interface LinkState {
  bootStatus?: 'Accepted' | 'Pending' | 'Rejected';
  /** The identity was accepted on an earlier connection and reconnected without booting (so far). */
  acceptedBefore?: boolean;
  [key: string]: unknown;
}

export class Link {
  readonly session: OcppSession;
  readonly calls: InboundCall[] = [];
  readonly state: LinkState = {};
  private readonly overrides = new Map<string, Handler>();
  private readonly listeners = new Set<(call: InboundCall) => void>();
  readonly closed: Promise<void>;
  /** `calls` keeps the payload of this many more CALLs (limits.framesKeptInFull); later ones keep action and id. */
  private callsKeptInFull: number;

  constructor(
    readonly channel: FrameChannel,
    private readonly registry: SchemaRegistry,
    private readonly defaults: HandlerTable,
    /** Called when a handler throws: a harness fault, reported as INCONCLUSIVE. */
    private readonly onHarnessError: (err: unknown) => void,
    /** limits.harnessHandlerMs: a handler that takes longer is a harness fault, and the SUT still gets an answer. */
    private readonly handlerMs: number = DEFAULT_LIMITS.harnessHandlerMs,
    /** limits.framesKeptInFull: how many CALLs `calls` remembers with their payload. */
    callsKeptInFull: number = DEFAULT_LIMITS.framesKeptInFull,
  ) {
    this.callsKeptInFull = callsKeptInFull;
    this.session = new OcppSession(channel);
    this.session.onCall((call) => void this.dispatch(call));
    this.closed = new Promise((resolve) => channel.onClose(() => resolve()));
  }

  get identity(): string { return this.channel.info.identity; }
  get conn(): number { return this.channel.conn; }
  get isOpen(): boolean { return this.channel.isOpen; }

  /** Override the role's default answer to `action` for the running case. */
  handle(action: string, handler: Handler): void {
    this.overrides.set(action, handler);
  }

  resetOverrides(): void {
    this.overrides.clear();
  }

  /** The role's default answer to `action`, for an override that only adds to it. */
  defaultHandler(action: string): Handler | undefined {
    return this.defaults[action];
  }

  /** The first CALL on this connection, waiting up to `ms` for it (undefined if none came, or on abort). */
  firstCall(ms: number, signal?: AbortSignal): Promise<InboundCall | undefined> {
    if (this.calls.length) return Promise.resolve(this.calls[0]);
    return new Promise((resolve) => {
      const done = (call: InboundCall | undefined) => {
        clearTimeout(timer);
        off();
        signal?.removeEventListener('abort', onAbort);
        resolve(call);
      };
      const onAbort = () => done(undefined);
      const off = this.onCall((call) => done(call));
      const timer = setTimeout(() => done(undefined), ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  onCall(listener: (call: InboundCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async dispatch(call: InboundCall): Promise<void> {
    this.calls.push(this.callsKeptInFull > 0 && call.event.raw.length <= KEPT_PAYLOAD_CHARS ? call : withoutPayload(call));
    if (this.callsKeptInFull > 0) this.callsKeptInFull -= 1;
    for (const listener of this.listeners) listener(call);
    const { action, payload } = call.frame;
    try {
      const override = this.overrides.get(action);
      // Unknown action → NotImplemented, as an exemplary receiver. An invalid payload is still
      // answered as if valid: the schema check reports it, and the rest of the case stays
      // observable instead of collapsing into follow-on findings.
      if (!override && !this.registry.has(action)) {
        await this.session.replyError(call, 'NotImplemented', `unknown action ${action}`);
        return;
      }
      const handler = override ?? this.defaults[action];
      if (!handler) {
        await this.session.replyError(call, 'NotSupported', `the harness does not handle ${action} in this role`);
        return;
      }
      // A case's own override may hold its answer on purpose; the role's defaults may not dawdle.
      const pending = handler(payload, call, this);
      const result = override ? await pending : await withinHandlerTime(pending, this.handlerMs, action);
      if (result === NO_REPLY) return;
      if ('callError' in result && typeof result.callError === 'object') {
        const e = (result as CallErrorReply).callError;
        await this.session.replyError(call, e.code, e.description ?? '', e.details ?? {});
      } else {
        await this.session.reply(call, result as Record<string, unknown>);
      }
    } catch (err) {
      if (!this.channel.isOpen) return; // the peer went away meanwhile: recorded, nothing to answer
      // Our handler failed. Still answer, so the SUT is not left waiting: a payload that breaks the
      // schema gets the code an exemplary receiver would send; otherwise it is our fault (InternalError).
      const check = this.registry.validate(action, 'req', payload);
      const code = !check.ok && check.rpcErrorCode ? check.rpcErrorCode : 'InternalError';
      const why = err instanceof Error ? err.message : String(err);
      await this.session.replyError(call, code, `the harness could not handle this ${action}: ${why}`.slice(0, 200)).catch(() => undefined);
      // An invalid request is the SUT's fault (the schema check reports it); a valid one we failed on is ours.
      if (check.ok) this.onHarnessError(err);
    }
  }
}

/** A CALL payload larger than this (as text) is not kept in `calls` (the trace has it); a parsed 50,000-deep payload costs megabytes. */
const KEPT_PAYLOAD_CHARS = 64 * 1024;

/** The call as `calls` remembers it when its payload is not kept: the handlers already had all of it. */
function withoutPayload(call: InboundCall): InboundCall {
  return { ...call, frame: { ...call.frame, payload: {} }, payloadDropped: true };
}

class HandlerTimeout extends Error {
  override name = 'HandlerTimeout';
}

/** The handler's result, or a HandlerTimeout after `ms` (its late result is then dropped). */
function withinHandlerTime<T>(result: T | Promise<T>, ms: number, action: string): Promise<T> {
  if (!(result instanceof Promise)) return Promise.resolve(result);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HandlerTimeout(`the harness's ${action} handler took longer than limits.harnessHandlerMs = ${ms} ms`)), ms);
  });
  return Promise.race([result, late]).finally(() => clearTimeout(timer));
}
