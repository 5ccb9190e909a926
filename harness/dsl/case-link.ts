// The case's view of one connection: expect what the system under test sends, call it, answer it.
// Every expectation is recorded as data first and decided by the same pure evaluator `rejudge` uses.
import type { CallExpectation, Expectation, MeterValuesExpectation, TimeWindow } from '../checks/expectation.js';
import { evaluateCall } from '../checks/evaluate-expectations.js';
import type { Matcher } from '../checks/match.js';
import { selectMeterValues, type CountedFrame } from '../versions/ocpp16/checks/meter-values-expectation.js';
import { buildRpcModel } from '../checks/rpc-model.js';
import type { Handler, Link } from '../roles/link.js';
import type { CallOutcome, InboundCall } from '../rpc/session.js';
import { ConnectionClosedError } from '../transport/frame-channel.js';
import type { FrameEvent } from '../trace/types.js';
import type { CaseScope } from './case-scope.js';
import { ExpectationUnmet } from './errors.js';

export interface ExpectCallOptions {
  requirement: string;
  level?: 'MUST' | 'SHOULD';
  /** Is this a tool validation of the OCTT table? Default: yes at MUST, no at SHOULD level. */
  octt?: 'fails' | 'not-checked';
  /** Level of timing findings, when it differs (the spec often says SHOULD NOT send earlier). */
  timingLevel?: 'MUST' | 'SHOULD';
  /** OCTT axis of timing findings, when it differs (a time bound the table does not give). */
  timingOctt?: 'fails' | 'not-checked';
  /** Level of a `match` mismatch, when it differs (the CALL must come; what it carries is only a SHOULD). */
  matchLevel?: 'MUST' | 'SHOULD';
  /** Which CALLs of the action count, e.g. `{ connectorId: 1 }`. */
  where?: Matcher;
  /** What the first counted CALL must carry; a mismatch is a finding, the case goes on. */
  match?: Matcher;
  /** Wait at most this long from now (default: timeouts.messageMs). */
  within?: number;
  /** A window measured from an earlier event instead of `within`. */
  window?: { anchor: number; minMs?: number; maxMs: number; graceMs?: number };
  /** Only CALLs after this seq count (default: any not yet consumed in this case). */
  after?: number;
  forbid?: CallExpectation['forbid'];
  /** Other messages the specification allows instead (each with its own where/match); the first of any form counts. */
  alternatives?: CallExpectation['alternatives'];
}

export interface ExpectMeterValuesOptions {
  /** Default: OCPP 1.6 §3.16.1 / §3.16.2 with the configuration key the mode reads. */
  requirement?: string;
  level?: 'MUST' | 'SHOULD';
  octt?: 'fails' | 'not-checked';
  /** Level of the findings about when frames arrived (default: `level`). */
  arrivalLevel?: 'MUST' | 'SHOULD';
  /** OCTT axis of the findings about when frames arrived (default: `octt`). */
  arrivalOctt?: 'fails' | 'not-checked';
  connectorId: number;
  /** Only MeterValues.req of this transaction count. */
  transactionId?: number;
  /** sampled: MeterValueSampleInterval; clockAligned: ClockAlignedDataInterval. */
  mode: 'sampled' | 'clockAligned';
  intervalS: number;
  /** The configured MeterValuesSampledData / MeterValuesAlignedData. */
  measurands: string[];
  /** Default: Sample.Periodic (sampled), Sample.Clock (clockAligned). */
  context?: string;
  /** Stop observing once this many readings counted. */
  count?: number;
  /** Stop observing after this long at most (default with `count`: (count + 1) intervals + messageMs). */
  durationMs?: number;
  /** Fewer readings is `meterValues.missing` (default: count, else 1). */
  minCount?: number;
  /** Default: cfg.toleranceMs. */
  toleranceMs?: number;
  /** Only frames after this seq count (default: from now). */
  after?: number;
}

/** A MeterValues.req the expectation counted: the readings that count, and the live CALL. */
export interface ObservedMeterValues extends CountedFrame {
  call?: InboundCall;
}

export interface CallResultOk {
  payload: Record<string, unknown>;
  call: FrameEvent;
  answer: FrameEvent;
}

export class CaseLink {
  /** Seqs of inbound CALLs an earlier expectation already took, so each CALL counts once. */
  private readonly consumed = new Set<number>();

  constructor(readonly link: Link, private readonly scope: CaseScope, private readonly startSeq: number) {}

  get identity(): string { return this.link.identity; }
  get conn(): number { return this.link.conn; }
  get isOpen(): boolean { return this.link.isOpen; }

  /** Override the role's default answer to `action` for the rest of this case. */
  handle(action: string, handler: Handler): void {
    this.link.handle(action, handler);
  }

  mark(text: string): number {
    return this.scope.mark(text);
  }

  async expectCall(action: string, opts: ExpectCallOptions): Promise<InboundCall> {
    const { cfg } = this.scope;
    const anchor = opts.window?.anchor ?? this.scope.mark(`waiting for ${action}`);
    const window: TimeWindow = opts.window
      ? { anchorSeq: anchor, minMs: opts.window.minMs, maxMs: opts.window.maxMs, toleranceMs: cfg.toleranceMs, graceMs: opts.window.graceMs ?? cfg.toleranceMs }
      : { anchorSeq: anchor, maxMs: opts.within ?? cfg.timeouts.messageMs, toleranceMs: cfg.toleranceMs, graceMs: 0 };
    const expectation: CallExpectation = {
      type: 'call', step: this.scope.currentStep, action, conn: this.conn, where: opts.where, match: opts.match,
      afterSeq: opts.after ?? this.startSeq, exclude: [...this.consumed], window, forbid: opts.forbid,
      ...(opts.alternatives?.length ? { alternatives: opts.alternatives } : {}),
      requirement: opts.requirement, level: opts.level, timingLevel: opts.timingLevel, matchLevel: opts.matchLevel, octt: opts.octt,
      ...(opts.timingOctt ? { timingOctt: opts.timingOctt } : {}),
    };
    this.scope.record({ kind: 'expect', expectation });
    const found = await this.waitFor(expectation);
    this.consumed.add(found.seq);
    // By identity, not seq: seqs restart with every case, the link's calls span cases.
    const call = this.link.calls.find((c) => c.event === found);
    if (!call) throw new ExpectationUnmet(`${action} arrived on another connection (frame #${found.seq})`);
    return call;
  }

  /**
   * One more check of an inbound CALL an earlier expectation already took, recorded as a call expectation
   * that counts exactly that CALL (e.g. what every item of a report must carry, judged once all its parts
   * arrived). Nothing is waited for; `rejudge` evaluates it the same way.
   */
  checkCall(call: InboundCall, opts: { match: Matcher; requirement: string; level?: 'MUST' | 'SHOULD'; octt?: 'fails' | 'not-checked' }): void {
    const seq = call.event.seq;
    this.scope.record({ kind: 'expect', expectation: {
      type: 'call', step: this.scope.currentStep, action: call.frame.action, conn: this.conn, match: opts.match,
      afterSeq: seq - 1, exclude: [...this.consumed].filter((s) => s !== seq),
      window: { anchorSeq: seq - 1, maxMs: 60_000, toleranceMs: 0, graceMs: 0 },
      requirement: opts.requirement, level: opts.level, octt: opts.octt,
    } });
  }

  /**
   * Expect that the system under test sent none of `forbid` on this connection between two events
   * (e.g. its BootNotification.req and our answer, §4.2). Both have happened: recorded, not waited for.
   */
  expectQuiet(opts: { afterSeq: number; beforeSeq: number; forbid: CallExpectation['forbid'] & object; requirement: string; level?: 'MUST' | 'SHOULD'; octt?: 'fails' | 'not-checked' }): void {
    this.scope.record({ kind: 'expect', expectation: {
      type: 'quiet', step: this.scope.currentStep, conn: this.conn, afterSeq: opts.afterSeq, beforeSeq: opts.beforeSeq,
      forbid: opts.forbid, requirement: opts.requirement, level: opts.level, octt: opts.octt,
    } });
  }

  /**
   * Observe MeterValues.req for a connector until `count` readings arrived or `durationMs` passed, then
   * record a `meterValues` expectation over what was observed (interval, measurands, context, count:
   * decided by the pure evaluator, so `rejudge` agrees). Returns the counted frames. Findings do not stop
   * the case; a closed connection does (ExpectationUnmet).
   */
  async expectMeterValues(opts: ExpectMeterValuesOptions): Promise<ObservedMeterValues[]> {
    const { cfg, recorder, signal } = this.scope;
    if (opts.count === undefined && opts.durationMs === undefined) throw new Error('expectMeterValues: give count or durationMs');
    const context = opts.context ?? (opts.mode === 'sampled' ? 'Sample.Periodic' : 'Sample.Clock');
    const durationMs = opts.durationMs ?? (opts.count! + 1) * opts.intervalS * 1000 + cfg.timeouts.messageMs;
    const afterSeq = opts.after ?? this.scope.mark(`observing ${opts.mode} MeterValues on connector ${opts.connectorId} `
      + `(${opts.count !== undefined ? `${opts.count} readings or ` : ''}${(durationMs / 1000).toFixed(1)} s)`);
    const key = opts.mode === 'sampled' ? 'MeterValueSampleInterval / MeterValuesSampledData' : 'ClockAlignedDataInterval / MeterValuesAlignedData';
    const expectation: MeterValuesExpectation = {
      type: 'meterValues', step: this.scope.currentStep, connectorId: opts.connectorId, transactionId: opts.transactionId,
      conn: this.conn, afterSeq, untilSeq: Number.MAX_SAFE_INTEGER, exclude: [...this.consumed],
      mode: opts.mode, intervalS: opts.intervalS, toleranceMs: opts.toleranceMs ?? cfg.toleranceMs,
      measurands: opts.measurands, context, minCount: opts.minCount ?? opts.count ?? 1,
      requirement: opts.requirement ?? `OCPP 1.6 ${opts.mode === 'sampled' ? '§3.16.1' : '§3.16.2'}, §4.7: meter values as ${key} prescribe`,
      level: opts.level, arrivalLevel: opts.arrivalLevel, arrivalOctt: opts.arrivalOctt, octt: opts.octt,
    };
    const enough = () => opts.count !== undefined && selectMeterValues(expectation, buildRpcModel(recorder.events)).count >= opts.count;
    await new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const finish = (fn: () => void) => {
        clearTimeout(timer);
        unsubscribe();
        offClose();
        signal.removeEventListener('abort', onAbort);
        fn();
      };
      const unsubscribe = recorder.subscribe((e) => {
        if (e.kind === 'frame' && e.dir === 'in' && enough()) finish(resolve);
      });
      const offClose = this.link.channel.onClose(() => finish(() =>
        reject(new ExpectationUnmet('connection closed while observing MeterValues'))));
      const onAbort = () => finish(() => reject(this.scope.abortReason()));
      signal.addEventListener('abort', onAbort, { once: true });
      if (enough()) return finish(resolve);
      timer = setTimeout(() => finish(resolve), durationMs);
    });
    expectation.untilSeq = this.scope.mark(`stopped observing MeterValues on connector ${opts.connectorId}`);
    this.scope.record({ kind: 'expect', expectation });
    const counted = selectMeterValues(expectation, buildRpcModel(recorder.events)).counted;
    return counted.map((c) => {
      this.consumed.add(c.frame.seq);
      const event = recorder.events[c.frame.seq];
      return { ...c, call: this.link.calls.find((call) => call.event === event) };
    });
  }

  /** The payload of the answer the harness gave to an inbound CALL (e.g. the transactionId it assigned). */
  async answerOf(call: InboundCall): Promise<Record<string, unknown>> {
    const reply = await call.replied;
    const parsed = JSON.parse(reply.raw) as unknown[];
    return (parsed[0] === 3 ? parsed[2] : {}) as Record<string, unknown>;
  }

  /** Send a CALL and wait for the answer; `expect` fields of the CALLRESULT are checked. */
  async call(action: string, payload: Record<string, unknown>, opts: { expect?: Matcher; requirement?: string; level?: 'MUST' | 'SHOULD'; octt?: 'fails' | 'not-checked' } = {}): Promise<CallResultOk> {
    const outcome = await this.rawCall(action, payload);
    if (opts.expect || opts.requirement) {
      this.scope.record({ kind: 'expect', expectation: {
        type: 'callResult', step: this.scope.currentStep, callSeq: outcome.call.seq, action, match: opts.expect,
        requirement: opts.requirement ?? `${action}.conf as the specification requires`, level: opts.level, octt: opts.octt,
      } });
    }
    if (outcome.kind === 'timeout') throw new ExpectationUnmet(`no answer to ${action}`);
    if (outcome.kind === 'error') {
      if (!opts.expect && !opts.requirement) {
        this.scope.record({ kind: 'expect', expectation: {
          type: 'callResult', step: this.scope.currentStep, callSeq: outcome.call.seq, action,
          requirement: `a valid ${action}.req is answered with a CALLRESULT`,
        } });
      }
      throw new ExpectationUnmet(`${action} was answered with CALLERROR ${outcome.code}`);
    }
    return outcome;
  }

  /** One more check of an answer already received (e.g. a field the OCTT wants that the spec leaves optional, at another level). */
  checkAnswer(result: CallResultOk, action: string, opts: { expect: Matcher; requirement: string; level?: 'MUST' | 'SHOULD'; octt?: 'fails' | 'not-checked' }): void {
    this.scope.record({ kind: 'expect', expectation: {
      type: 'callResult', step: this.scope.currentStep, callSeq: result.call.seq, action, match: opts.expect,
      requirement: opts.requirement, level: opts.level, octt: opts.octt,
    } });
  }

  /**
   * Send a CALL whose table allows either answer: a CALLRESULT meeting `expect`, or a CALLERROR with one
   * of `errorCodes` (any code when omitted), e.g. "Rejected OR a CallError" (OCTT TC_027_CS, TC_040_2_CS).
   */
  async callResultOrError(action: string, payload: Record<string, unknown>, opts: {
    expect: Matcher;
    errorCodes?: string[];
    requirement: string;
    level?: 'MUST' | 'SHOULD';
    octt?: 'fails' | 'not-checked';
  }): Promise<CallOutcome> {
    const outcome = await this.rawCall(action, payload);
    if (outcome.kind === 'timeout') {
      this.scope.record({ kind: 'expect', expectation: {
        type: 'callResult', step: this.scope.currentStep, callSeq: outcome.call.seq, action, match: opts.expect,
        requirement: opts.requirement, level: opts.level, octt: opts.octt,
      } });
      throw new ExpectationUnmet(`no answer to ${action}`);
    }
    if (outcome.kind === 'error') {
      this.scope.record({ kind: 'expect', expectation: {
        type: 'callError', step: this.scope.currentStep, callSeq: outcome.call.seq,
        exact: opts.errorCodes ?? [outcome.code], requirement: opts.requirement, octt: opts.octt,
      } });
    } else {
      this.scope.record({ kind: 'expect', expectation: {
        type: 'callResult', step: this.scope.currentStep, callSeq: outcome.call.seq, action, match: opts.expect,
        requirement: opts.requirement, level: opts.level, octt: opts.octt,
      } });
    }
    return outcome;
  }

  /**
   * A further check of an answer `call` already received, at its own level: e.g. the SHOULD beside
   * the MUST of the same answer (a CALLERROR is reported by the `call` itself, not again here).
   */
  expectAnswer(result: CallResultOk, action: string, opts: { expect: Matcher; requirement: string; level?: 'MUST' | 'SHOULD'; octt?: 'fails' | 'not-checked' }): void {
    this.scope.record({ kind: 'expect', expectation: {
      type: 'callResult', step: this.scope.currentStep, callSeq: result.call.seq, action, match: opts.expect,
      requirement: opts.requirement, level: opts.level, octt: opts.octt,
    } });
  }

  /**
   * Send a deliberately bad CALL and expect a CALLERROR with one of the `exact` codes; any other code is
   * judged by the version's one tolerance rule (harness/schema/error-codes.ts).
   */
  async callExpectingError(action: string, opts: {
    payload?: Record<string, unknown>;
    raw?: (id: string) => string;
    exact: string[];
    requirement: string;
    /** Level of a CALLRESULT instead of the CALLERROR (default MUST): SHOULD where the spec only allows refusing. */
    level?: 'MUST' | 'SHOULD';
    /** The spec lets the receiver drop this CALL (cite it): no answer is then a SHOULD finding. */
    mayDrop?: string;
    octt?: 'fails' | 'not-checked';
  }): Promise<CallOutcome> {
    const outcome = await this.rawCall(action, opts.payload ?? {}, opts.raw, true);
    this.scope.record({ kind: 'expect', expectation: {
      type: 'callError', step: this.scope.currentStep, callSeq: outcome.call.seq,
      exact: opts.exact, requirement: opts.requirement, octt: opts.octt,
      ...(opts.level ? { level: opts.level } : {}), ...(opts.mayDrop ? { mayDrop: opts.mayDrop } : {}),
    } });
    if (outcome.kind === 'timeout') throw new ExpectationUnmet(`no answer to the malformed ${action}`);
    return outcome;
  }

  /** Send any text, marked in the trace as deliberately invalid. */
  sendRaw(text: string): Promise<FrameEvent> {
    return this.link.session.sendRaw(text, { deliberatelyInvalid: true });
  }

  /** Record an expectation the case built itself (fuzzing: what a hostile frame is owed). */
  expect(expectation: Expectation): void {
    this.scope.record({ kind: 'expect', expectation: { ...expectation, step: expectation.step ?? this.scope.currentStep } as Expectation });
  }

  /**
   * Wait until a frame from the system under test carries message id `id` (a CALLRESULT or CALLERROR to
   * a frame the harness sent raw), the connection closes, or `ms` pass. True if the answer came.
   */
  waitForAnswer(id: string | undefined, ms: number): Promise<boolean> {
    const channel = this.link.channel;
    if (!channel.isOpen) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (value: boolean) => {
        clearTimeout(timer);
        offFrame();
        offClose();
        this.scope.signal.removeEventListener('abort', onAbort);
        resolve(value);
      };
      const offFrame = channel.onFrame((raw, event) => {
        if (event.dir !== 'in' || id === undefined) return;
        try {
          const v: unknown = JSON.parse(raw);
          if (Array.isArray(v) && (v[0] === 3 || v[0] === 4) && v[1] === id) done(true);
        } catch { /* not JSON: not the answer */ }
      });
      const offClose = channel.onClose(() => done(false));
      const onAbort = () => done(false);
      const timer = setTimeout(() => done(false), ms);
      this.scope.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Send a hostile frame exactly as made (text, bytes, or binary); see harness/fuzz. */
  sendHostile(frame: { data: string | Buffer; binary: boolean }, opts: { deliberatelyInvalid: boolean; mayEndConnection?: boolean }): Promise<FrameEvent> {
    const o = { deliberatelyInvalid: opts.deliberatelyInvalid, ...(opts.mayEndConnection ? { mayEndConnection: true } : {}) };
    return typeof frame.data === 'string' && !frame.binary
      ? this.link.session.sendRaw(frame.data, o)
      : this.link.session.sendBytes(Buffer.isBuffer(frame.data) ? frame.data : Buffer.from(frame.data), { ...o, binary: frame.binary });
  }

  close(code = 1000, reason = ''): Promise<void> {
    return this.link.channel.close(code, reason);
  }

  private rawCall(action: string, payload: Record<string, unknown>, raw?: (id: string) => string, deliberatelyInvalid = false): Promise<CallOutcome> {
    // Wait twice the response timeout: an answer in the second half is late (rpc.responseTime),
    // not missing, and the case can go on with it.
    return this.link.session.call(action, payload, {
      waitMs: this.scope.cfg.timeouts.responseMs * 2, raw, deliberatelyInvalid, signal: this.scope.signal,
    }).catch((err: unknown) => {
      if (err instanceof ConnectionClosedError) throw new ExpectationUnmet(err.message);
      throw err;
    });
  }

  private waitFor(expectation: CallExpectation): Promise<FrameEvent> {
    const { recorder, signal } = this.scope;
    return new Promise((resolve, reject) => {
      const evaluate = () => evaluateCall(expectation, buildRpcModel(recorder.events));
      let timer: NodeJS.Timeout | undefined;
      const finish = (fn: () => void) => {
        clearTimeout(timer);
        unsubscribe();
        offClose();
        signal.removeEventListener('abort', onAbort);
        fn();
      };
      const onEvent = () => {
        const result = evaluate();
        if (result.status === 'met') finish(() => resolve(result.match!.event));
      };
      const unsubscribe = recorder.subscribe((e) => {
        if (e.kind === 'frame' && e.dir === 'in') onEvent();
      });
      const offClose = this.link.channel.onClose(() => finish(() =>
        reject(new ExpectationUnmet(`connection closed while waiting for ${expectation.action}`))));
      const onAbort = () => finish(() => reject(this.scope.abortReason()));
      signal.addEventListener('abort', onAbort, { once: true });
      const first = evaluate();
      if (first.status === 'met') {
        finish(() => resolve(first.match!.event));
        return;
      }
      timer = setTimeout(() => {
        recorder.record({ kind: 'note', text: `stopped waiting for ${expectation.action}` });
        const last = evaluate();
        finish(() => last.status === 'met'
          ? resolve(last.match!.event)
          : reject(new ExpectationUnmet(`${expectation.action} did not arrive in time`)));
      }, Math.max(0, first.deadlineMs - recorder.now()) + 1);
    });
  }
}
