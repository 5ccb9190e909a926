// The trace is the truth: every event of a case, in order, with a monotonic timestamp.
// Checks are pure functions over these events, so a saved trace can be re-judged offline.

export type OcppVersion = '1.6' | '2.0.1';
export type Sut = 'ChargePoint' | 'Csms';
/** Direction seen from the harness: 'in' = sent by the system under test. */
export type Direction = 'in' | 'out';

export interface TraceEventBase {
  /** Position in the trace, 0-based, dense. */
  seq: number;
  /** Milliseconds since the case started (monotonic clock, fractional). */
  t: number;
  /** Wall-clock time, ISO 8601, for display only. */
  wall: string;
  /** Connection id within the run (0, 1, …); absent for events that belong to no connection. */
  conn?: number;
}

export interface ConnectionOpenEvent extends TraceEventBase {
  kind: 'ws-open';
  /** Request path of the WebSocket upgrade (CSMS side) or URL dialled (charge point side). */
  url: string;
  identity: string;
  offeredProtocols: string[];
  chosenProtocol: string | null;
  /** Authorization header as received, redacted before it is written to disk. */
  authorization?: string;
  remoteAddress?: string;
  /** Harness = CSMS: whether the upgrade came over TLS (wss://); the harness listens on plain ws:// today. */
  secure?: boolean;
  /** Harness = CSMS: whether the harness was configured with a basicAuthPassword (security profile 1). */
  basicAuthExpected?: boolean;
  /** True when the connection was already open when the case started. */
  inherited?: boolean;
  /** The TLS facts of a wss:// connection (security profiles 2 and 3); absent on plain ws://. */
  tls?: TlsFacts;
  /** The security profile the harness ran this endpoint at (0–3), when configured. */
  securityProfile?: number;
}

/** A certificate as the trace keeps it: what a check needs, never the key. */
export interface TraceCertificate {
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  /** SHA-256 of the DER, upper-case hex with colons. */
  fingerprint256: string;
  subjectAltName?: string;
  /** The certificate's key: `RSA-2048`, `EC-P256` (for the whitepaper's key-size rules, A00.FR.502/503). */
  publicKey?: string;
}

/** What one TLS handshake showed, from the harness's side of it. */
export interface TlsFacts {
  /** The harness was the TLS server (harness = CSMS) or the client (harness = charge point). */
  harnessSide: 'server' | 'client';
  /** Negotiated version, e.g. TLSv1.2; absent when the handshake failed before agreeing one. */
  protocol?: string;
  /** Negotiated suite: OpenSSL name and IANA name. */
  cipher?: { name: string; standardName?: string };
  /** SNI: the server name the client asked for (absent for an IP address, RFC 6066 §3). */
  servername?: string;
  /** The other end's certificate (the charger's client certificate, or the CSMS's server certificate). */
  peerCertificate?: TraceCertificate;
  /** Harness = server: whether the client presented a certificate at all. */
  clientCertificatePresented?: boolean;
  /** Chain verification against the configured CA: `ok`, or the OpenSSL / Node error code. */
  chain?: 'ok' | string;
  /** Harness = client: the host name check (ok, or why not). */
  hostCheck?: 'ok' | string;
}

/** One TLS handshake, established or failed (a failed one has no ws-open after it). */
export interface TlsHandshakeEvent extends TraceEventBase {
  kind: 'tls';
  outcome: 'established' | 'refused' | 'failed';
  facts: TlsFacts;
  remoteAddress?: string;
  /** Why it was refused by the harness or failed (the error code first, e.g. CERT_HAS_EXPIRED). */
  error?: { code?: string; message: string };
  /**
   * Harness = charge point: a handshake made only to see whether the CSMS supports one cipher suite of
   * the whitepaper (OCTT Tables 190/191 step 2/3); `host` is the host dialled (the CN it must name).
   */
  probe?: { suite: string; host: string };
}

export interface ConnectionCloseEvent extends TraceEventBase {
  kind: 'ws-close';
  code: number;
  reason: string;
  /** Who closed: the harness on purpose, or the peer (system under test). */
  by: 'harness' | 'peer';
}

export interface ConnectionErrorEvent extends TraceEventBase {
  kind: 'ws-error';
  message: string;
  /** Stable error code from the WebSocket layer (e.g. WS_ERR_UNSUPPORTED_MESSAGE_LENGTH). */
  code?: string;
  /** HTTP status of a refused upgrade, when there was one. */
  status?: number;
  /** Harness = charge point: a dial whose outcome a security case prescribes. */
  dialVerdict?: DialVerdict;
}

/** The HTTP answer to our WebSocket upgrade request (harness = charge point). */
export interface UpgradeEvent extends TraceEventBase {
  kind: 'http-upgrade';
  url: string;
  status: number;
  offeredProtocols: string[];
  /** Sec-WebSocket-Protocol of the response, null when absent. */
  chosenProtocol: string | null;
  /**
   * Only for a handshake probe (a connection opened to watch the handshake, not to talk OCPP): ms from
   * the 101 until the CSMS closed the connection, or null when it was still open when the probe gave up.
   */
  closedByPeerAfterMs?: number | null;
  /** A dial whose outcome a security case prescribes (judged as `security.refusal`). */
  dialVerdict?: DialVerdict;
}

/**
 * What the CSMS under test must do with one dial: refuse it (a wrong password, a client certificate it must
 * not trust, plain ws:// at a TLS profile: a 101 is a finding) or accept it (a certificate it signed itself:
 * a refusal is a finding).
 */
export interface DialVerdict {
  expect: 'refused' | 'accepted';
  why: string;
  requirement: string;
  level: 'MUST' | 'SHOULD';
}

/** How the case ended, when it did not simply run to its end. */
export interface CaseEndEvent extends TraceEventBase {
  kind: 'case-end';
  abort?: { verdict: 'NOT_APPLICABLE' | 'INCONCLUSIVE'; reason: string; /** The harness itself failed: no finding of this case can be trusted. */ harnessFault?: boolean };
  /** The case stopped early because an expectation was not met or the connection was lost. */
  stoppedEarly?: string;
}

export interface FrameEvent extends TraceEventBase {
  kind: 'frame';
  dir: Direction;
  /** The text exactly as sent or received (binary frames are stored as base64 with binary=true). */
  raw: string;
  binary?: boolean;
  /** Set on frames the harness sent broken on purpose (robustness cases). */
  deliberatelyInvalid?: boolean;
  /** The harness sent it knowing the receiver may close the connection over it (fuzzing). */
  mayEndConnection?: boolean;
  /** Schema validation outcome for this frame, for display (e.g. "ok", "invalid: …"). */
  schema?: string;
  /**
   * Set when `raw` is only the start of the frame: it was over a limit (frameBytes: not read as
   * OCPP-J at all; framesKeptInFull / traceBytesKeptInFull: read live, but the trace keeps a cut copy).
   * A truncated frame is not judged from the trace.
   */
  truncated?: TruncatedFrame;
}

export interface TruncatedFrame {
  /** The limit that cut it (its config key under `limits`). */
  limit: 'frameBytes' | 'framesKeptInFull' | 'traceBytesKeptInFull';
  /** Length of the whole frame in bytes (UTF-8 text, or the binary payload). */
  bytes: number;
  /** Hex SHA-256 of the whole frame's bytes. */
  sha256: string;
}

export interface StepEvent extends TraceEventBase {
  kind: 'step';
  step: number;
  title: string;
  phase: 'start' | 'end';
}

export interface StimulusEvent extends TraceEventBase {
  kind: 'stimulus';
  action: string;
  params: Record<string, unknown>;
  outcome: 'done' | 'unsupported' | 'failed' | 'timeout' | 'pending';
  detail?: string;
  /** Set when an operator skipped the action (it did not run; not a property of the SUT). */
  by?: 'operator';
}

export interface NoteEvent extends TraceEventBase {
  kind: 'note';
  text: string;
  /** The harness now waits up to this long (ms) for what the text says (shown as a countdown). */
  waitMs?: number;
}

/**
 * The document's §1.3 general pre- and post-conditions: before its body the case establishes and
 * verifies them; after it, restores what it changed. What the system under test does inside these
 * phases is shown, never judged against the case (findings there are INFO).
 */
export interface ConditionsEvent extends TraceEventBase {
  kind: 'conditions';
  phase: 'pre' | 'post';
  edge: 'start' | 'end';
  /** At the end: what was done, and what could not be established. */
  done?: string[];
  problem?: string;
}

/**
 * A firmware or diagnostics file moved (or refused) over HTTP or FTP. Direction is the file's: a
 * download goes from the server to the client. `t` is when it ended; `startedAt` when it began.
 */
export interface FileTransferEvent extends TraceEventBase {
  kind: 'file-transfer';
  /** The harness served the file (harness = CSMS) or fetched / sent it (harness = charge point). */
  harnessRole: 'server' | 'client';
  protocol: 'http' | 'https' | 'ftp';
  direction: 'download' | 'upload';
  /** Path on the server, decoded, e.g. /firmware/fw-1.bin. */
  path: string;
  /** Name the uploader gave the file (multipart filename, or the last path segment). */
  filename?: string;
  /** HTTP method or FTP command, e.g. GET, POST multipart, RETR, STOR. */
  request: string;
  /** HTTP status or FTP reply code that settled the transfer (0 when none was exchanged). */
  status: number;
  /** Bytes actually moved (a resumed download counts from its offset). */
  bytes: number;
  /** SHA-256 (hex) of exactly those bytes. */
  sha256: string;
  /** probed: the path was only asked about (FTP SIZE, MDTM, LIST, DELE; HTTP HEAD), no file moved: an attempt all the same. */
  outcome: 'completed' | 'refused' | 'aborted' | 'probed';
  /** The other end: the client's address (harness = server) or the server's host (harness = client). */
  remoteAddress: string;
  /** Case-relative ms when the request arrived or was sent. */
  startedAt: number;
  /** Resume offset (FTP REST, HTTP Range), when not 0. */
  offset?: number;
  /** FTP login name, when there was one. */
  user?: string;
  detail?: string;
}

/** An expectation the case declared; its outcome is computed from the trace by a pure evaluator. */
export interface ExpectEvent extends TraceEventBase {
  kind: 'expect';
  expectation: import('../checks/expectation.js').Expectation;
}

export type TraceEvent =
  | ConnectionOpenEvent
  | ConnectionCloseEvent
  | ConnectionErrorEvent
  | FrameEvent
  | StepEvent
  | StimulusEvent
  | NoteEvent
  | ConditionsEvent
  | ExpectEvent
  | UpgradeEvent
  | CaseEndEvent
  | FileTransferEvent
  | TlsHandshakeEvent;

export type TraceEventInput = TraceEvent extends infer E
  ? E extends TraceEvent ? Omit<E, 'seq' | 't' | 'wall'> : never
  : never;

/** First line of a saved trace file: what is needed to re-judge it. */
export interface TraceHeader {
  kind: 'header';
  format: 'ocpp-harness-trace/1';
  caseId: string;
  title: string;
  ocpp: OcppVersion;
  sut: Sut;
  startedAt: string;
  /** The settings the checks read (timeouts, tolerance), so rejudge uses what the run used. */
  judging: JudgingSettings;
}

export interface JudgingSettings {
  responseTimeoutMs: number;
  toleranceMs: number;
  strict: boolean;
  /** limits.findingTextChars (default 2000). */
  findingTextChars?: number;
  /** limits.findingsPerCheck (default 100). */
  findingsPerCheck?: number;
  /** limits.frameBytes, named in transport.frameTooLarge findings. */
  frameBytes?: number;
}
