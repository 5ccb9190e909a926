// The certification-readiness table. Rows come only from readiness()/isReady() in exit-code.ts; a row
// that carries its own `status` word (e.g. "incomplete", "not declared") shows that word instead of
// yes/no, so this file follows whatever states readiness grows.
import { profileDisplayName } from '../../dsl/profiles.js';
import { isReady, readiness } from '../exit-code.js';
import { sutDisplayName } from '../format.js';
import type { ReadinessRow, RunResult } from '../result.js';
import { VERDICTS } from '../verdict.js';
import { escapeHtml } from './escape.js';
import { verdictChip } from './verdict-style.js';

/** The word shown in the Ready column and whether it is the good one. */
export function readinessWord(row: ReadinessRow): { word: string; ready: boolean } {
  const ready = isReady(row);
  const status = (row as ReadinessRow & { status?: unknown }).status;
  return { word: typeof status === 'string' && status ? status : ready ? 'yes' : 'no', ready };
}

export function readinessTable(run: RunResult): string {
  const rows = readiness(run.cases, { strict: run.strict });
  const body = rows.map((r) => {
    const { word, ready } = readinessWord(r);
    const notes = [
      ...r.failed.map((id) => `<a href="#case-${escapeHtml(id)}">${escapeHtml(id)}</a>`),
      ...(r.octtFails ?? []).map((id) => `<a href="#case-${escapeHtml(id)}">${escapeHtml(id)}</a> (OCTT would fail this)`),
    ];
    const wordClass = ready ? 'ready-yes' : word === 'no' ? 'ready-no' : 'ready-other';
    return `<tr data-profile="${escapeHtml(r.profile)}" data-side="${escapeHtml(r.sut)}">` +
      `<td>${escapeHtml(profileDisplayName(r.profile))}</td><td>${escapeHtml(sutDisplayName(r.sut))}</td>` +
      `<td class="ready ${wordClass}">${escapeHtml(word)}</td>` +
      `<td class="counts">${VERDICTS.filter((v) => r.counts[v] > 0).map((v) => verdictChip(v, r.counts[v])).join(' ')}</td>` +
      `<td class="ids">${notes.join(', ') || '—'}</td></tr>`;
  }).join('\n');
  const rule = `Ready: no FAIL${run.strict ? ' or NON-STRICT' : ''}, no INCONCLUSIVE, and no NON-STRICT finding the OCTT's own tool validation would fail.`;
  return `<section id="certification-readiness" class="card">
<h2>Certification readiness</h2>
${run.interrupted ? '<p class="warn">The run was interrupted: not every selected case ran.</p>' : ''}
<table class="readiness"><thead><tr><th>Profile</th><th>SUT</th><th>Ready</th><th>Verdicts</th><th>Cases that stop it</th></tr></thead>
<tbody>
${body || '<tr><td colspan="5">No cases ran.</td></tr>'}
</tbody></table>
<p class="fine">${escapeHtml(rule)} Errata in force: ${escapeHtml(run.errata.map((e) => e.id).join(', ') || 'none')}.</p>
</section>`;
}
