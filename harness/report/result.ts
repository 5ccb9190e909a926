// The result model every report is written from (results.json is this, serialised).
import type { Finding } from '../checks/finding.js';
import type { OcppVersion, Sut, TraceEvent } from '../trace/types.js';
import type { Verdict } from './verdict.js';
import type { Deviation } from '../dsl/octt.js';
import type { Profile } from '../dsl/profiles.js';

export interface StepResult {
  step: number;
  title: string;
  /** ms since case start */
  startMs: number;
  endMs?: number;
  status: 'passed' | 'failed' | 'aborted';
}

export interface CaseResult {
  id: string;
  title: string;
  ocpp: OcppVersion;
  profile: Profile;
  sut: Sut;
  purpose: string;
  refs: string[];
  /** How the steps were obtained, e.g. "derived from the specification" — shown in the report. */
  provenance: string;
  /** The official table the case follows: `OCTT 1.6 TCD 2024-04, Table 11` (absent for our own cases). */
  octtTable?: string;
  /** Which revision of the OCTT document the steps follow. */
  octtRevision?: '2024-04' | 'newer revision';
  /** Other ids the case answers to (the 2024-04 id of a case a newer revision split). */
  aliases?: string[];
  /** What the case checks beyond its table, and why. */
  deviations?: Deviation[];
  verdict: Verdict;
  /** Why the verdict, in one line (always set for NOT_APPLICABLE, INCONCLUSIVE, EXPECTED_FAIL). */
  reason?: string;
  /**
   * For NOT_APPLICABLE: by declaration (`declaration` names it: "features" when the whole profile is not
   * declared), by the SUT control (it lacks `actions`), by the operator (typed "skip" at a prompt for
   * `actions`), or by the case itself (the charger's own configuration rules it out). Only declaration
   * and case are a verdict on the SUT; control and operator mean the case did not run.
   */
  notApplicable?: NotApplicableBy;
  startedAt: string;
  durationMs: number;
  steps: StepResult[];
  findings: Finding[];
  /** Full wire trace; written to traces/<id>.jsonl, not inlined in results.json. */
  trace: TraceEvent[];
  /** Relative path of the trace file inside the report directory. */
  traceFile?: string;
}

export type NotApplicableBy =
  | { by: 'declaration'; declaration?: string }
  | { by: 'control' | 'operator'; actions?: string[] }
  /** The run's own configuration does not reach the case (e.g. it needs another security profile): not run. */
  | { by: 'configuration' }
  | { by: 'case' };

/** Why a case of the catalogue has no result: left out by --cases/--exclude/--profile, or the run was interrupted. */
export interface NotRunCase {
  id: string;
  title: string;
  profile: Profile;
  sut: Sut;
  /** not-written: a table of the certification list the harness has no case for yet (a lab would run it). */
  why: 'filter' | 'interrupted' | 'not-written';
}

/**
 * ready: every case the declaration makes applicable ran and passed.
 * not ready: a FAIL (NON_STRICT in a strict run), or a NON_STRICT the OCTT's tool validation fails.
 * incomplete: nothing failed, but applicable cases did not run (control, operator, filter,
 *   interruption) or could not be judged (INCONCLUSIVE).
 * not declared: the profile is not in `features` for this side; none of its cases apply.
 */
export type ReadinessStatus = 'ready' | 'not ready' | 'incomplete' | 'not declared';

/** An applicable case that did not run or was not judged, and what would let it run. */
export interface UnrunCase {
  id: string;
  why: 'control' | 'operator' | 'configuration' | 'filter' | 'interrupted' | 'inconclusive' | 'not-written';
  /** SUT control actions it needs (control / operator). */
  actions?: string[];
}

export interface ReadinessRow {
  status: ReadinessStatus;
  profile: Profile;
  sut: Sut;
  counts: Record<Verdict, number>;
  failed: string[];
  /** NON_STRICT here, but a finding the OCTT's tool validation fails: not ready for the lab. */
  octtFails?: string[];
  /** Applicable cases that did not run or were not judged. */
  notRun: UnrunCase[];
}

export interface RunResult {
  tool: { name: string; version: string };
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** True when the run was interrupted (Ctrl-C) before every selected case ran. */
  interrupted: boolean;
  strict: boolean;
  /** --require-complete: an incomplete declared profile makes the exit code 2. */
  requireComplete?: boolean;
  selection: { ocpp: OcppVersion; sut: Sut[]; profiles: string[]; cases?: string[]; exclude?: string[] };
  /** Errata overlay entries that were in force for schema validation. */
  errata: { id: string; source: string; appliesTo: string }[];
  summary: Record<Verdict, number> & { total: number };
  cases: CaseResult[];
  /** Catalogue cases of the profiles and sides in this run that have no result (filtered out or interrupted). */
  notRun?: NotRunCase[];
}
