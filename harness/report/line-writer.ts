// Text files written a line at a time with backpressure: a report is never built as one string
// (V8 strings end near 512 MiB: "Invalid string length"), and memory stays at one line plus the
// stream's buffer however long the file gets.
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export class LineWriter {
  private readonly out: WriteStream;
  private failure: Error | undefined;

  private constructor(path: string) {
    this.out = createWriteStream(path, { encoding: 'utf8' });
    this.out.on('error', (err) => { this.failure ??= err; });
  }

  static async open(path: string): Promise<LineWriter> {
    await mkdir(dirname(path), { recursive: true });
    return new LineWriter(path);
  }

  /** The same without yielding to the event loop (the file itself opens in the background). */
  static openNow(path: string): LineWriter {
    mkdirSync(dirname(path), { recursive: true });
    return new LineWriter(path);
  }

  /** The first write error, if any (a full disk); later writes are then dropped. */
  get error(): Error | undefined {
    return this.failure;
  }

  /** Lines push() dropped because the disk fell behind. */
  dropped = 0;

  /**
   * Queue `text` without waiting (for writers called synchronously, e.g. from a trace listener). While
   * more than `maxQueued` bytes wait for the disk the line is dropped and counted instead: a flood must
   * not pile up in memory (the caller writes a complete file later).
   */
  push(text: string, maxQueued = 4 << 20): boolean {
    if (this.failure || this.out.destroyed) return false;
    if (this.out.writableLength > maxQueued) {
      this.dropped += 1;
      return false;
    }
    this.out.write(text);
    return true;
  }

  /** Write `text`, waiting while the stream's buffer is full. */
  async write(text: string): Promise<void> {
    if (this.failure || this.out.destroyed) return;
    if (!this.out.write(text)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.out.off('drain', done);
          this.out.off('error', done);
          this.out.off('close', done);
          resolve();
        };
        this.out.on('drain', done);
        this.out.on('error', done);
        this.out.on('close', done);
      });
    }
  }

  /** Flush and close; rejects with the first write error. */
  async close(): Promise<void> {
    if (!this.out.destroyed) {
      await new Promise<void>((resolve) => this.out.end(() => resolve()));
    }
    if (this.failure) throw this.failure;
  }
}

/** Writes `lines` (each without its newline) to `path`, one at a time. */
export async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const writer = await LineWriter.open(path);
  try {
    for (const line of lines) await writer.write(`${line}\n`);
  } finally {
    await writer.close();
  }
}
