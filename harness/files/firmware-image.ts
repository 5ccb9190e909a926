// Deterministic firmware images for firmware cases: the same size, version and seed always give the
// same bytes (so an expected SHA-256 can be written down), and an image can check itself, so a
// charge point model (or a real charger's test hook) can tell a good image from a corrupt one.
//
// Layout (big-endian):  "OCPPHFW1" | u32 total length | u8 version length | version (ASCII)
//                       | pseudo-random payload | SHA-256 of everything before it (32 bytes)
import { createHash } from 'node:crypto';
import { endianness } from 'node:os';

const MAGIC = Buffer.from('OCPPHFW1', 'latin1');
const DIGEST_BYTES = 32;

export interface FirmwareImageOptions {
  /** Total size in bytes, header and trailer included. */
  bytes: number;
  /** Version string carried in the header (ASCII, at most 255 bytes). Default "1.0.0". */
  version?: string;
  /** Payload seed: different seeds give different images of the same size. Default 1. */
  seed?: number;
}

export type FirmwareCheck = { valid: true; version: string } | { valid: false; reason: string };

/** Smallest image for a version: header and trailer without payload. */
export function minimumImageBytes(version = '1.0.0'): number {
  return MAGIC.length + 4 + 1 + Buffer.byteLength(version, 'latin1') + DIGEST_BYTES;
}

export function firmwareImage(options: FirmwareImageOptions): Buffer {
  const version = options.version ?? '1.0.0';
  const versionBytes = Buffer.from(version, 'latin1');
  if (versionBytes.length > 255 || !/^[\x20-\x7e]*$/.test(version)) throw new RangeError('firmware version: printable ASCII, at most 255 characters');
  const total = options.bytes;
  if (!Number.isInteger(total) || total < minimumImageBytes(version)) {
    throw new RangeError(`firmware image of ${total} bytes: needs at least ${minimumImageBytes(version)} for version "${version}"`);
  }
  const image = Buffer.alloc(total);
  let at = MAGIC.copy(image, 0);
  at = image.writeUInt32BE(total, at);
  at = image.writeUInt8(versionBytes.length, at);
  at += versionBytes.copy(image, at);
  fillPseudoRandom(image.subarray(at, total - DIGEST_BYTES), options.seed ?? 1);
  createHash('sha256').update(image.subarray(0, total - DIGEST_BYTES)).digest().copy(image, total - DIGEST_BYTES);
  return image;
}

/**
 * The same image with one payload byte changed: same size, wrong checksum. For "InstallationFailed":
 * the download succeeds, the check fails.
 */
export function corruptFirmwareImage(image: Uint8Array): Buffer {
  const copy = Buffer.from(image);
  const at = Math.floor(copy.length / 2);
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  return copy;
}

/** The first `bytes` of an image (default: half): an image whose tail never arrived. */
export function truncatedFirmwareImage(image: Uint8Array, bytes = Math.floor(image.length / 2)): Buffer {
  return Buffer.from(image.subarray(0, Math.max(0, Math.min(bytes, image.length))));
}

/** Whether bytes form an intact image made by firmwareImage(), and its version. */
export function checkFirmwareImage(data: Uint8Array): FirmwareCheck {
  const image = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (image.length < MAGIC.length + 5 + DIGEST_BYTES) return { valid: false, reason: `${image.length} bytes is too short for an image` };
  if (!image.subarray(0, MAGIC.length).equals(MAGIC)) return { valid: false, reason: 'not an ocpp-harness firmware image (bad magic)' };
  const declared = image.readUInt32BE(MAGIC.length);
  if (declared !== image.length) return { valid: false, reason: `header says ${declared} bytes, got ${image.length}` };
  const versionLength = image.readUInt8(MAGIC.length + 4);
  const versionEnd = MAGIC.length + 5 + versionLength;
  if (versionEnd > image.length - DIGEST_BYTES) return { valid: false, reason: 'version runs into the checksum' };
  const expected = createHash('sha256').update(image.subarray(0, image.length - DIGEST_BYTES)).digest();
  if (!expected.equals(image.subarray(image.length - DIGEST_BYTES))) return { valid: false, reason: 'checksum mismatch (corrupt image)' };
  return { valid: true, version: image.subarray(MAGIC.length + 5, versionEnd).toString('latin1') };
}

/** xorshift32: fast, seedable, and the same bytes on every platform. Not cryptographic; need not be. */
function fillPseudoRandom(target: Buffer, seed: number): void {
  let state = (seed >>> 0) || 0x9e3779b9; // xorshift must not start at 0
  const words = new Uint32Array(Math.ceil(target.length / 4));
  for (let i = 0; i < words.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    words[i] = state >>> 0;
  }
  const bytes = Buffer.from(words.buffer);
  if (endianness() === 'BE') bytes.swap32(); // the words are defined little-endian
  bytes.copy(target, 0, 0, target.length);
}
