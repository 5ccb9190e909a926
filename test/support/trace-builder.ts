// Hand-written traces with literal timestamps, for testing the pure checks without sockets.
import type { Expectation } from '../../harness/checks/expectation.js';
import type { TraceEvent } from '../../harness/trace/types.js';

export class TraceBuilder {
  readonly events: TraceEvent[] = [];

  private push(t: number, e: Record<string, unknown>): number {
    const seq = this.events.length;
    this.events.push({ ...e, seq, t, wall: new Date(Date.UTC(2026, 0, 1) + t).toISOString() } as TraceEvent);
    return seq;
  }

  open(t: number, opts: { offered?: string[]; chosen?: string | null; conn?: number } = {}): number {
    return this.push(t, { kind: 'ws-open', conn: opts.conn ?? 0, url: '/ocpp/CP001', identity: 'CP001', offeredProtocols: opts.offered ?? ['ocpp1.6'], chosenProtocol: opts.chosen === undefined ? 'ocpp1.6' : opts.chosen });
  }

  /** Any event, for fields the helpers below do not set (deliberatelyInvalid, secure, closedByPeerAfterMs …). */
  event(t: number, e: Record<string, unknown>): number {
    return this.push(t, e);
  }

  upgrade(t: number, chosen: string | null): number {
    return this.push(t, { kind: 'http-upgrade', url: 'ws://x/ocpp/CP001', status: 101, offeredProtocols: ['ocpp1.6'], chosenProtocol: chosen });
  }

  in(t: number, frame: unknown, conn = 0): number {
    return this.push(t, { kind: 'frame', conn, dir: 'in', raw: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }

  out(t: number, frame: unknown, conn = 0): number {
    return this.push(t, { kind: 'frame', conn, dir: 'out', raw: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }

  close(t: number, by: 'harness' | 'peer', code = 1006): number {
    return this.push(t, { kind: 'ws-close', conn: 0, code, reason: '', by });
  }

  error(t: number, code: string, message = 'error'): number {
    return this.push(t, { kind: 'ws-error', conn: 0, code, message });
  }

  stimulus(t: number, action: string): number {
    return this.push(t, { kind: 'stimulus', action, params: {}, outcome: 'done' });
  }

  step(t: number, step: number, phase: 'start' | 'end' = 'start'): number {
    return this.push(t, { kind: 'step', step, title: `step ${step}`, phase });
  }

  note(t: number, text = 'note'): number {
    return this.push(t, { kind: 'note', text });
  }

  expect(t: number, expectation: Expectation): number {
    return this.push(t, { kind: 'expect', expectation });
  }

  end(t: number, extra: Record<string, unknown> = {}): number {
    return this.push(t, { kind: 'case-end', ...extra });
  }
}
