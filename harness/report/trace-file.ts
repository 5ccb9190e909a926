// Saved traces: JSON Lines, the header first, then one (redacted) event per line.
import { readFile } from 'node:fs/promises';
import type { TraceEvent, TraceHeader } from '../trace/types.js';
import { writeLines } from './line-writer.js';
import { redactDeep, redactEvent, redactTrace } from './redact.js';

export const TRACE_FORMAT = 'ocpp-harness-trace/1' as const;


/** A trace file that cannot be read; `line` is 1-based (0 when the file as a whole is at fault). */
export class TraceFileError extends Error {
  constructor(readonly path: string, readonly line: number, detail: string) {
    super(line > 0 ? `${path}:${line}: ${detail}` : `${path}: ${detail}`);
    this.name = 'TraceFileError';
  }
}

/** Serialises header + events (redacted) to JSON Lines text. */
export function traceToJsonl(header: TraceHeader, events: readonly TraceEvent[]): string {
  const lines = [JSON.stringify(redactDeep(header)), ...redactTrace(events).map((e) => JSON.stringify(e))];
  return `${lines.join('\n')}\n`;
}

/** The lines of a trace file (header first, each redacted), made one at a time. */
export function* traceLines(header: TraceHeader, events: readonly TraceEvent[]): Generator<string> {
  yield JSON.stringify(redactDeep(header));
  for (const e of events) yield JSON.stringify(redactEvent(e));
}

/** Writes the trace file (creating its directory), a line at a time; secrets are masked. */
export async function writeTraceFile(path: string, header: TraceHeader, events: readonly TraceEvent[]): Promise<void> {
  await writeLines(path, traceLines(header, events));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses JSON Lines trace text; `path` only labels errors. */
export function parseTraceJsonl(text: string, path = '<trace>'): { header: TraceHeader; events: TraceEvent[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  // A final newline leaves one empty string behind; blank lines elsewhere are tolerated too.
  let header: TraceHeader | undefined;
  const events: TraceEvent[] = [];
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new TraceFileError(path, lineNo, `not valid JSON (${(err as Error).message})`);
    }
    if (!isRecord(value)) throw new TraceFileError(path, lineNo, 'expected a JSON object');
    if (header === undefined) {
      if (value.kind !== 'header') {
        throw new TraceFileError(path, lineNo, `expected the trace header (kind "header") first, got kind ${JSON.stringify(value.kind)}`);
      }
      if (value.format !== TRACE_FORMAT) {
        throw new TraceFileError(path, lineNo, `unsupported trace format ${JSON.stringify(value.format)} (expected "${TRACE_FORMAT}")`);
      }
      for (const field of ['caseId', 'title', 'ocpp', 'sut', 'startedAt'] as const) {
        if (typeof value[field] !== 'string') throw new TraceFileError(path, lineNo, `header field "${field}" missing or not a string`);
      }
      if (!isRecord(value.judging)) throw new TraceFileError(path, lineNo, 'header field "judging" missing or not an object');
      header = value as unknown as TraceHeader;
      continue;
    }
    if (value.kind === 'header') throw new TraceFileError(path, lineNo, 'second header line');
    // Any kind is accepted (newer harness versions may add kinds); it must be a name, though.
    if (typeof value.kind !== 'string' || !/^[a-z][a-z0-9-]*$/.test(value.kind)) {
      throw new TraceFileError(path, lineNo, `event without a valid "kind" (got ${JSON.stringify(value.kind)})`);
    }
    if (typeof value.seq !== 'number' || typeof value.t !== 'number') {
      throw new TraceFileError(path, lineNo, 'event without numeric "seq" and "t"');
    }
    events.push(value as unknown as TraceEvent);
  }
  if (header === undefined) throw new TraceFileError(path, 0, 'empty trace file (no header line)');
  return { header, events };
}

/** Reads a trace file written by writeTraceFile. Throws TraceFileError (with the line number) when malformed. */
export async function readTraceFile(path: string): Promise<{ header: TraceHeader; events: TraceEvent[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new TraceFileError(path, 0, `cannot read: ${(err as Error).message}`);
  }
  return parseTraceJsonl(text, path);
}

/** File-system-safe file name for a case id: `TC_001_CS` → `TC_001_CS.jsonl`. */
export function traceFileName(caseId: string): string {
  const safe = caseId.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || 'case';
  return `${safe}.jsonl`;
}

/** Default path of a case's trace inside the report directory (always with forward slashes). */
export function traceRelPath(caseId: string): string {
  return `traces/${traceFileName(caseId)}`;
}
