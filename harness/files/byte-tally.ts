// Counts and hashes bytes as they move, so a record states exactly what went over the wire,
// without keeping a second copy of a large image.
import { createHash, type Hash } from 'node:crypto';

export class ByteTally {
  bytes = 0;
  private readonly hash: Hash = createHash('sha256');
  private digestHex: string | undefined;

  add(chunk: Uint8Array): void {
    if (this.digestHex !== undefined) throw new Error('ByteTally: add after digest');
    this.bytes += chunk.length;
    this.hash.update(chunk);
  }

  /** Hex SHA-256 of everything added; may be asked more than once. */
  get sha256(): string {
    this.digestHex ??= this.hash.digest('hex');
    return this.digestHex;
  }
}

export function sha256Hex(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
