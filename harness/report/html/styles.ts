// The page's CSS: compact, system fonts, no horizontal scroll for the essentials (findings wrap,
// keep their line breaks); only the sequence chart and raw JSON may scroll sideways.
import { verdictCss } from './verdict-style.js';

export function pageCss(): string {
  return `
:root{--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;--mono:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,monospace;--line:#dfe2e6;--muted:#5f6368}
*{box-sizing:border-box}
body{margin:0;background:#f5f6f8;color:#1f2328;font:14px/1.45 var(--sans)}
main{max-width:1200px;margin:0 auto;padding:16px 20px 60px}
h1{font-size:20px;font-weight:600;margin:0}
h2{font-size:16px;font-weight:600;margin:0 0 8px}
h4{font-size:13px;font-weight:600;margin:14px 0 6px;color:#333}
code,pre{font-family:var(--mono);font-size:12px}
a{color:#0b5cad}
.card{background:#fff;border:1px solid var(--line);border-radius:6px;padding:14px 18px;margin-bottom:14px}
.fine{color:var(--muted);font-size:12px;font-weight:400}
.warn{color:#a15c00;background:#fff3dc;border-radius:4px;padding:4px 8px}
header.card{display:flex;flex-wrap:wrap;gap:10px 28px;align-items:flex-end;justify-content:space-between}
.run-meta{color:var(--muted);font-size:12.5px;margin-top:4px}
.outcome{font-weight:600;padding:3px 10px;border-radius:4px}
.outcome.code-0{color:#1a7f37;background:#e7f5ea}.outcome.code-1{color:#c62828;background:#fdeceb}.outcome.code-2{color:#7b1fa2;background:#f5e6f8}
#summary{display:flex;flex-wrap:wrap;gap:6px;margin-top:10px}
#summary .chip{cursor:pointer;font-size:13px;line-height:24px;padding:0 10px}
.legend{flex-basis:100%;display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:4px 16px;margin-top:10px;font-size:12px;color:var(--muted)}
.legend .badge{margin-right:6px}
table{border-collapse:collapse}
table.readiness{width:100%;font-size:13px}
table.readiness th,table.readiness td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:middle}
table.readiness td.counts .chip{margin:1px 2px}
td.ready{font-weight:700}
.ready-yes{color:#1a7f37}.ready-no{color:#c62828}.ready-incomplete{color:#a15c00}.ready-other{color:#6b7280}.unlock{color:#555;font-size:12px}
td.ids{font-family:var(--mono);font-size:12px}
#filters{position:sticky;top:0;z-index:5;display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center;padding:8px 18px}
#filters label.vf{display:inline-flex;align-items:center;gap:2px;cursor:pointer}
#filters label.vf input{margin:0 2px 0 0}
#filters select,#filters input[type=search]{font:13px var(--sans);padding:3px 6px;border:1px solid #c4c7ca;border-radius:4px}
#filters input[type=search]{width:200px}
#filters button{font:12px var(--sans);padding:3px 8px;border:1px solid #c4c7ca;border-radius:4px;background:#fff;cursor:pointer}
section.group{margin-bottom:14px}
.group-head{display:flex;flex-wrap:wrap;gap:6px 12px;align-items:center;padding:8px 12px;background:#fff;border:1px solid var(--line);border-radius:6px 6px 0 0;border-bottom:0}
.group-head h3{margin:0;font-size:15px;font-weight:600}
.group-head .wall{margin-left:auto;color:var(--muted);font-size:12px}
.group-body{border:1px solid var(--line);border-radius:0 0 6px 6px;background:#fff}
details.case{border-top:1px solid var(--line);border-left:4px solid var(--vfg)}
details.case:first-child{border-top:0}
details.case>summary{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline;padding:6px 10px;cursor:pointer;list-style:none}
details.case>summary::-webkit-details-marker{display:none}
details.case>summary::before{content:"▸";color:#888;width:10px}
details.case[open]>summary::before{content:"▾"}
details.case>summary:hover{background:#fafbfc}
.cid{font-weight:600;font-size:12.5px}
.ctitle{flex:1 1 300px}
.why{flex-basis:100%;padding-left:calc(20px + 7.2em + 12px);color:var(--vfg);font-size:12.5px;white-space:pre-wrap;overflow-wrap:anywhere}
.why span+span::before{content:" · ";color:#999}
.dur{color:var(--muted);font-size:12px;font-variant-numeric:tabular-nums}
.case-body{padding:4px 14px 14px 24px;border-top:1px dashed var(--line)}
table.meta{font-size:12.5px;margin-top:8px;max-width:100%}
table.meta th{text-align:left;color:var(--muted);font-weight:500;padding:2px 14px 2px 0;vertical-align:top;white-space:nowrap}
table.meta td{padding:2px 0;overflow-wrap:anywhere}
ul.dev{margin:0;padding-left:18px}
table.steps{font-size:12px}
table.steps th,table.steps td{text-align:left;padding:2px 10px 2px 0;border-bottom:1px solid #eef0f2}
table.steps td:nth-child(n+3){white-space:nowrap}
tr.st-failed td{color:#c62828}tr.st-aborted td{color:#7b1fa2}
ol.findings{margin:0;padding:0;list-style:none}
li.finding{border:1px solid var(--line);border-left:4px solid #999;border-radius:4px;padding:8px 12px;margin:0 0 8px;background:#fcfcfd}
li.finding.lvl-must{border-left-color:#c62828}li.finding.lvl-should{border-left-color:#d48806}li.finding.lvl-info{border-left-color:#8a9099}
.f-head{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline;font-size:12px}
.lvl{font-weight:700}
.lvl-must .lvl{color:#c62828}.lvl-should .lvl{color:#a15c00}.lvl-info .lvl{color:var(--muted)}
.octt{color:var(--muted)}.octt.octt-fails{color:#c62828;font-weight:600}
.check{color:var(--muted);margin-left:auto}
.req{margin:4px 0;font-weight:500;white-space:pre-wrap;overflow-wrap:anywhere}
dl.ea{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0;font-size:12.5px}
dl.ea dt{color:var(--muted)}
dl.ea dd{margin:0;font-family:var(--mono);font-size:12px;white-space:pre-wrap;overflow-wrap:anywhere}
ul.evidence-list{margin:4px 0 0;padding-left:16px;font-size:12px}
ul.evidence-list code{white-space:pre-wrap;overflow-wrap:anywhere;color:#444}
.chart-wrap{overflow-x:auto;border:1px solid var(--line);border-radius:4px;background:#fff}
svg.seq{display:block;font-family:var(--sans)}
svg.seq .lane{font-size:13px;font-weight:600;fill:#1f2328}
svg.seq .lifeline{stroke:#9aa0a6;stroke-width:1.5;stroke-dasharray:3 3}
svg.seq .band-label{font-size:11px;font-weight:600;fill:#44546a}
svg.seq .time{font-size:10.5px;fill:#777;font-variant-numeric:tabular-nums;font-family:var(--mono)}
svg.seq .seqno{font-size:10.5px;fill:#999;font-family:var(--mono)}
svg.seq .label{font-size:11.5px;font-family:var(--mono)}
svg.seq .flag{font-size:10.5px;font-weight:600;fill:#c62828}
svg.seq .ev-text{font-size:11px;fill:#777;font-style:italic}
svg.seq .ev.err .ev-text,svg.seq .ev.end .ev-text{fill:#7b1fa2}
svg.seq g.msg{cursor:pointer}
svg.seq .hit{fill:transparent}
svg.seq g.msg:hover .hit,svg.seq g.msg:focus .hit{fill:rgba(11,92,173,.06)}
svg.seq g.msg.selected .hit{fill:rgba(11,92,173,.12)}
svg.seq g.msg.schema-invalid line{stroke:#c62828}
svg.seq .evidence-box{fill:rgba(198,40,40,.07);stroke:#c62828;stroke-width:1.6}
.frame-panel{border:1px solid #b9c6d6;border-radius:4px;margin-top:6px;background:#f8fafc}
.fp-head{display:flex;justify-content:space-between;align-items:center;padding:4px 10px;border-bottom:1px solid #dbe3ec;font-size:12px;font-family:var(--mono)}
.fp-close{border:0;background:none;font-size:16px;cursor:pointer}
pre.frame-json{margin:0;padding:8px 10px;max-height:420px;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere}
.pictures{display:flex;flex-direction:column;gap:10px}
figure.picture{margin:0}
figure.picture figcaption{font-size:12.5px;margin-bottom:4px}
footer{color:var(--muted);font-size:12px;margin-top:20px}
@media print{#filters{display:none}details.case{break-inside:avoid}}
${verdictCss()}`;
}
