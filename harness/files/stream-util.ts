// Writing a large buffer to a socket or response at the pace the peer reads it.
import type { Writable } from 'node:stream';
import type { ByteTally } from './byte-tally.js';

const CHUNK_BYTES = 64 * 1024;

/**
 * Write `content[from, to)` in chunks, waiting for 'drain' when the peer is slow. Counts what was
 * handed to the connection in `tally`. False when the connection closed before everything went.
 */
export async function pumpBytes(out: Writable, content: Buffer, from: number, to: number, tally: ByteTally): Promise<boolean> {
  for (let pos = from; pos < to; pos += CHUNK_BYTES) {
    if (out.destroyed || out.writableEnded) return false;
    const chunk = content.subarray(pos, Math.min(to, pos + CHUNK_BYTES));
    tally.add(chunk);
    if (!out.write(chunk) && !(await drained(out))) return false;
  }
  return !out.destroyed;
}

/** Resolves true on 'drain', false when the stream closes or fails first. */
export function drained(out: Writable): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (ok: boolean) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onClose);
      resolve(ok);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onClose);
  });
}
