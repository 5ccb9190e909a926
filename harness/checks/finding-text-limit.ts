// A finding explains itself in a few lines, whatever the SUT sent: a frame with 71,000 unexpected
// properties must not become a 3 MB finding printed to the console and copied into every report.
import type { Finding } from './finding.js';

/** Characters kept of a finding's requirement, expected and actual text each. */
export const DEFAULT_FINDING_TEXT_CHARS = 2000;

/** The text cut at `max` characters with what was cut said at the end (the evidence frames have all of it). */
export function capText(text: string, max = DEFAULT_FINDING_TEXT_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)} … (${text.length - max} more characters; see the evidence frames in the trace)`;
}

export function capFinding(f: Finding, max = DEFAULT_FINDING_TEXT_CHARS): Finding {
  f.requirement = capText(f.requirement, max);
  f.expected = capText(f.expected, max);
  f.actual = capText(f.actual, max);
  if (f.evidence.length > 50) f.evidence = f.evidence.slice(0, 50);
  return f;
}
