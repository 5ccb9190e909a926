// OCPP-J framing: parse one text frame in a fixed order (JSON → array → type id → message id →
// per-type shape). Pure: the same text always gives the same answer, so checks can re-run it.

export const CALL = 2;
export const CALLRESULT = 3;
export const CALLERROR = 4;

export interface CallFrame { type: 2; id: string; action: string; payload: Record<string, unknown> }
export interface CallResultFrame { type: 3; id: string; payload: Record<string, unknown> }
export interface CallErrorFrame {
  type: 4; id: string; code: string; description: string; details: Record<string, unknown>;
}
export type OcppFrame = CallFrame | CallResultFrame | CallErrorFrame;

export type FrameProblem =
  /** Not valid JSON (OCPP-J 1.6 §4.1.2). */
  | 'rpc.json'
  /** JSON, but not an OCPP-J array of the right length and element types (§4.2). */
  | 'rpc.shape'
  /** A message type number other than 2, 3 or 4 (§4.1.3). */
  | 'rpc.messageType';

export type ParsedFrame =
  | { ok: true; frame: OcppFrame }
  | { ok: false; problem: FrameProblem; detail: string; id?: string; tooDeep?: boolean };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deepest nesting of arrays and objects a frame may have to be parsed (limits.nestingDepth; OCPP payloads need under 10). */
export const DEFAULT_NESTING_DEPTH = 64;
let nestingDepth = DEFAULT_NESTING_DEPTH;

/** The run's limits.nestingDepth, for every parse of a frame in this process (live and in the checks). */
export function setNestingDepthLimit(max: number): void {
  nestingDepth = max;
}

export function nestingDepthLimit(): number {
  return nestingDepth;
}

/**
 * True when `raw` nests arrays/objects deeper than `max` (strings skipped). Checked before JSON.parse:
 * a 50,000-deep frame parses to megabytes of objects, and every check that parses it pays again.
 */
export function nestedDeeperThan(raw: string, max: number): boolean {
  if (raw.length <= 2 * max) return false; // too short to be that deep
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export function parseFrame(raw: string, maxDepth = nestingDepth): ParsedFrame {
  if (nestedDeeperThan(raw, maxDepth)) {
    return { ok: false, problem: 'rpc.shape', detail: `nested deeper than ${maxDepth} levels (limits.nestingDepth = ${maxDepth}): not read`, id: leadingId(raw), tooDeep: true };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return { ok: false, problem: 'rpc.json', detail: `not valid JSON: ${(err as Error).message}` };
  }
  if (!Array.isArray(value)) {
    return { ok: false, problem: 'rpc.shape', detail: `expected a JSON array, got ${describe(value)}` };
  }
  const [type, id] = value;
  if (typeof type !== 'number') {
    return { ok: false, problem: 'rpc.shape', detail: `element 0 (MessageTypeId) must be a number, got ${describe(type)}` };
  }
  if (type !== CALL && type !== CALLRESULT && type !== CALLERROR) {
    return { ok: false, problem: 'rpc.messageType', detail: `unknown MessageTypeId ${type}`, id: typeof id === 'string' ? id : undefined };
  }
  if (typeof id !== 'string') {
    return { ok: false, problem: 'rpc.shape', detail: `element 1 (UniqueId) must be a string, got ${describe(id)}` };
  }
  if (id.length > 36) {
    return { ok: false, problem: 'rpc.shape', detail: `UniqueId is ${id.length} characters, at most 36 allowed`, id };
  }
  if (type === CALL) {
    // OCPP-J 1.6 §4.2.1: "no payload" may be written null or {} ({} is only good practice): null reads as {}.
    const [, , action, given] = value;
    const payload = given === null ? {} : given;
    if (value.length !== 4) return shape(`a CALL has 4 elements, got ${value.length}`, id);
    if (typeof action !== 'string') return shape(`element 2 (Action) must be a string, got ${describe(action)}`, id);
    if (!isObject(payload)) return shape(`element 3 (Payload) must be an object, got ${describe(payload)}`, id);
    return { ok: true, frame: { type, id, action, payload } };
  }
  if (type === CALLRESULT) {
    const [, , given] = value; // §4.2.2: null or {} alike
    const payload = given === null ? {} : given;
    if (value.length !== 3) return shape(`a CALLRESULT has 3 elements, got ${value.length}`, id);
    if (!isObject(payload)) return shape(`element 2 (Payload) must be an object, got ${describe(payload)}`, id);
    return { ok: true, frame: { type, id, payload } };
  }
  const [, , code, description, details] = value;
  if (value.length !== 5) return shape(`a CALLERROR has 5 elements, got ${value.length}`, id);
  if (typeof code !== 'string') return shape(`element 2 (ErrorCode) must be a string, got ${describe(code)}`, id);
  if (typeof description !== 'string') return shape(`element 3 (ErrorDescription) must be a string, got ${describe(description)}`, id);
  if (!isObject(details)) return shape(`element 4 (ErrorDetails) must be an object, got ${describe(details)}`, id);
  return { ok: true, frame: { type, id, code, description, details } };
}

/** The message id at the start of a frame (`[2, "<id>"`, any type), read without parsing the rest. */
function leadingId(raw: string): string | undefined {
  const m = /^\s*\[\s*\d+\s*,\s*"((?:[^"\\]|\\.){0,36})"/.exec(raw.slice(0, 128));
  if (!m) return undefined;
  try {
    return JSON.parse(`"${m[1]}"`) as string;
  } catch {
    return undefined;
  }
}

function shape(detail: string, id: string): ParsedFrame {
  return { ok: false, problem: 'rpc.shape', detail, id };
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`.slice(0, 60);
}

export function serialise(frame: OcppFrame): string {
  switch (frame.type) {
    case CALL: return JSON.stringify([CALL, frame.id, frame.action, frame.payload]);
    case CALLRESULT: return JSON.stringify([CALLRESULT, frame.id, frame.payload]);
    case CALLERROR: return JSON.stringify([CALLERROR, frame.id, frame.code, frame.description, frame.details]);
  }
}
