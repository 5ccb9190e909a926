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

/** The one shape of every version's rule: its own table's codes, and another version's spellings of them. */
export function classifyErrorCode(code: string, exact: readonly string[], table: readonly string[], otherSpellings: Record<string, string>): ErrorCodeClass {
  if (exact.includes(code)) return 'exact';
  if (table.includes(code)) return 'other-code';
  // Own keys only: a code such as "constructor" is no spelling of anything.
  if (Object.hasOwn(otherSpellings, code)) return 'later-spelling';
  return 'not-a-code';
}

/** The finding level of a class: none when exact, MUST for no code of the version, SHOULD otherwise. */
export function levelOfErrorCodeClass(c: ErrorCodeClass): 'MUST' | 'SHOULD' | undefined {
  return c === 'exact' ? undefined : c === 'not-a-code' ? 'MUST' : 'SHOULD';
}
