// A page of one re-judged trace (`ocpp-harness rejudge --chart`): verdict, findings and the
// sequence chart, self-contained like index.html, so a saved trace can be looked at.
import type { Finding } from '../../checks/finding.js';
import type { TraceEvent, TraceHeader } from '../../trace/types.js';
import { redactDeep, redactTrace } from '../redact.js';
import type { Verdict } from '../verdict.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { escapeHtml, scriptJson } from './escape.js';
import { findingsHtml } from './findings.js';
import { sequenceChart } from './sequence-chart.js';
import { pageCss } from './styles.js';
import { VERDICT_LOOK, verdictBadge } from './verdict-style.js';

export interface Rejudged { verdict: Verdict; reason?: string; findings: Finding[] }

export function sequencePage(header: TraceHeader, judgement: Rejudged, events: readonly TraceEvent[], source: string): string {
  const trace = redactTrace(events);
  const j = redactDeep(judgement);
  const h = redactDeep(header);
  const chart = sequenceChart(trace, j.findings, h.sut);
  const title = `${h.caseId} ${h.title}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} — sequence</title><style>${pageCss()}</style></head>
<body><main>
<section class="card case-page ${VERDICT_LOOK[j.verdict].cls}" data-verdict="${j.verdict}">
<h1>${verdictBadge(j.verdict)} ${escapeHtml(title)}</h1>
<p class="run-meta">Re-judged from ${escapeHtml(source)} · recorded ${escapeHtml(h.startedAt)}${j.reason ? ` · ${escapeHtml(j.reason)}` : ''}</p>
<div class="case-body">
${j.findings.length ? `<h4>Findings (${j.findings.length})</h4>${findingsHtml(j.findings, trace)}` : '<p class="fine">No findings.</p>'}
<h4>Message sequence <span class="fine">${chart.drawnFrames} of ${chart.frameCount} frames · click an arrow for its JSON</span></h4>
${chart.note ? `<p class="warn chart-note">${escapeHtml(chart.note)}</p>` : ''}
<div class="chart-wrap">${chart.svg || '<p class="fine">No frames were exchanged.</p>'}</div>
<div class="frame-panel" hidden><div class="fp-head"><span class="fp-title"></span><button type="button" class="fp-close" aria-label="close">×</button></div><pre class="frame-json"></pre></div>
<script type="application/json" class="frames-data">${scriptJson(chart.frames)}</script>
</div></section></main>
<script>${CLIENT_SCRIPT.replace(/<\/script/gi, '<\\/script')}</script>
</body></html>
`;
}
