// A message sequence chart of one case's trace, as inline SVG: the harness and the system under test
// as lifelines, every frame an arrow in time order, each CALLRESULT/CALLERROR in its CALL's colour,
// the case's steps as shaded bands, schema-invalid frames and the frames a finding cites marked.
// Drawn here rather than by a diagram library: the one that draws sequence charts (mermaid) needs a
// browser DOM, weighs ~3 MB per page and cannot attach a click to one message.
import type { Finding } from '../../checks/finding.js';
import type { FrameEvent, Sut, TraceEvent } from '../../trace/types.js';
import { escapeHtml, prettyJsonText } from './escape.js';

export interface SequenceChartOptions {
  /** Draw at most this many rows (frames and connection events); the rest is named in a note. */
  maxRows?: number;
  /** Prefix for element ids, unique per page. */
  idPrefix?: string;
}

export interface SequenceChart {
  /** The `<svg>` element, or '' when the trace has no events worth drawing. */
  svg: string;
  /** Pretty-printed text of every drawn frame, by trace seq (shown when an arrow is clicked). */
  frames: Record<string, string>;
  /** How many frames the trace has, and how many were drawn. */
  frameCount: number;
  drawnFrames: number;
  /** Set when the chart was cut short. */
  note?: string;
}

export const DEFAULT_MAX_ROWS = 300;

const PALETTE = ['#1565c0', '#6a1b9a', '#00838f', '#ad1457', '#2e7d32', '#ef6c00', '#4527a0', '#5d4037'];
const W = 1000;
const X_HARNESS = 170;
const X_SUT = 760;
/** Marks (schema, evidence) go in their own column right of the SUT lifeline, clear of the labels. */
const X_FLAGS = 772;
const ROW = 24;
const BAND_HEAD = 18;
const TOP = 46;

interface Parsed { type?: number; id?: string; action?: string; errorCode?: string }

/** Message type, id, action (and error code) of a frame; nothing when it is not an OCPP-J array. */
function parseFrame(raw: string): Parsed {
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!Array.isArray(v)) return {};
  const type = typeof v[0] === 'number' ? v[0] : undefined;
  const id = typeof v[1] === 'string' || typeof v[1] === 'number' ? String(v[1]) : undefined;
  if (type === 2) return { type, id, action: typeof v[2] === 'string' ? v[2] : undefined };
  if (type === 4) return { type, id, errorCode: typeof v[2] === 'string' ? v[2] : undefined };
  return { type, id };
}

function shorten(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function ms(t: number): string {
  return t < 10_000 ? `+${t.toFixed(1)} ms` : `+${(t / 1000).toFixed(2)} s`;
}

export function laneLabels(sut: Sut, trace: readonly TraceEvent[]): { harness: string; sut: string } {
  const open = trace.find((e) => e.kind === 'ws-open');
  const identity = open && open.kind === 'ws-open' ? open.identity : '';
  return sut === 'ChargePoint'
    ? { harness: 'Harness (CSMS)', sut: `Charge point${identity ? ` ${identity}` : ''}` }
    : { harness: `Harness (charge point${identity ? ` ${identity}` : ''})`, sut: 'CSMS under test' };
}

type Row =
  | { kind: 'frame'; ev: FrameEvent; p: Parsed; y: number }
  | { kind: 'event'; text: string; seq: number; t: number; y: number; cls: string };

/** Builds the chart. `trace` must already be redacted. */
export function sequenceChart(
  trace: readonly TraceEvent[], findings: readonly Finding[], sut: Sut, options: SequenceChartOptions = {},
): SequenceChart {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const prefix = options.idPrefix ?? 'sc';
  const frameCount = trace.filter((e) => e.kind === 'frame').length;
  const evidenceOf = new Map<number, string[]>();
  for (const f of findings) for (const seq of f.evidence) evidenceOf.set(seq, [...(evidenceOf.get(seq) ?? []), f.checkId]);

  // Lay out rows in time order; open a band header where a step starts.
  const rows: Row[] = [];
  const bands: { step: number; title: string; y0: number; y1?: number }[] = [];
  let y = TOP;
  let cutAt: TraceEvent | undefined;
  for (const ev of trace) {
    if (rows.length >= maxRows && (ev.kind === 'frame' || ev.kind.startsWith('ws-'))) {
      cutAt = ev;
      break;
    }
    switch (ev.kind) {
      case 'step':
        if (ev.phase === 'start') {
          bands.push({ step: ev.step, title: ev.title, y0: y });
          y += BAND_HEAD;
        } else {
          const open = [...bands].reverse().find((b) => b.step === ev.step && b.y1 === undefined);
          if (open) open.y1 = y;
        }
        break;
      case 'frame':
        rows.push({ kind: 'frame', ev, p: ev.binary ? {} : parseFrame(ev.raw), y });
        y += ROW;
        break;
      case 'ws-open':
        rows.push({ kind: 'event', text: `WebSocket open ${ev.url}${ev.chosenProtocol ? ` (${ev.chosenProtocol})` : ''}${ev.inherited ? ', already open' : ''}`, seq: ev.seq, t: ev.t, y, cls: 'conn' });
        y += ROW;
        break;
      case 'ws-close':
        rows.push({ kind: 'event', text: `WebSocket closed by ${ev.by === 'peer' ? 'the SUT' : 'the harness'}, code ${ev.code}${ev.reason ? ` ${ev.reason}` : ''}`, seq: ev.seq, t: ev.t, y, cls: 'conn' });
        y += ROW;
        break;
      case 'ws-error':
        rows.push({ kind: 'event', text: `WebSocket error ${ev.code ?? ''} ${ev.message}`, seq: ev.seq, t: ev.t, y, cls: 'conn err' });
        y += ROW;
        break;
      case 'http-upgrade':
        rows.push({ kind: 'event', text: `HTTP upgrade ${ev.url} → ${ev.status}`, seq: ev.seq, t: ev.t, y, cls: 'conn' });
        y += ROW;
        break;
      case 'stimulus':
        if (ev.outcome !== 'pending') {
          rows.push({ kind: 'event', text: `SUT control: ${ev.action} → ${ev.outcome}${ev.detail ? ` (${ev.detail})` : ''}`, seq: ev.seq, t: ev.t, y, cls: 'stim' });
          y += ROW;
        }
        break;
      case 'case-end':
        if (ev.abort || ev.stoppedEarly) {
          rows.push({ kind: 'event', text: `case ended: ${ev.abort ? `${ev.abort.verdict} ${ev.abort.reason}` : ''}${ev.stoppedEarly ? `stopped early: ${ev.stoppedEarly}` : ''}`, seq: ev.seq, t: ev.t, y, cls: 'end' });
          y += ROW;
        }
        break;
      default:
        break; // notes, expectations, conditions, file transfers: in the trace file, not the chart
    }
  }
  for (const b of bands) b.y1 ??= y;
  if (rows.length === 0) return { svg: '', frames: {}, frameCount, drawnFrames: 0 };

  // Pair each answer with its CALL: same connection, opposite direction, same message id.
  const callOf = new Map<string, { action: string; colour: string; seq: number }>();
  let colours = 0;
  const frames: Record<string, string> = {};
  const parts: string[] = [];
  const height = y + 12;
  const labels = laneLabels(sut, trace);

  parts.push(`<svg class="seq" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="message sequence chart">`);
  parts.push(`<defs>${PALETTE.map((c, i) => `<marker id="${prefix}-a${i}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="${c}"/></marker>`).join('')}<marker id="${prefix}-ax" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#777"/></marker></defs>`);
  bands.forEach((b, i) => {
    parts.push(`<g class="band"><rect x="0" y="${b.y0 - 4}" width="${W}" height="${(b.y1 ?? y) - b.y0 + 2}" fill="${i % 2 ? '#f4f6fb' : '#eef2f8'}"/>` +
      `<text x="6" y="${b.y0 + 9}" class="band-label">${escapeHtml(shorten(`Step ${b.step}: ${b.title}`, 150))}</text></g>`);
  });
  parts.push(`<text x="${X_HARNESS}" y="16" class="lane" text-anchor="middle">${escapeHtml(labels.harness)}</text>`);
  parts.push(`<text x="${X_SUT}" y="16" class="lane" text-anchor="middle">${escapeHtml(labels.sut)}</text>`);
  parts.push(`<line x1="${X_HARNESS}" y1="24" x2="${X_HARNESS}" y2="${height}" class="lifeline"/><line x1="${X_SUT}" y1="24" x2="${X_SUT}" y2="${height}" class="lifeline"/>`);

  let drawnFrames = 0;
  for (const r of rows) {
    const mid = r.y + ROW / 2 + 4;
    if (r.kind === 'event') {
      parts.push(`<g class="ev ${r.cls}" data-seq="${r.seq}"><text x="8" y="${mid}" class="time">${escapeHtml(ms(r.t))}</text>` +
        `<text x="${(X_HARNESS + X_SUT) / 2}" y="${mid}" text-anchor="middle" class="ev-text">${escapeHtml(shorten(r.text, 110))}</text></g>`);
      continue;
    }
    drawnFrames++;
    const { ev, p } = r;
    frames[String(ev.seq)] = ev.binary ? `(binary frame, base64)\n${prettyJsonText(ev.raw)}` : prettyJsonText(ev.raw);
    const fromX = ev.dir === 'out' ? X_HARNESS : X_SUT;
    const toX = ev.dir === 'out' ? X_SUT : X_HARNESS;
    const key = (dir: string): string => `${ev.conn ?? ''}|${dir}|${p.id ?? ''}`;
    let colour = '#777';
    let marker = `${prefix}-ax`;
    let label: string;
    let dashed = false;
    if (p.type === 2) {
      const i = colours++ % PALETTE.length;
      colour = PALETTE[i]!;
      marker = `${prefix}-a${i}`;
      callOf.set(key(ev.dir), { action: p.action ?? '?', colour, seq: ev.seq });
      label = `${p.action ?? '(no action)'} #${p.id ?? '?'}`;
    } else if (p.type === 3 || p.type === 4) {
      const call = callOf.get(key(ev.dir === 'out' ? 'in' : 'out'));
      dashed = true;
      if (call) {
        colour = call.colour;
        marker = `${prefix}-a${PALETTE.indexOf(call.colour)}`;
      }
      const what = p.type === 3 ? 'result' : `error ${p.errorCode ?? ''}`.trim();
      label = `→ ${what} of ${call ? call.action : '(unknown CALL)'} #${p.id ?? '?'}`;
    } else {
      label = ev.binary ? '(binary frame)' : `(not an OCPP-J message) ${shorten(ev.raw, 40)}`;
    }
    const invalid = typeof ev.schema === 'string' && ev.schema.startsWith('invalid');
    const cites = evidenceOf.get(ev.seq);
    const classes = ['msg', ev.dir === 'out' ? 'out' : 'in', invalid ? 'schema-invalid' : '', cites ? 'evidence' : '', ev.deliberatelyInvalid ? 'deliberate' : ''].filter(Boolean).join(' ');
    const flags = [invalid ? '⚠ schema' : '', ev.deliberatelyInvalid ? 'broken on purpose' : '', cites ? `evidence: ${cites.join(', ')}` : ''].filter(Boolean);
    const tip = [`#${ev.seq} ${ms(ev.t)}${ev.conn !== undefined ? ` connection ${ev.conn}` : ''}`, label, ev.schema ? `schema: ${ev.schema}` : '', cites ? `cited by ${cites.join(', ')}` : '', 'click to show the frame'].filter(Boolean).join('\n');
    parts.push(`<g class="${classes}" data-seq="${ev.seq}" tabindex="0"><title>${escapeHtml(tip)}</title>` +
      (cites ? `<rect class="evidence-box" x="${X_HARNESS - 84}" y="${r.y + 1}" width="${W - X_HARNESS + 80}" height="${ROW - 2}" rx="3"/>` : '') +
      `<rect class="hit" x="0" y="${r.y}" width="${W}" height="${ROW}"/>` +
      `<text x="8" y="${mid}" class="time">${escapeHtml(ms(ev.t))}</text><text x="${X_HARNESS - 8}" y="${mid}" text-anchor="end" class="seqno">#${ev.seq}</text>` +
      `<line x1="${fromX}" y1="${r.y + ROW - 5}" x2="${toX}" y2="${r.y + ROW - 5}" stroke="${colour}" stroke-width="${p.type === 2 ? 1.6 : 1.2}"${dashed ? ' stroke-dasharray="5 3"' : ''} marker-end="url(#${marker})"/>` +
      `<text x="${(X_HARNESS + X_SUT) / 2}" y="${r.y + ROW - 9}" text-anchor="middle" class="label" fill="${colour}">${escapeHtml(shorten(label, 84))}</text>` +
      (flags.length ? `<text x="${X_FLAGS}" y="${mid}" class="flag">${escapeHtml(shorten(flags.join(' · '), 38))}</text>` : '') +
      '</g>');
  }
  parts.push('</svg>');

  let note: string | undefined;
  if (cutAt) {
    const hidden = [...evidenceOf.keys()].filter((s) => s >= cutAt.seq).sort((a, b) => a - b);
    note = `The chart shows the first ${drawnFrames} of ${frameCount} frames; the rest is in the trace file.` +
      (hidden.length ? ` Evidence beyond the chart: ${hidden.map((s) => `#${s}`).join(', ')}.` : '');
  }
  return { svg: parts.join('\n'), frames, frameCount, drawnFrames, ...(note ? { note } : {}) };
}
