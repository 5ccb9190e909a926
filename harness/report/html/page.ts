// The page shell of index.html: header with the run's outcome, the verdict summary and legend, the
// readiness table, the filter bar, and the cases grouped by profile and side. One self-contained file:
// CSS and scripts inline, nothing fetched, opens from file://.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { PROFILES, profileDisplayName, type Profile } from '../../dsl/profiles.js';
import { EXIT_CODE_MEANING, exitCodeFor, summarise } from '../exit-code.js';
import { sutDisplayName } from '../format.js';
import type { CaseResult, RunResult } from '../result.js';
import { VERDICTS } from '../verdict.js';
import { caseSection, seconds } from './case-section.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { escapeHtml } from './escape.js';
import { readinessTable } from './readiness-table.js';
import { pageCss } from './styles.js';
import { VERDICT_LOOK, verdictBadge, verdictChip } from './verdict-style.js';

export interface PageOptions {
  /** Title in the header (default `OCPP <ver> conformance report`). */
  title?: string;
  /** Timing tolerance of the run, for the interval pictures (ms). */
  toleranceMs: number;
  /** Cap on sequence-chart rows per case. */
  maxChartRows?: number;
}

const require = createRequire(import.meta.url);
let uplotAssets: { js: string; css: string } | undefined;

/** uPlot's browser build and CSS, read from the installed package (pinned in package.json). */
function uplot(): { js: string; css: string } {
  uplotAssets ??= {
    js: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8'),
    css: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  };
  return uplotAssets;
}

/** Inline script text cannot contain `</script`: break it where it occurs (only in string literals). */
function inlineScript(js: string): string {
  return js.replace(/<\/script/gi, '<\\/script');
}

/** Wall time of a set of cases: first start to last end (cases may run side by side in lanes). */
export function wallTimeMs(cases: readonly Pick<CaseResult, 'startedAt' | 'durationMs'>[]): number {
  let first = Infinity;
  let last = -Infinity;
  for (const c of cases) {
    const start = Date.parse(c.startedAt);
    if (!Number.isFinite(start)) continue;
    first = Math.min(first, start);
    last = Math.max(last, start + c.durationMs);
  }
  return Number.isFinite(first) ? Math.max(0, last - first) : cases.reduce((s, c) => s + c.durationMs, 0);
}

function groupsOf(cases: readonly CaseResult[]): { profile: Profile; sut: CaseResult['sut']; cases: CaseResult[] }[] {
  const map = new Map<string, { profile: Profile; sut: CaseResult['sut']; cases: CaseResult[] }>();
  for (const c of cases) {
    const key = `${c.profile}|${c.sut}`;
    if (!map.has(key)) map.set(key, { profile: c.profile, sut: c.sut, cases: [] });
    map.get(key)!.cases.push(c);
  }
  const rank = (p: Profile): number => (PROFILES.indexOf(p) < 0 ? PROFILES.length : PROFILES.indexOf(p));
  return [...map.values()].sort((a, b) => rank(a.profile) - rank(b.profile) || a.sut.localeCompare(b.sut));
}

/** The whole page; `run` must already be redacted. */
export function reportPage(run: RunResult, options: PageOptions): string {
  const summary = summarise(run.cases);
  const code = exitCodeFor(run);
  const groups = groupsOf(run.cases);
  let index = 0;
  const groupHtml = groups.map((g) => {
    const counts = summarise(g.cases);
    const wall = wallTimeMs(g.cases);
    return `<section class="group" data-profile="${escapeHtml(g.profile)}" data-side="${escapeHtml(g.sut)}">
<div class="group-head"><h3>${escapeHtml(profileDisplayName(g.profile))} · SUT ${escapeHtml(sutDisplayName(g.sut))}</h3>${VERDICTS.filter((v) => counts[v] > 0).map((v) => verdictChip(v, counts[v])).join(' ')}<span class="wall" title="first start to last end">${g.cases.length} case${g.cases.length === 1 ? '' : 's'} · ${seconds(wall)} wall time</span></div>
<div class="group-body">
${g.cases.map((c) => caseSection(c, { strict: run.strict, toleranceMs: options.toleranceMs, index: index++, ...(options.maxChartRows !== undefined ? { maxChartRows: options.maxChartRows } : {}) })).join('\n')}
</div></section>`;
  }).join('\n');
  const hasPictures = groupHtml.includes('class="picture-data"');
  const profiles = [...new Set(run.cases.map((c) => c.profile))];
  const sides = [...new Set(run.cases.map((c) => c.sut))];
  const title = options.title ?? `OCPP ${run.selection.ocpp} conformance report`;
  const assets = hasPictures ? uplot() : undefined;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${pageCss()}</style>
${assets ? `<style>${assets.css}</style>` : ''}
</head><body><main>
<header class="card"><div><h1>${escapeHtml(title)}</h1>
<div class="run-meta">${escapeHtml(run.tool.name)} ${escapeHtml(run.tool.version)} · started ${escapeHtml(run.startedAt)} · ${seconds(wallTimeMs(run.cases.length ? run.cases : [{ startedAt: run.startedAt, durationMs: run.durationMs }]))} wall time (run ${seconds(run.durationMs)}) · ${run.strict ? '<b>strict</b>: NON-STRICT fails' : 'not strict'}${run.interrupted ? ' · <b>interrupted</b>' : ''}</div></div>
<div class="outcome code-${code}" id="outcome">Exit code ${code}: ${escapeHtml(EXIT_CODE_MEANING[code])}</div>
<div id="summary" style="flex-basis:100%">${VERDICTS.map((v) => verdictChip(v, summary[v])).join('')}<span class="fine" style="align-self:center">${summary.total} cases · click a verdict to show only it</span></div>
<div class="legend">${VERDICTS.map((v) => `<div>${verdictBadge(v)}${escapeHtml(VERDICT_LOOK[v].meaning)}</div>`).join('')}</div>
</header>
${readinessTable(run)}
<form id="filters" class="card" autocomplete="off">
${VERDICTS.map((v) => `<label class="vf"><input type="checkbox" name="verdict" value="${v}" checked>${verdictBadge(v)}</label>`).join('')}
<select name="profile" aria-label="profile"><option value="">all profiles</option>${profiles.map((p) => `<option value="${escapeHtml(p)}">${escapeHtml(profileDisplayName(p))}</option>`).join('')}</select>
<select name="side" aria-label="side"><option value="">both sides</option>${sides.map((s) => `<option value="${escapeHtml(s)}">SUT ${escapeHtml(sutDisplayName(s))}</option>`).join('')}</select>
<input type="search" name="search" placeholder="search case ID…" aria-label="search case ID">
<button type="button" id="filter-reset">reset</button>
<span class="fine" id="shown-count"></span>
</form>
${groupHtml || '<p class="card">No cases ran.</p>'}
<footer>Traces: traces/&lt;ID&gt;.jsonl (re-judge one with <code>ocpp-harness rejudge</code>) · results.json · junit.xml · mochawesome.html/.json for pipelines. Secrets are masked as ***.</footer>
</main>
${assets ? `<script>${inlineScript(assets.js)}</script>` : ''}
<script>${inlineScript(CLIENT_SCRIPT)}</script>
</body></html>
`;
}
