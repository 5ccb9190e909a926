// Graded verdicts (Autobahn / h2spec style).

export type Verdict =
  | 'PASS'
  | 'FAIL'
  | 'NON_STRICT'
  | 'NOT_APPLICABLE'
  | 'INCONCLUSIVE'
  | 'EXPECTED_FAIL';

export const VERDICTS: readonly Verdict[] = [
  'PASS', 'FAIL', 'NON_STRICT', 'NOT_APPLICABLE', 'INCONCLUSIVE', 'EXPECTED_FAIL',
];
