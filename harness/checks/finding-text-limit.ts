// A finding explains itself in a few lines, whatever the SUT sent: a frame with 71,000 unexpected
// properties must not become a 3 MB finding printed to the console and copied into every report,
// and 100,000 hostile frames must not become 100,000 findings.
import { DEFAULT_LIMITS } from '../config/limits.js';
import type { Finding } from './finding.js';

/** Characters kept of a finding's requirement, expected and actual text each (limits.findingTextChars). */
export const DEFAULT_FINDING_TEXT_CHARS = DEFAULT_LIMITS.findingTextChars;

/** The text cut at `max` characters with what was cut said at the end (the evidence frames have all of it). */
export function capText(text: string, max: number = DEFAULT_FINDING_TEXT_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)} … (${text.length - max} more characters; see the evidence frames in the trace)`;
}

export function capFinding(f: Finding, max: number = DEFAULT_FINDING_TEXT_CHARS): Finding {
  f.requirement = capText(f.requirement, max);
  f.expected = capText(f.expected, max);
  f.actual = capText(f.actual, max);
  if (f.evidence.length > 50) f.evidence = f.evidence.slice(0, 50);
  return f;
}

/**
 * At most `max` findings per check id (the first ones, in trace order); the rest of a check are
 * counted in one summary finding of the same check and level, so the verdict is unchanged.
 */
export function capFindingsPerCheck(findings: Finding[], max: number = DEFAULT_LIMITS.findingsPerCheck): Finding[] {
  const seen = new Map<string, { kept: number; dropped: number; last?: Finding }>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = `${f.checkId}/${f.level}`;
    const tally = seen.get(key) ?? { kept: 0, dropped: 0 };
    seen.set(key, tally);
    if (tally.kept < max) {
      tally.kept += 1;
      out.push(f);
    } else {
      tally.dropped += 1;
      tally.last = f;
    }
  }
  for (const [key, tally] of seen) {
    if (!tally.dropped || !tally.last) continue;
    const f = tally.last;
    out.push({
      ...f,
      requirement: f.requirement,
      expected: f.expected,
      actual: `${tally.dropped} more finding(s) of ${key.split('/')[0]} in this case, not listed (limits.findingsPerCheck = ${max}); the last: ${f.actual}`,
      evidence: f.evidence.slice(0, 1),
    });
  }
  return out;
}
