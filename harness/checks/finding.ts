// A failure explains itself: requirement, expected, actual, step, stable check id, evidence.

/** MUST broken -> FAIL; SHOULD or tolerated spelling -> NON_STRICT; INFO -> measurement only. */
export type FindingLevel = 'MUST' | 'SHOULD' | 'INFO';

export type OcttAxis = 'fails' | 'not-checked';

export interface Finding {
  /** Stable id, `<area>.<rule>`, e.g. `timing.notBefore`. Listed in harness/checks/catalogue.ts. */
  checkId: string;
  level: FindingLevel;
  /** OCTT step number the finding belongs to, when it belongs to one. */
  step?: number;
  /** What the specification requires, in our words, with a reference. */
  requirement: string;
  expected: string;
  actual: string;
  /** Trace sequence numbers of the frames/events that show it. */
  evidence: number[];
  /**
   * The second axis: would the OCTT's own tool validation fail this too? `fails`: a validation of the
   * case's table (or §1.2, every message complies with the schemas) catches it; `not-checked`: only we
   * check it (a spec MUST or a declared deviation). Set on every finding by the judge.
   */
  octt?: OcttAxis;
}
