// Six verdicts, six looks: one CSS class, colour and wording per verdict, used by every part of the
// page (summary, readiness, group headers, case lines) so a verdict looks the same wherever it is.
import { octtWouldFail } from '../exit-code.js';
import type { CaseResult } from '../result.js';
import { VERDICTS, type Verdict } from '../verdict.js';
import { escapeHtml } from './escape.js';

interface VerdictLook {
  /** CSS class (also the browser test's handle). */
  cls: string;
  /** Short label on the badge. */
  label: string;
  /** Text colour, and the tint behind it. */
  fg: string;
  bg: string;
  /** What the verdict means, for the legend. */
  meaning: string;
}

export const VERDICT_LOOK: Record<Verdict, VerdictLook> = {
  PASS: { cls: 'v-pass', label: 'PASS', fg: '#1a7f37', bg: '#e7f5ea', meaning: 'conforms' },
  FAIL: { cls: 'v-fail', label: 'FAIL', fg: '#c62828', bg: '#fdeceb', meaning: 'a MUST is broken' },
  NON_STRICT: { cls: 'v-non-strict', label: 'NON-STRICT', fg: '#a15c00', bg: '#fff3dc', meaning: 'passes, fails with --strict (a SHOULD or a tolerated spelling)' },
  NOT_APPLICABLE: { cls: 'v-not-applicable', label: 'N/A', fg: '#5f6368', bg: '#eef0f2', meaning: 'does not apply: see the reason' },
  INCONCLUSIVE: { cls: 'v-inconclusive', label: 'INCONCLUSIVE', fg: '#7b1fa2', bg: '#f5e6f8', meaning: 'could not be judged: see the reason' },
  EXPECTED_FAIL: { cls: 'v-expected-fail', label: 'EXPECTED FAIL', fg: '#1f4e9c', bg: '#e8eefb', meaning: 'fails, but is a declared known issue' },
};

/** The CSS of the six looks (badge, count chip, left edge of a case line). */
export function verdictCss(): string {
  return VERDICTS.map((v) => {
    const l = VERDICT_LOOK[v];
    return `.${l.cls}{--vfg:${l.fg};--vbg:${l.bg}}`;
  }).join('\n') + `
.badge{display:inline-block;min-width:7.2em;text-align:center;padding:1px 6px;border-radius:3px;font:600 11px/18px var(--mono);letter-spacing:.02em;color:var(--vfg);background:var(--vbg);border:1px solid var(--vfg);white-space:nowrap}
.badge.v-expected-fail{border-style:dashed}
.badge.v-not-applicable{border-color:#c4c7ca}
.chip{display:inline-flex;gap:4px;align-items:baseline;padding:0 7px;border-radius:10px;font:600 12px/20px var(--sans);color:var(--vfg);background:var(--vbg);white-space:nowrap}
.chip.zero{opacity:.35}`;
}

/** The words after the badge on a case line: what the verdict means for this run, and why. */
export function verdictWords(c: Pick<CaseResult, 'verdict' | 'reason' | 'findings'>, strict: boolean): string[] {
  const words: string[] = [];
  if (c.verdict === 'NON_STRICT') {
    words.push(strict ? 'fails: this run is --strict' : 'passes, fails with --strict');
    if (octtWouldFail(c)) words.push('OCTT would fail this');
  }
  if (c.verdict === 'EXPECTED_FAIL') words.push('known issue: does not fail the run');
  if (c.reason && c.verdict !== 'PASS' && c.verdict !== 'FAIL') words.push(c.reason);
  return words;
}

export function verdictBadge(v: Verdict): string {
  const l = VERDICT_LOOK[v];
  return `<span class="badge verdict ${l.cls}" data-verdict="${v}" title="${escapeHtml(l.meaning)}">${l.label}</span>`;
}

/** A count chip, e.g. `FAIL 3`, greyed out when 0. */
export function verdictChip(v: Verdict, n: number): string {
  const l = VERDICT_LOOK[v];
  return `<span class="chip ${l.cls}${n === 0 ? ' zero' : ''}" data-verdict="${v}" title="${escapeHtml(l.meaning)}">${l.label} <b>${n}</b></span>`;
}
