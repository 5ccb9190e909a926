// The trace read as OCPP-J: every frame parsed, every answer paired with its CALL. Built once per
// judgement and shared by the checks.
import { parseFrame, type CallFrame, type OcppFrame, type ParsedFrame } from '../rpc/frame.js';
import type { FrameEvent, TraceEvent } from '../trace/types.js';

export interface ModelFrame {
  event: FrameEvent;
  parsed: ParsedFrame;
  /** For CALLs: the action. For answers: the action of the CALL answered. */
  action?: string;
  /** For a CALLRESULT/CALLERROR: the CALL it answers. */
  answers?: ModelFrame;
  /** For a CALL: its answer. */
  answer?: ModelFrame;
  /** A CALLERROR that answers garbage the harness sent on purpose (no CALL to pair it with). */
  answersGarbage?: boolean;
}

export interface RpcModel {
  events: TraceEvent[];
  frames: ModelFrame[];
  bySeq: Map<number, ModelFrame>;
  /** Time of the last event: how far the trace saw. */
  endMs: number;
}

export function frameOf(m: ModelFrame): OcppFrame | undefined {
  return m.parsed.ok ? m.parsed.frame : undefined;
}

export function isCall(m: ModelFrame): m is ModelFrame & { parsed: { ok: true; frame: CallFrame } } {
  return m.parsed.ok && m.parsed.frame.type === 2;
}

export function buildRpcModel(events: TraceEvent[]): RpcModel {
  const frames: ModelFrame[] = [];
  const bySeq = new Map<number, ModelFrame>();
  // Unanswered CALLs per connection and sender direction, by message id.
  const pending = new Map<string, Map<string, ModelFrame>>();
  const key = (conn: number | undefined, dir: string) => `${conn ?? -1}:${dir}`;
  // Garbage we sent on purpose that is not a CALL: the receiver may answer each with one CALLERROR
  // (OCPP 2.0.1 makes that explicit with id "-1"); such an answer pairs with no CALL.
  const garbageSent = new Map<string, number>();
  for (const event of events) {
    if (event.kind !== 'frame') continue;
    const parsed: ParsedFrame = event.binary
      ? { ok: false, problem: 'rpc.shape', detail: 'binary frame: OCPP-J frames are text' }
      : parseFrame(event.raw);
    const m: ModelFrame = { event, parsed };
    frames.push(m);
    bySeq.set(event.seq, m);
    if (event.dir === 'out' && event.deliberatelyInvalid && !(parsed.ok && parsed.frame.type === 2)) {
      garbageSent.set(key(event.conn, 'out'), (garbageSent.get(key(event.conn, 'out')) ?? 0) + 1);
    }
    if (!parsed.ok) continue;
    const frame = parsed.frame;
    if (frame.type === 2) {
      m.action = frame.action;
      const table = pending.get(key(event.conn, event.dir)) ?? new Map<string, ModelFrame>();
      pending.set(key(event.conn, event.dir), table);
      if (!table.has(frame.id)) table.set(frame.id, m);
    } else {
      const callerDir = event.dir === 'in' ? 'out' : 'in';
      const table = pending.get(key(event.conn, callerDir));
      const call = table?.get(frame.id);
      if (call) {
        table!.delete(frame.id);
        call.answer = m;
        m.answers = call;
        m.action = call.action;
      } else if (frame.type === 4 && (garbageSent.get(key(event.conn, callerDir)) ?? 0) > 0) {
        garbageSent.set(key(event.conn, callerDir), garbageSent.get(key(event.conn, callerDir))! - 1);
        m.answersGarbage = true;
      }
    }
  }
  const endMs = events.length ? events[events.length - 1].t : 0;
  return { events, frames, bySeq, endMs };
}
