// The certification-readiness summary at the top of index.html: per profile and SUT side, the
// counts of each verdict and the ids that failed. Static HTML placed before the mochawesome app.
import { profileDisplayName } from '../dsl/profiles.js';
import { isReady, readiness, readinessWord, unlockLines } from './exit-code.js';
import { sutDisplayName } from './format.js';
import type { RunResult } from './result.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function readinessSection(run: RunResult): string {
  const rows = readiness(run.cases, { strict: run.strict, notRun: run.notRun });
  const cell = 'padding:4px 10px;border-bottom:1px solid #ddd;text-align:left';
  const head = ['Profile', 'SUT', 'PASS', 'FAIL', 'NON_STRICT', 'NOT_APPLICABLE', 'INCONCLUSIVE', 'EXPECTED_FAIL', 'Ready', 'Failed cases']
    .map((h) => `<th style="${cell}">${h}</th>`).join('');
  const body = rows.map((r) => {
    const ready = isReady(r);
    return `<tr>${[
      profileDisplayName(r.profile), sutDisplayName(r.sut),
      r.counts.PASS, r.counts.FAIL, r.counts.NON_STRICT, r.counts.NOT_APPLICABLE, r.counts.INCONCLUSIVE, r.counts.EXPECTED_FAIL,
    ].map((v) => `<td style="${cell}">${escape(String(v))}</td>`).join('')}` +
      `<td style="${cell};font-weight:bold;color:${ready ? '#2e7d32' : r.status === 'not ready' ? '#c62828' : r.status === 'incomplete' ? '#b26a00' : '#666'}">${escape(readinessWord(r))}</td>` +
      `<td style="${cell};font-family:monospace">${escape([...r.failed, ...(r.octtFails ?? []).map((id) => `${id} (OCTT fails this)`), ...unlockLines(r)].join(', ') || '—')}</td></tr>`;
  }).join('');
  const note = run.interrupted ? '<p style="color:#c62828">The run was interrupted: not every selected case ran.</p>' : '';
  return `<section id="certification-readiness" style="max-width:1200px;margin:80px auto -40px;padding:16px 24px;background:#fff;font-family:Roboto,Helvetica,Arial,sans-serif;box-shadow:0 1px 3px rgba(0,0,0,.2)">
<h2 style="margin:0 0 8px;font-size:20px;font-weight:400">Certification readiness</h2>${note}
<table style="border-collapse:collapse;font-size:14px"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>
<p style="font-size:12px;color:#666">Ready: no FAIL${run.strict ? ' or NON_STRICT' : ''} and no INCONCLUSIVE in that profile and side, and no NON_STRICT finding the OCTT's tool validation would fail. Errata in force: ${escape(run.errata.map((e) => e.id).join(', ') || 'none')}.</p>
</section>`;
}

/** Place the section in front of mochawesome's app root. */
export function withReadiness(html: string, run: RunResult): string {
  const root = '<div id="report"></div>';
  return html.includes(root) ? html.replace(root, `${readinessSection(run)}${root}`) : html;
}
