// One case of the report: its line (verdict, id, title, why), and beneath it the metadata table,
// findings, steps, the sequence chart with its frame panel, and pictures.
import { profileDisplayName } from '../../dsl/profiles.js';
import { sutDisplayName } from '../format.js';
import type { CaseResult } from '../result.js';
import { escapeHtml, scriptJson } from './escape.js';
import { findingsHtml } from './findings.js';
import { picturesFor } from './pictures.js';
import { sequenceChart } from './sequence-chart.js';
import { VERDICT_LOOK, verdictBadge, verdictWords } from './verdict-style.js';

export interface CaseSectionOptions {
  strict: boolean;
  toleranceMs: number;
  maxChartRows?: number;
  /** Unique index on the page (ids of elements). */
  index: number;
}

export function seconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function metadataTable(c: CaseResult): string {
  const row = (k: string, v: string): string => (v ? `<tr><th>${k}</th><td>${v}</td></tr>` : '');
  const deviations = c.deviations?.length
    ? `<ul class="dev">${c.deviations.map((d) => `<li>${escapeHtml(d.what)}<br><span class="fine">why: ${escapeHtml(d.why)} · source: ${escapeHtml(d.source)}</span></li>`).join('')}</ul>`
    : '';
  return `<table class="meta">${[
    row('ID', `<code>${escapeHtml(c.id)}</code>${c.aliases?.length ? ` <span class="fine">also ${c.aliases.map(escapeHtml).join(', ')}</span>` : ''}`),
    row('Follows', escapeHtml(c.octtTable ? `${c.octtTable}${c.octtRevision ? ` (${c.octtRevision})` : ''}` : 'no OCTT table: a case of our own')),
    row('Profile', escapeHtml(profileDisplayName(c.profile))),
    row('SUT', escapeHtml(sutDisplayName(c.sut))),
    row('Purpose', escapeHtml(c.purpose)),
    row('Spec refs', escapeHtml(c.refs.join('; '))),
    row('Deviations', deviations),
    row('Provenance', escapeHtml(c.provenance)),
    row('Ran', `${escapeHtml(c.startedAt)} · ${seconds(c.durationMs)}${c.traceFile ? ` · trace <a href="${escapeHtml(c.traceFile)}">${escapeHtml(c.traceFile)}</a>` : ''}`),
  ].join('')}</table>`;
}

function stepsTable(c: CaseResult): string {
  if (c.steps.length === 0) return '';
  return `<table class="steps"><thead><tr><th>Step</th><th>Title</th><th>Status</th><th>Start</th><th>Took</th></tr></thead><tbody>${c.steps.map((s) =>
    `<tr class="st-${s.status}"><td>${s.step}</td><td>${escapeHtml(s.title)}</td><td>${s.status}</td><td>+${s.startMs.toFixed(1)} ms</td><td>${s.endMs !== undefined ? `${(s.endMs - s.startMs).toFixed(1)} ms` : '—'}</td></tr>`).join('')}</tbody></table>`;
}

/** The case as a `<details>` element; `c` must already be redacted. */
export function caseSection(c: CaseResult, o: CaseSectionOptions): string {
  const words = verdictWords(c, o.strict);
  const id = `c${o.index}`;
  const chart = sequenceChart(c.trace, c.findings, c.sut, { idPrefix: id, ...(o.maxChartRows !== undefined ? { maxRows: o.maxChartRows } : {}) });
  const pictures = picturesFor(c, o.toleranceMs);
  const open = c.verdict !== 'PASS' && c.verdict !== 'NOT_APPLICABLE' ? ' open' : '';
  const chartBlock = chart.svg
    ? `<h4>Message sequence <span class="fine">${chart.drawnFrames} of ${chart.frameCount} frames · click an arrow for its JSON · → harness to SUT, ← SUT to harness</span></h4>
${chart.note ? `<p class="warn chart-note">${escapeHtml(chart.note)}</p>` : ''}
<div class="chart-wrap">${chart.svg}</div>
<div class="frame-panel" hidden><div class="fp-head"><span class="fp-title"></span><button type="button" class="fp-close" aria-label="close">×</button></div><pre class="frame-json"></pre></div>
<script type="application/json" class="frames-data">${scriptJson(chart.frames)}</script>`
    : '<p class="fine">No frames were exchanged.</p>';
  const picturesBlock = pictures.length
    ? `<h4>Pictures</h4><div class="pictures">${pictures.map((p, i) => `<figure class="picture" data-kind="${p.kind}"><figcaption>${escapeHtml(p.title)}</figcaption><div class="plot" id="${id}-p${i}"></div><script type="application/json" class="picture-data">${scriptJson(p)}</script></figure>`).join('')}</div>`
    : '';
  return `<details class="case ${VERDICT_LOOK[c.verdict].cls}" id="case-${escapeHtml(c.id)}" data-verdict="${c.verdict}" data-profile="${escapeHtml(c.profile)}" data-side="${escapeHtml(c.sut)}" data-id="${escapeHtml([c.id, ...(c.aliases ?? [])].join(' '))}"${open}>
<summary>${verdictBadge(c.verdict)}<code class="cid">${escapeHtml(c.id)}</code><span class="ctitle">${escapeHtml(c.title)}</span><span class="dur">${seconds(c.durationMs)}</span>${words.length ? `<span class="why">${words.map((w) => `<span>${escapeHtml(w)}</span>`).join('')}</span>` : ''}</summary>
<div class="case-body">
${c.findings.length ? `<h4>Findings (${c.findings.length})</h4>${findingsHtml(c.findings, c.trace)}` : ''}
${metadataTable(c)}
${c.steps.length ? `<h4>Steps</h4>${stepsTable(c)}` : ''}
${chartBlock}
${picturesBlock}
</div>
</details>`;
}
