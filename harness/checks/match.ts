// Field matchers as data, so an expectation can be saved in a trace and evaluated again later.

export type Scalar = string | number | boolean | null;
export type MatchValue =
  | Scalar
  | { oneOf: Scalar[]; optional?: boolean }
  | { present: boolean }
  | { not: Scalar }
  | { minimum: number }
  | { maximum: number }
  /** A date-time string (RFC 3339) no earlier than `notBefore` and no later than `notAfter` (either or both). */
  | { notBefore: string; notAfter?: string }
  | { notBefore?: string; notAfter: string }
  /**
   * An array where each of these matchers is met by at least one element, in any order (2.0.1 tool
   * validations of lists "in arbitrary order").
   */
  | { someItem: Matcher | Matcher[] }
  /** Any one of these (e.g. "the same instant as the last reading, or one interval later"). */
  | { anyOf: MatchValue[] };

/** Dotted paths into the payload (`idTagInfo.status`, `meterValue.0.timestamp`) → what they must be. */
export type Matcher = Record<string, MatchValue>;

export function valueAtPath(payload: unknown, path: string): unknown {
  let node: unknown = payload;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function describeMatchValue(expected: MatchValue): string {
  if (expected === null || typeof expected !== 'object') return JSON.stringify(expected);
  if ('anyOf' in expected) return expected.anyOf.map(describeMatchValue).join(' or ');
  if ('oneOf' in expected) return `${expected.optional ? 'absent or ' : ''}one of ${expected.oneOf.map((v) => JSON.stringify(v)).join(', ')}`;
  if ('present' in expected) return expected.present ? 'present' : 'absent';
  if ('someItem' in expected) return itemMatchers(expected.someItem).map((m) => `a list element with ${describeMatcher(m)}`).join(' and ');
  if ('not' in expected) return `not ${JSON.stringify(expected.not)}`;
  if ('minimum' in expected) return `>= ${expected.minimum}`;
  if ('notBefore' in expected || 'notAfter' in expected) {
    const { notBefore, notAfter } = expected as { notBefore?: string; notAfter?: string };
    return `a time${notBefore ? ` not before ${notBefore}` : ''}${notBefore && notAfter ? ' and' : ''}${notAfter ? ` not after ${notAfter}` : ''}`;
  }
  return `<= ${expected.maximum}`;
}

export function matchesValue(actual: unknown, expected: MatchValue): boolean {
  if (expected === null || typeof expected !== 'object') return actual === expected;
  if ('anyOf' in expected) return expected.anyOf.some((v) => matchesValue(actual, v));
  if ('oneOf' in expected) return (expected.optional === true && actual === undefined) || expected.oneOf.some((v) => v === actual);
  if ('present' in expected) return (actual !== undefined) === expected.present;
  if ('someItem' in expected) {
    return Array.isArray(actual) && itemMatchers(expected.someItem).every((m) => actual.some((item) => mismatches(item, m).length === 0));
  }
  if ('not' in expected) return actual !== expected.not;
  if ('minimum' in expected) return typeof actual === 'number' && actual >= expected.minimum;
  if ('notBefore' in expected || 'notAfter' in expected) {
    const { notBefore, notAfter } = expected as { notBefore?: string; notAfter?: string };
    const t = timeOf(actual);
    return Number.isFinite(t) && (notBefore === undefined || t >= Date.parse(notBefore)) && (notAfter === undefined || t <= Date.parse(notAfter));
  }
  return typeof actual === 'number' && actual <= expected.maximum;
}

const itemMatchers = (m: Matcher | Matcher[]): Matcher[] => (Array.isArray(m) ? m : [m]);

/** Milliseconds of a date-time string, NaN for anything else. */
function timeOf(v: unknown): number {
  return typeof v === 'string' ? Date.parse(v) : NaN;
}

/** The fields that do not match: `[path, expected text, actual value]`. Empty = match. */
export function mismatches(payload: unknown, matcher: Matcher | undefined): [string, string, unknown][] {
  if (!matcher) return [];
  const out: [string, string, unknown][] = [];
  for (const [path, expected] of Object.entries(matcher)) {
    const actual = valueAtPath(payload, path);
    if (!matchesValue(actual, expected)) out.push([path, describeMatchValue(expected), actual]);
  }
  return out;
}

export function describeMatcher(matcher: Matcher | undefined): string {
  if (!matcher || Object.keys(matcher).length === 0) return '';
  return Object.entries(matcher).map(([k, v]) => `${k}=${describeMatchValue(v)}`).join(', ');
}
