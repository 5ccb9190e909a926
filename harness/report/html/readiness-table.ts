// The certification-readiness table. Rows come only from readiness() in exit-code.ts: ready (yes),
// not ready (no), incomplete (with what did not run and what would unlock it), not declared.
import { profileDisplayName } from '../../dsl/profiles.js';
import { isReady, readiness, readinessWord as statusWord, unlockLines } from '../exit-code.js';
import { sutDisplayName } from '../format.js';
import type { ReadinessRow, RunResult } from '../result.js';
import { VERDICTS } from '../verdict.js';
import { escapeHtml } from './escape.js';
import { verdictChip } from './verdict-style.js';

/** The word shown in the Ready column and whether it is the good one. */
export function readinessWord(row: ReadinessRow): { word: string; ready: boolean } {
  return { word: statusWord(row), ready: isReady(row) };
}

export function readinessTable(run: RunResult): string {
  const rows = readiness(run.cases, { strict: run.strict, notRun: run.notRun });
  const body = rows.map((r) => {
    const { word, ready } = readinessWord(r);
    const notes = [
      ...r.failed.map((id) => `<a href="#case-${escapeHtml(id)}">${escapeHtml(id)}</a>`),
      ...(r.octtFails ?? []).map((id) => `<a href="#case-${escapeHtml(id)}">${escapeHtml(id)}</a> (OCTT would fail this)`),
      ...unlockLines(r, 8).map((line) => `<span class="unlock">${escapeHtml(line)}</span>`),
      ...(r.status === 'not declared' ? [`<span class="unlock">add "${escapeHtml(r.profile)}" to "features" to run its ${r.counts.NOT_APPLICABLE} case(s)</span>`] : []),
    ];
    const wordClass = ready ? 'ready-yes' : r.status === 'not ready' ? 'ready-no' : r.status === 'incomplete' ? 'ready-incomplete' : 'ready-other';
    return `<tr data-profile="${escapeHtml(r.profile)}" data-side="${escapeHtml(r.sut)}">` +
      `<td>${escapeHtml(profileDisplayName(r.profile))}</td><td>${escapeHtml(sutDisplayName(r.sut))}</td>` +
      `<td class="ready ${wordClass}">${escapeHtml(word)}</td>` +
      `<td class="counts">${VERDICTS.filter((v) => r.counts[v] > 0).map((v) => verdictChip(v, r.counts[v])).join(' ')}</td>` +
      `<td class="ids">${notes.join('<br>') || '—'}</td></tr>`;
  }).join('\n');
  const rule = `Ready: every case the declarations make applicable ran and passed — no FAIL${run.strict ? ' or NON-STRICT' : ''}, no NON-STRICT finding the OCTT's own tool validation would fail, and none left unrun (SUT control, operator skip, filter, interruption) or INCONCLUSIVE (those make it "incomplete"). A profile outside "features" is "not declared".`;
  return `<section id="certification-readiness" class="card">
<h2>Certification readiness</h2>
${run.interrupted ? '<p class="warn">The run was interrupted: not every selected case ran.</p>' : ''}
<table class="readiness"><thead><tr><th>Profile</th><th>SUT</th><th>Ready</th><th>Verdicts</th><th>What stops it</th></tr></thead>
<tbody>
${body || '<tr><td colspan="5">No cases ran.</td></tr>'}
</tbody></table>
<p class="fine">${escapeHtml(rule)} Errata in force: ${escapeHtml(run.errata.map((e) => e.id).join(', ') || 'none')}.</p>
</section>`;
}
