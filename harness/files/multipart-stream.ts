// multipart/form-data read as it arrives: each part's content goes to a spool file of its own, so a
// 60 MiB form costs a chunk of memory, not 60 MiB. Same reading as parseMultipart (multipart.ts): a
// preamble is skipped, line breaks may be CRLF or LF, the file is the first part with a file name.
import { ByteTally } from './byte-tally.js';
import { describePart, findHeaderEnd, parseHeaders, type FormPart } from './multipart.js';
import type { SpoolRefusal, UploadWriter } from './upload-spool.js';

export interface StreamedPart extends Omit<FormPart, 'content'> {
  writer: UploadWriter;
  tally: ByteTally;
}

/** Headers of a part, or the preamble before the first boundary, may not be longer than this. */
const MAX_HEAD_BYTES = 64 * 1024;

export class MultipartStream {
  private readonly delimiter: Buffer;
  /** Delimiter as it ends a part's content: after a line break. */
  private readonly closing: Buffer;
  private buffer: Buffer = Buffer.alloc(0);
  private state: 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done' = 'preamble';
  private current: StreamedPart | undefined;
  readonly parts: StreamedPart[] = [];
  /** Why the body is not a form we can read (set once; later input is ignored). */
  failure: string | undefined;
  refusal: SpoolRefusal | undefined;

  constructor(boundary: string, private readonly newWriter: () => UploadWriter) {
    this.delimiter = Buffer.from(`--${boundary}`);
    this.closing = Buffer.from(`\n--${boundary}`);
  }

  get complete(): boolean {
    return this.state === 'done';
  }

  write(chunk: Buffer): void {
    if (this.failure || this.refusal || this.state === 'done') return;
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    this.advance();
  }

  /** The body ended: what is missing is a failure. */
  end(): void {
    if (this.failure || this.refusal || this.state === 'done') return;
    this.failure = this.state === 'preamble' && !this.parts.length
      ? `no boundary "${this.delimiter.subarray(2).toString('latin1')}" in the body`
      : this.state === 'headers' ? 'a part without the blank line that ends its headers'
        : 'the body ends inside a part (no closing boundary): truncated upload?';
  }

  /** Forget every part's spool file except `keep`. */
  discardAll(keep?: StreamedPart): void {
    for (const p of this.parts) if (p !== keep) p.writer.discard();
  }

  private advance(): void {
    for (;;) {
      if (this.state === 'preamble') {
        const at = this.buffer.indexOf(this.delimiter);
        if (at < 0) {
          if (this.buffer.length > MAX_HEAD_BYTES) this.failure = 'no boundary in the first 64 KiB of the body';
          // Keep what could be the start of a delimiter split across chunks.
          else this.buffer = this.buffer.subarray(Math.max(0, this.buffer.length - this.delimiter.length));
          return;
        }
        this.buffer = this.buffer.subarray(at + this.delimiter.length);
        this.state = 'after-delimiter';
      }
      if (this.state === 'after-delimiter') {
        if (this.buffer.length < 2) return;
        if (this.buffer[0] === 0x2d && this.buffer[1] === 0x2d) {
          this.state = 'done';
          return;
        }
        if (this.buffer[0] === 0x0d && this.buffer[1] === 0x0a) this.buffer = this.buffer.subarray(2);
        else if (this.buffer[0] === 0x0a) this.buffer = this.buffer.subarray(1);
        this.state = 'headers';
      }
      if (this.state === 'headers') {
        const end = findHeaderEnd(this.buffer, 0);
        if (!end) {
          if (this.buffer.length > MAX_HEAD_BYTES) this.failure = 'part headers longer than 64 KiB';
          return;
        }
        const headers = parseHeaders(this.buffer.subarray(0, end.start).toString('utf8'));
        this.current = { ...describePart(headers), writer: this.newWriter(), tally: new ByteTally() };
        this.parts.push(this.current);
        this.buffer = this.buffer.subarray(end.end);
        this.state = 'body';
      }
      if (this.state === 'body') {
        const at = this.buffer.indexOf(this.closing);
        if (at < 0) {
          // Everything but what could start a delimiter split across chunks (and a CR before it) is content.
          const safe = Math.max(0, this.buffer.length - this.closing.length - 1);
          if (!this.emit(this.buffer.subarray(0, safe))) return;
          this.buffer = this.buffer.subarray(safe);
          return;
        }
        const contentEnd = at > 0 && this.buffer[at - 1] === 0x0d ? at - 1 : at;
        if (!this.emit(this.buffer.subarray(0, contentEnd))) return;
        this.buffer = this.buffer.subarray(at + this.closing.length);
        this.current = undefined;
        this.state = 'after-delimiter';
        continue;
      }
      return;
    }
  }

  private emit(content: Buffer): boolean {
    if (!content.length || !this.current) return true;
    const refused = this.current.writer.write(content);
    if (refused) {
      this.refusal = refused;
      return false;
    }
    this.current.tally.add(content);
    return true;
  }
}
