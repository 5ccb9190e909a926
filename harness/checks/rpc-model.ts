// The trace read as OCPP-J: every frame parsed, every answer paired with its CALL. Built once per
// judgement and shared by the checks.
import { nestedDeeperThan, nestingDepthLimit, parseFrame, type CallFrame, type OcppFrame, type ParsedFrame } from '../rpc/frame.js';
import { leadingCallId } from '../transport/oversize-frame.js';
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
  /**
   * For a frame that is not a well-formed CALL but starts like one (`[2, "<id>", …]`): its readable
   * message id. The receiver can still answer it, and then with that id (OCPP-J 1.6 §4.1.4).
   */
  malformedCallId?: string;
  /**
   * A CALLERROR paired with the only unanswered CALL although its id is a placeholder ("" or "-1")
   * instead of that CALL's readable id (OCPP-J 1.6 §4.1.4): judged by rpc.messageId.callError.
   */
  placeholderIdFor?: ModelFrame;
}

/** Ids a receiver uses when it could not read the CALL's id (OCPP 2.0.1 uses "-1"). */
const PLACEHOLDER_IDS = new Set(['', '-1']);

/** The message id of a frame that starts like a CALL (`[2, "<id>", …]`), however broken the rest. */
export function readableCallId(raw: string): string | undefined {
  // A frame too deep to parse is read from its start only (its action too, below).
  if (nestedDeeperThan(raw, nestingDepthLimit())) return leadingCallId(raw.slice(0, 128));
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) && v[0] === 2 && typeof v[1] === 'string' ? v[1] : undefined;
  } catch {
    return undefined;
  }
}

/** The message id of a frame `[<type other than 2>, "<id>", …]`, however broken the rest. */
function readableOtherTypeId(raw: string): string | undefined {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) && typeof v[0] === 'number' && v[0] !== 2 && typeof v[1] === 'string' ? v[1] : undefined;
  } catch {
    return undefined;
  }
}

/** Is this a CALL we can expect an answer to: well-formed, or malformed with a readable id? */
export function isAnswerableCall(m: ModelFrame): boolean {
  return isCall(m) || m.malformedCallId !== undefined;
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
  const garbageById = new Map<string, ModelFrame>();
  for (const event of events) {
    // A frame the trace keeps cut (over a limit) is not judged from its start: the transport check names it.
    if (event.kind !== 'frame' || event.truncated) continue;
    const parsed: ParsedFrame = event.binary
      ? { ok: false, problem: 'rpc.shape', detail: 'binary frame: OCPP-J frames are text' }
      : parseFrame(event.raw);
    const m: ModelFrame = { event, parsed };
    frames.push(m);
    bySeq.set(event.seq, m);
    const table = (dir: string) => {
      const k = key(event.conn, dir);
      const t = pending.get(k) ?? new Map<string, ModelFrame>();
      pending.set(k, t);
      return t;
    };
    if (!parsed.ok) {
      // A broken CALL whose id is readable is still a CALL to answer (OCPP-J 1.6 §4.2.3, §4.1.4).
      const id = parsed.problem === 'rpc.shape' ? readableCallId(event.raw) : undefined;
      if (id !== undefined) {
        m.malformedCallId = id;
        const action = nestedDeeperThan(event.raw, nestingDepthLimit())
          ? /^\s*\[\s*2\s*,\s*"(?:[^"\\]|\\.)*"\s*,\s*"([^"\\]{1,64})"/.exec(event.raw.slice(0, 256))?.[1]
          : (JSON.parse(event.raw) as unknown[])[2];
        if (typeof action === 'string') m.action = action;
        if (!table(event.dir).has(id)) table(event.dir).set(id, m);
      } else if (event.dir === 'out' && event.deliberatelyInvalid) {
        garbageSent.set(key(event.conn, 'out'), (garbageSent.get(key(event.conn, 'out')) ?? 0) + 1);
        // A frame of another message type with a readable id (`[7, "<id>", …]`): OCPP 2.0.1 §4.4 answers it by that id.
        const id = readableOtherTypeId(event.raw);
        if (id !== undefined) garbageById.set(`${key(event.conn, 'out')}:${id}`, m);
      }
      continue;
    }
    const frame = parsed.frame;
    if (frame.type === 2) {
      m.action = frame.action;
      if (!table(event.dir).has(frame.id)) table(event.dir).set(frame.id, m);
    } else {
      const callerDir = event.dir === 'in' ? 'out' : 'in';
      const calls = table(callerDir);
      const call = calls.get(frame.id);
      if (call) {
        calls.delete(frame.id);
        call.answer = m;
        m.answers = call;
        m.action = call.action;
      } else if (frame.type === 4 && (garbageSent.get(key(event.conn, callerDir)) ?? 0) > 0) {
        garbageSent.set(key(event.conn, callerDir), garbageSent.get(key(event.conn, callerDir))! - 1);
        m.answersGarbage = true;
        const garbage = garbageById.get(`${key(event.conn, callerDir)}:${frame.id}`);
        if (garbage && !garbage.answer) {
          garbage.answer = m;
          m.answers = garbage;
        }
      } else if (frame.type === 4 && PLACEHOLDER_IDS.has(frame.id) && calls.size === 1) {
        // The error answers the one CALL waiting, but with a placeholder although its id was readable.
        const only = [...calls.values()][0];
        calls.delete(only.malformedCallId ?? (only.parsed.ok ? only.parsed.frame.id : ''));
        only.answer = m;
        m.answers = only;
        m.action = only.action;
        m.placeholderIdFor = only;
      }
    }
  }
  const endMs = events.length ? events[events.length - 1].t : 0;
  return { events, frames, bySeq, endMs };
}
