// A frame over a limit, as the trace keeps it: its first characters, its length and its SHA-256, so
// the report can say what came without holding it.
import { createHash } from 'node:crypto';
import type { TruncatedFrame } from './types.js';

export interface CutFrame {
  raw: string;
  truncated: TruncatedFrame;
}

/** `raw` is the frame as recorded (base64 for a binary frame); length and hash are of the original bytes. */
export function cutFrame(raw: string, binary: boolean, limit: TruncatedFrame['limit'], keepChars: number): CutFrame {
  const bytes = binary ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  return cutBytes(bytes, binary, limit, keepChars);
}

/** The same from the received bytes (the transport has them before any text is made of them). */
export function cutBytes(bytes: Buffer, binary: boolean, limit: TruncatedFrame['limit'], keepChars: number): CutFrame {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Cut the bytes first: decoding a 4 MiB frame to text only to keep 512 characters of it is waste.
  const head = bytes.subarray(0, binary ? Math.ceil(keepChars * 3 / 4) : keepChars * 4);
  const text = binary ? head.toString('base64') : head.toString('utf8');
  return { raw: text.slice(0, keepChars), truncated: { limit, bytes: bytes.length, sha256 } };
}
