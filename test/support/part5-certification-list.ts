// OCPP 2.0.1's certification list as the harness ships it (harness/versions/ocpp201/certification-list.ts),
// derived from Part 5 §4: one entry per table and side marked M or C, its profile, Part 6's name (or Part 5's
// scenario) as title, and — for a C entry — Part 5's condition as PICS features where it is a plain
// combination of features. The generator script writes the data file from this; the meta test compares.
import type { PicsCondition } from '../../harness/dsl/define-case.js';
import type { Profile } from '../../harness/dsl/profiles.js';
import type { CertificationEntry } from '../../harness/versions/version-facts.js';
import { part5Rows, part6Names } from './ocpp201-documents.js';

/** Part 5 §4's table headings and the harness's names of the profiles. */
export const PART5_PROFILES: readonly [string, Profile][] = [
  ['Core', 'Core'],
  ['Advanced Security', 'AdvancedSecurity'],
  ['Local Authorization List Management', 'LocalAuthListManagement'],
  ['Smart Charging', 'SmartCharging'],
  ['Advanced Device Management', 'AdvancedDeviceManagement'],
  ['Reservation', 'Reservation'],
  ['Advanced User Interface', 'AdvancedUserInterface'],
  ['ISO 15118 Support', 'ISO15118Support'],
];

export function certificationListFromPart5(): CertificationEntry[] {
  const names = part6Names();
  const out: CertificationEntry[] = [];
  for (const [heading, profile] of PART5_PROFILES) {
    for (const row of part5Rows(heading)) {
      for (const [mark, suffix, sut] of [[row.chargingStation, '_CS', 'ChargePoint'], [row.csms, '_CSMS', 'Csms']] as const) {
        if (!mark) continue;
        const id = `${row.id}${suffix}`;
        const pics = mark === 'C' ? picsConditionOf(sideOf(row.feature, sut)) : undefined;
        out.push({ id, title: names.get(id) ?? row.title, profile, sut, ...(pics ? { pics } : {}) });
      }
    }
  }
  return out;
}

/** The part of a condition for one side ("CSMS: C-16 Charging Station: NOT …", "For CSMS: R-1, For CS: R-2"), or all of it. */
function sideOf(feature: string, sut: 'ChargePoint' | 'Csms'): string {
  const m = /^(?:For\s+)?CSMS:\s*(.*?),?\s*(?:For\s+CS|Charging Station):\s*(.*)$/i.exec(feature.trim());
  return m ? (sut === 'Csms' ? m[1]! : m[2]!).trim() : feature.trim();
}

const ID = String.raw`(?:C|AS|AQ|HFS|SC|R|DM|ISO|LA|UI)-\d+(?:\.\d+)?`;
/** Features that are lists every station has (time sources, measurands, cipher suites, cache policies), not yes/no: always met. */
export const LIST_FEATURES = /^C-(?:23|40|41|54)(?:\.\d+)?$/;
const IS_ID = new RegExp(`^${ID}$`);

/** "C-30 - C-35", "C-36-(or) C-39": every feature of the range, joined with "or"; "C35" read as C-35. */
function normalise(text: string): string {
  const range = (a: string, b: string) => {
    const [from, to] = [Number(a), Number(b)];
    return Array.from({ length: to - from + 1 }, (_, i) => `C-${from + i}`).join(' or ');
  };
  return text
    .replace(/\bC(\d+)\b/g, 'C-$1')
    .replace(/\bC-(\d+)\s*-\s*\(or\)\s*C-(\d+)\b/g, (_, a: string, b: string) => range(a, b))
    .replace(/\bC-(\d+)\s+-\s+C-(\d+)\b/g, (_, a: string, b: string) => range(a, b))
    .trim();
}

/** Split on a word operator outside parentheses. */
function splitTop(text: string, op: 'and' | 'or'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const re = new RegExp(`\\s+${op}\\s+`, 'iy');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) {
        parts.push(text.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

const unwrap = (t: string) => (/^\(.*\)$/.test(t) && splitTop(t.slice(1, -1), 'and').length >= 1 ? t.slice(1, -1).trim() : t);

/**
 * Part 5's condition as PICS features when it is a conjunction of features, NOT features and one group of
 * alternatives ("C-49 and (C-30 or C-31 or C-32)"), or a disjunction of features and NOT features
 * ("C-44 or NOT AQ-6"). Anything else (counts, product subtypes, other profiles, nested negations) gives
 * undefined: the entry is then taken to apply, which can only make a readiness row more incomplete.
 */
export function picsConditionOf(raw: string): PicsCondition | undefined {
  const text = normalise(raw);
  if (!text) return undefined;
  const literal = (t: string): { id: string; not: boolean } | undefined => {
    const m = /^(NOT\s+)?(\S+)$/i.exec(t.trim());
    return m && IS_ID.test(m[2]!) ? { id: m[2]!, not: !!m[1] } : undefined;
  };
  const conjunction = splitTop(text, 'and');
  if (conjunction.length === 1) {
    const alternatives = splitTop(unwrap(text), 'or').map(literal);
    if (alternatives.some((a) => !a)) return undefined;
    const lits = alternatives as { id: string; not: boolean }[];
    if (lits.length === 1) return { ...(lits[0]!.not ? { none: [lits[0]!.id] } : { all: [lits[0]!.id] }), text: raw.trim() };
    if (lits.every((l) => !l.not)) return { any: lits.map((l) => l.id), text: raw.trim() };
    return { either: lits.map((l) => (l.not ? { none: [l.id] } : { all: [l.id] })), text: raw.trim() };
  }
  const all: string[] = [];
  const none: string[] = [];
  let any: string[] | undefined;
  for (const term of conjunction) {
    const lit = literal(unwrap(term));
    if (lit) {
      (lit.not ? none : all).push(lit.id);
      continue;
    }
    const group = splitTop(unwrap(term), 'or').map(literal);
    if (any || group.length < 2 || group.some((g) => !g || g.not)) return undefined;
    any = (group as { id: string }[]).map((g) => g.id);
  }
  const needed = all.filter((f) => !LIST_FEATURES.test(f));
  return { ...(needed.length ? { all: needed } : {}), ...(any ? { any } : {}), ...(none.length ? { none } : {}), text: raw.trim() };
}
