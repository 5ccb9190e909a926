// A case's trace goes to disk while the case runs (traces/<ID>.jsonl, JSON Lines, redacted), so a
// crash or a kill mid-case still leaves what happened, and the file never waits to be built as one
// string at the end. When the case is judged the file is rewritten once, a line at a time, with each
// frame's schema verdict (known only then); writeReports then leaves it as it is. While the disk falls
// behind a flood, the live copy skips lines (the final file has them all).
import { join } from 'node:path';
import type { Recorder } from '../trace/recorder.js';
import type { TraceEvent, TraceHeader } from '../trace/types.js';
import { LineWriter } from './line-writer.js';
import { redactDeep, redactEvent } from './redact.js';
import { traceFileName, writeTraceFile } from './trace-file.js';

/** Traces already on disk, by the event array a CaseResult carries: its path relative to the report directory. */
const written = new WeakMap<readonly TraceEvent[], string>();

export function streamedTraceFile(events: readonly TraceEvent[]): string | undefined {
  return written.get(events);
}

/** A unique `traces/<ID>.jsonl` for this run (a suffix when two cases share an id). */
export function claimTraceName(caseId: string, used: Set<string>): string {
  const base = traceFileName(caseId).replace(/\.jsonl$/, '');
  let name = `${base}.jsonl`;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}.jsonl`;
  used.add(name.toLowerCase());
  return `traces/${name}`;
}

export class CaseTraceStream {
  private unfollow: (() => void) | undefined;

  private constructor(private readonly writer: LineWriter, readonly relPath: string, private readonly path: string, private readonly header: TraceHeader) {}

  /** Synchronous: a case must not start later because its file opens (the SUT's frames would land elsewhere). */
  static open(reportDir: string, relPath: string, header: TraceHeader): CaseTraceStream {
    const path = join(reportDir, ...relPath.split('/'));
    const writer = LineWriter.openNow(path);
    writer.push(`${JSON.stringify(redactDeep(header))}\n`);
    return new CaseTraceStream(writer, relPath, path, header);
  }

  /** Write what `recorder` has so far, then every event as it is recorded. */
  follow(recorder: Recorder): void {
    for (const e of recorder.events) this.append(e);
    this.unfollow = recorder.subscribe((e) => this.append(e));
  }

  private append(e: TraceEvent): void {
    this.writer.push(`${JSON.stringify(redactEvent(e))}\n`);
  }

  /**
   * The case was judged: close the live file and write the final one (with schema verdicts). False when
   * the disk failed; writeReports then tries again at the end.
   */
  async finish(events: readonly TraceEvent[]): Promise<boolean> {
    this.unfollow?.();
    try {
      await this.writer.close();
      await writeTraceFile(this.path, this.header, events);
      written.set(events, this.relPath);
      return true;
    } catch {
      return false;
    }
  }
}
