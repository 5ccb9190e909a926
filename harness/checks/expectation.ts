// What a case expects, as plain data recorded in the trace. Evaluated by evaluate-expectations.ts.
import type { Matcher } from './match.js';

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
  /** Inbound CALLs that must not arrive meanwhile. '*' = every action but the expected one. */
  forbid?: { actions: string[] | '*'; except?: string[]; why: string };
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
  /** Other spellings or codes that are defensible: NON_STRICT. Anything else: FAIL. */
  tolerated: string[];
}

export type Expectation = CallExpectation | ResultExpectation | ErrorExpectation;
