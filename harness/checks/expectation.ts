// What a case expects, as plain data recorded in the trace. Evaluated by evaluate-expectations.ts.
import type { ExpectedAnswer } from '../fuzz/corpus.js';
import type { Matcher } from './match.js';
import type { SecurityExpectation } from './security-expectation.js';

export type { SecurityExpectation };

export interface TimeWindow {
  /** Trace seq of the event the window is measured from. */
  anchorSeq: number;
  /** Earliest allowed arrival after the anchor (ms), when there is one. */
  minMs?: number;
  /** Latest allowed arrival after the anchor (ms). */
  maxMs: number;
  toleranceMs: number;
  /** Extra time we keep looking past maxMs + tolerance, to tell "late" from "never". */
  graceMs: number;
}

interface Common {
  step?: number;
  /** What the specification requires, with its reference. */
  requirement: string;
  level?: 'MUST' | 'SHOULD';
  /**
   * Whether this is a tool validation of the case's OCTT table (its findings: "OCTT fails this").
   * Default: `fails` at MUST level, `not-checked` at SHOULD level.
   */
  octt?: 'fails' | 'not-checked';
}

/** The system under test sends a CALL. */
export interface CallExpectation extends Common {
  type: 'call';
  action: string;
  /** Only frames on this connection count (a reboot opens a new one). */
  conn?: number;
  /** Which inbound CALLs of that action count (e.g. connectorId 1). */
  where?: Matcher;
  /** What the first counted CALL must carry. */
  match?: Matcher;
  /** Only frames after this seq count. */
  afterSeq: number;
  /** Frames an earlier expectation of the case already took: they do not count again. */
  exclude?: number[];
  window: TimeWindow;
  /** Level of timing findings when it differs from `level` (e.g. a SHOULD NOT send earlier). */
  timingLevel?: 'MUST' | 'SHOULD';
  /** OCTT axis of timing findings when it differs (a time bound the table does not give). */
  timingOctt?: 'fails' | 'not-checked';
  /**
   * Level of a `match` mismatch when it differs from `level`: the CALL must arrive (MUST) but what it
   * carries is only checked at SHOULD (a SHOULD mismatch is ours: OCTT axis not-checked).
   */
  matchLevel?: 'MUST' | 'SHOULD';
  /** Inbound CALLs that must not arrive meanwhile. '*' = every action but the expected one (and its alternatives). */
  forbid?: { actions: string[] | '*'; except?: string[]; why: string };
  /**
   * Other messages the specification lets the system under test send instead, each with its own `where`
   * and `match` — e.g. OCPP 2.0.1 lets a connector status change be a NotifyEvent of AvailabilityState as
   * well as a StatusNotification (Part 2 G01.FR.03–07). The first CALL of any form counts.
   */
  alternatives?: CallForm[];
}

/** One form of an expected CALL: its action, which of its CALLs count, and what the counted one must carry. */
export interface CallForm {
  action: string;
  where?: Matcher;
  match?: Matcher;
}

/**
 * The system under test sends none of the `forbid` requests between two events, e.g. between its
 * BootNotification.req and our answer to it (§4.2). Unlike `forbid` of a CallExpectation, the span is
 * given by seqs, not ended by a match.
 */
export interface QuietExpectation extends Common {
  type: 'quiet';
  /** Only frames on this connection count. */
  conn?: number;
  /** Frames after this seq… */
  afterSeq: number;
  /** …and before this one count. */
  beforeSeq: number;
  forbid: { actions: string[] | '*'; except?: string[]; why: string };
}

/** The system under test answers our CALL with a CALLRESULT that carries these fields. */
export interface ResultExpectation extends Common {
  type: 'callResult';
  /** Trace seq of our CALL frame. */
  callSeq: number;
  action: string;
  match?: Matcher;
}

/** The system under test answers our (deliberately bad) CALL with a CALLERROR. */
export interface ErrorExpectation extends Common {
  type: 'callError';
  callSeq: number;
  /** The code(s) the specification prescribes. */
  exact: string[];
  /**
   * Older traces carry a per-case list here; it is no longer read: the version's one tolerance rule
   * (classifyErrorCode16) decides which other codes are NON_STRICT.
   */
  tolerated?: string[];
  /**
   * The receiver is allowed to drop this CALL instead of answering it (OCPP-J 2.0.1 §4.2.3 for a CALL
   * that is invalid OCPP or not conform the schema): no answer is then judged at SHOULD, with this reason.
   */
  mayDrop?: string;
}

/**
 * The system under test reports meter values for a connector (§3.16, §4.7): while the case observed,
 * between afterSeq and untilSeq. Evaluated by meter-values-expectation.ts.
 */
export interface MeterValuesExpectation extends Common {
  type: 'meterValues';
  connectorId: number;
  /** Only MeterValues.req of this transaction count (absent: any, with or without a transactionId). */
  transactionId?: number;
  /** Only frames on this connection count. */
  conn?: number;
  /** Only frames after this seq count. */
  afterSeq: number;
  /** …and up to this seq: where the case stopped observing. */
  untilSeq: number;
  /** Frames an earlier expectation of the case already took. */
  exclude?: number[];
  /** sampled: MeterValueSampleInterval (periodic from the start of the transaction); clockAligned: ClockAlignedDataInterval. */
  mode: 'sampled' | 'clockAligned';
  intervalS: number;
  toleranceMs: number;
  /** The configured measurands (MeterValuesSampledData / MeterValuesAlignedData): each must be present, no other. */
  measurands: string[];
  /** The ReadingContext the readings must carry: Sample.Periodic (sampled) or Sample.Clock (clockAligned). */
  context: string;
  /** At least this many readings (meterValue elements) must have arrived. */
  minCount: number;
  /** Level of the findings about when frames arrived, when it differs from `level`. */
  arrivalLevel?: 'MUST' | 'SHOULD';
  /** OCTT axis of the findings about when frames arrived, when it differs (a table that judges only meterValue.timestamp). */
  arrivalOctt?: 'fails' | 'not-checked';
}

/**
 * A file transfer (§8) that completed, judged from the `file-transfer` events between afterSeq and
 * untilSeq. Evaluated by transfer-expectation.ts. Two sides:
 * - harnessRole 'client' (default, CSMS under test): the harness, as a charge point, fetched firmware from
 *   (or uploaded diagnostics to) the location the system under test gave in UpdateFirmware.req /
 *   GetDiagnostics.req;
 * - harnessRole 'server' (charge point under test): the charge point fetched firmware from (or uploaded
 *   diagnostics to) the harness's own file servers, as its status notifications claim.
 */
export interface TransferExpectation extends Common {
  type: 'transfer';
  /** download: firmware from the location; upload: diagnostics to it. */
  direction: 'download' | 'upload';
  /** The location as the system under test gave it (client), or as the harness gave it (server). */
  location: string;
  /** Only transfers recorded after this seq count… */
  afterSeq: number;
  /** …and up to this seq. */
  untilSeq: number;
  /** Whose transfers count: the harness's as client (default) or the system under test's, served by the harness. */
  harnessRole?: 'client' | 'server';
  /** Only transfers of this path count; a path ending in '/' covers everything beneath that directory. */
  path?: string;
  /** A completed upload counts only under this file name (e.g. the fileName of GetDiagnostics.conf). */
  filename?: string;
  /** A completed transfer counts only with at least this many bytes (e.g. the whole firmware image). */
  minBytes?: number;
  /** completed (default): one such transfer completed; attempted: one was made, whatever its outcome. */
  outcome?: 'completed' | 'attempted';
  /** What the system under test claimed about the transfer, for the finding (e.g. "FirmwareStatusNotification Downloaded, frame #14"). */
  claim?: string;
}

/**
 * Fuzzing: the harness sent one hostile frame (event `sentSeq`); what the system under test owes it, as
 * the corpus entry and the version's rules say, judged over the frames up to `untilSeq`.
 */
export interface FuzzExpectation extends Common {
  type: 'fuzz';
  /** The corpus entry (harness/fuzz/corpus.ts). */
  entry: string;
  sentSeq: number;
  untilSeq: number;
  owed: ExpectedAnswer;
  /** The message id the answer must carry (the frame's own, or "-1" when it cannot be read). */
  answerId?: string;
  /** How binding a CALLRESULT to it is: MUST only where the version demands a CALLERROR (1.6 errata §3.3 for a schema-invalid or unknown request). */
  acceptedLevel: 'MUST' | 'SHOULD';
}

/**
 * Harness = CSMS: the charge point's connection attempts (an upgrade the harness accepted or refused) after
 * event `anchorSeq` (e.g. the close of its connection). The `nth` attempt comes no sooner than `minMs` after
 * the previous point (the anchor for the first attempt, the attempt before it otherwise), and, with
 * `minFactor`, no sooner than that factor times the previous gap (a doubled back-off, OCPP-J 2.0.1 §5.3).
 */
export interface ReconnectExpectation extends Common {
  type: 'reconnect';
  anchorSeq: number;
  nth: number;
  minMs?: number;
  minFactor?: number;
  toleranceMs: number;
}

export type Expectation = CallExpectation | QuietExpectation | ResultExpectation | ErrorExpectation | MeterValuesExpectation | TransferExpectation | SecurityExpectation | FuzzExpectation | ReconnectExpectation;
