// Findings, readable without expanding anything: requirement, level and OCTT axis, step, expected and
// actual side by side with their line breaks, and the evidence frames beneath.
import type { Finding } from '../../checks/finding.js';
import type { TraceEvent } from '../../trace/types.js';
import { findingStep, formatTraceLine, octtAxisText } from '../format.js';
import { escapeHtml } from './escape.js';

const LEVEL_CLASS: Record<Finding['level'], string> = { MUST: 'lvl-must', SHOULD: 'lvl-should', INFO: 'lvl-info' };

/** `trace` and `findings` must already be redacted. */
export function findingsHtml(findings: readonly Finding[], trace: readonly TraceEvent[]): string {
  if (findings.length === 0) return '';
  const bySeq = new Map(trace.map((e) => [e.seq, e]));
  const items = findings.map((f) => {
    const evidence = f.evidence.map((seq) => {
      const ev = bySeq.get(seq);
      const line = ev ? formatTraceLine(ev) : `#${seq} (not in the trace)`;
      return `<li><a href="#" class="evidence-link" data-seq="${seq}">#${seq}</a> <code>${escapeHtml(line.replace(/^#\d+ /, ''))}</code></li>`;
    }).join('');
    return `<li class="finding ${LEVEL_CLASS[f.level]}" data-check="${escapeHtml(f.checkId)}">
<div class="f-head"><span class="lvl">${f.level}</span><span class="octt${f.octt === 'fails' ? ' octt-fails' : ''}">${escapeHtml(octtAxisText(f))}</span><span class="f-step">${escapeHtml(findingStep(f))}</span><code class="check">${escapeHtml(f.checkId)}</code></div>
<div class="req">${escapeHtml(f.requirement)}</div>
<dl class="ea"><dt>expected</dt><dd>${escapeHtml(f.expected)}</dd><dt>actual</dt><dd>${escapeHtml(f.actual)}</dd></dl>
${evidence ? `<ul class="evidence-list">${evidence}</ul>` : '<p class="fine">no evidence frame</p>'}
</li>`;
  });
  return `<ol class="findings">${items.join('\n')}</ol>`;
}
