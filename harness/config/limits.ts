// Every bound the harness puts on what a system under test can make it hold, wait for or write, in
// one place: a name, a default and a config key (`limits.<name>` in the --config file). A hostile or
// broken SUT meets these limits, never the process's memory or stack.

export interface Limits {
  /**
   * Largest inbound frame the harness reads as OCPP-J. A larger one is not parsed: a CALL whose id
   * is readable is answered with a CALLERROR (1.6 FormationViolation), the trace keeps its first
   * `truncatedFrameChars` characters with its length and SHA-256, and it is a finding
   * (transport.frameTooLarge).
   */
  frameBytes: number;
  /** Largest frame the WebSocket accepts at all; a larger one closes the connection with 1009 (message too big). */
  socketFrameBytes: number;
  /**
   * Deepest nesting of arrays/objects a frame may have to be parsed; a deeper one is not parsed (a
   * CALL among them is answered with a CALLERROR) and is an rpc.shape finding.
   */
  nestingDepth: number;
  /** Frames of a case kept in full in its trace; later ones are kept truncated (length and SHA-256), counted and not judged. */
  framesKeptInFull: number;
  /** Bytes of frame text a case keeps in full; once spent, later frames are kept truncated like above. */
  traceBytesKeptInFull: number;
  /** Frames of a case kept at all (in full or cut); later ones are only counted (a note says how many). */
  framesKept: number;
  /** Characters kept of a frame that is over a limit. */
  truncatedFrameChars: number;
  /** Characters of a finding's requirement, expected and actual text each. */
  findingTextChars: number;
  /** Findings of one check in one case; the rest are counted in one summary finding. */
  findingsPerCheck: number;
  /** Bytes one upload (HTTP or FTP STOR/APPE, the whole resulting file) may have. */
  uploadBytesPerFile: number;
  /** Bytes all uploads of a run together may have on disk. */
  uploadBytesPerRun: number;
  /** An upload that sends nothing for this long is answered (HTTP 408, FTP 426) and dropped. */
  uploadIdleMs: number;
  /** Open WebSocket connections per charge point identity (harness as CSMS); more are refused with HTTP 503. */
  connectionsPerIdentity: number;
  /** Wall-clock time a charge point has to complete its WebSocket upgrade request (harness as CSMS). */
  handshakeMs: number;
  /** Time any harness handler may spend on one inbound CALL before the harness answers InternalError itself. */
  harnessHandlerMs: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  frameBytes: 1024 * 1024,
  socketFrameBytes: 16 * 1024 * 1024,
  nestingDepth: 64,
  framesKeptInFull: 5000,
  traceBytesKeptInFull: 16 * 1024 * 1024,
  framesKept: 20_000,
  truncatedFrameChars: 200,
  findingTextChars: 2000,
  findingsPerCheck: 100,
  uploadBytesPerFile: 64 * 1024 * 1024,
  uploadBytesPerRun: 512 * 1024 * 1024,
  uploadIdleMs: 10_000,
  connectionsPerIdentity: 4,
  handshakeMs: 10_000,
  harnessHandlerMs: 5_000,
});

/** The limits in force: the defaults, overridden field by field by `given` (e.g. the config's `limits`). */
export function resolveLimits(given: Partial<Limits> | undefined): Limits {
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(given ?? {})) {
    if (key in limits && typeof value === 'number' && Number.isFinite(value) && value > 0) {
      (limits as unknown as Record<string, number>)[key] = value;
    }
  }
  // A frame the socket accepts must at least reach the OCPP-J reading limit.
  limits.socketFrameBytes = Math.max(limits.socketFrameBytes, limits.frameBytes);
  return limits;
}

/** How a limit is named to the user: its config key and value. */
export function limitName(key: keyof Limits, limits: Limits): string {
  return `limits.${key} = ${limits[key]}`;
}
