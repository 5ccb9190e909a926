// How a CALLERROR code stands against what a case expects: each version's rule sorts codes into these.

/** How a CALLERROR code stands against the code(s) a case expects. */
export type ErrorCodeClass =
  /** One of the codes the situation calls for. */
  | 'exact'
  /** Another code of the version's own table: a refusal, with a defensible but not the best reading. */
  | 'other-code'
  /** Another version's spelling of a code of the version's table (1.6 FormationViolation vs 2.0.1 FormatViolation). */
  | 'later-spelling'
  /** No code of the version at all (another version's code, or an invented one). */
  | 'not-a-code';
