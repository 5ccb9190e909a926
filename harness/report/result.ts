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
   * For NOT_APPLICABLE: by declaration (features / declarations exclude it), by the SUT control (it
   * lacks `actions`), or by the case itself (the charger's own configuration rules it out).
   */
  notApplicable?: { by: 'declaration' | 'control' | 'case'; actions?: string[] };
  startedAt: string;
  durationMs: number;
  steps: StepResult[];
  findings: Finding[];
  /** Full wire trace; written to traces/<id>.jsonl, not inlined in results.json. */
  trace: TraceEvent[];
  /** Relative path of the trace file inside the report directory. */
  traceFile?: string;
}

export interface ReadinessRow {
  profile: Profile;
  sut: Sut;
  counts: Record<Verdict, number>;
  failed: string[];
  /** NON_STRICT here, but a finding the OCTT's tool validation fails: not ready for the lab. */
  octtFails?: string[];
}

export interface RunResult {
  tool: { name: string; version: string };
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** True when the run was interrupted (Ctrl-C) before every selected case ran. */
  interrupted: boolean;
  strict: boolean;
  selection: { ocpp: OcppVersion; sut: Sut[]; profiles: string[]; cases?: string[]; exclude?: string[] };
  /** Errata overlay entries that were in force for schema validation. */
  errata: { id: string; source: string; appliesTo: string }[];
  summary: Record<Verdict, number> & { total: number };
  cases: CaseResult[];
}
