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
  for (const event of events) {
    if (event.kind !== 'frame') continue;
    const parsed: ParsedFrame = event.binary
      ? { ok: false, problem: 'rpc.shape', detail: 'binary frame: OCPP-J frames are text' }
      : parseFrame(event.raw);
    const m: ModelFrame = { event, parsed };
    frames.push(m);
    bySeq.set(event.seq, m);
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
      }
    }
  }
  const endMs = events.length ? events[events.length - 1].t : 0;
  return { events, frames, bySeq, endMs };
}
