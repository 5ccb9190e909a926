// Which cases a run takes: version, SUT side, profiles, ids or globs, exclusions.
import type { CaseDefinition } from '../dsl/define-case.js';
import { aliasesOf } from '../dsl/octt.js';
import { parseProfile, type Profile } from '../dsl/profiles.js';
import type { Sut } from '../trace/types.js';
import { OCPP_VERSIONS, isOcppVersion } from '../versions/facts-registry.js';

export interface Selection {
  ocpp: string;
  sut: Sut[];
  /** Profile names in any spelling, or 'all'. */
  profiles: string[];
  cases?: string[];
  exclude?: string[];
}

export class SelectionError extends Error {
  override name = 'SelectionError';
}

export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}

export function parseProfiles(names: string[]): Profile[] | 'all' {
  if (names.length === 0 || names.some((n) => n.toLowerCase() === 'all')) return 'all';
  return names.map((n) => {
    const p = parseProfile(n);
    if (!p) throw new SelectionError(`unknown profile "${n}" (known: core, firmware-management, local-auth-list-management, reservation, remote-trigger, smart-charging, security, all)`);
    return p;
  });
}

export function selectCases(all: CaseDefinition[], s: Selection): CaseDefinition[] {
  if (!isOcppVersion(s.ocpp)) throw new SelectionError(`OCPP ${s.ocpp} is not supported (supported: ${OCPP_VERSIONS.join(', ')})`);
  const profiles = parseProfiles(s.profiles);
  const include = (s.cases ?? []).map(globToRegExp);
  const exclude = (s.exclude ?? []).map(globToRegExp);
  const chosen = all.filter((c) =>
    c.meta.ocpp === s.ocpp &&
    s.sut.includes(c.meta.sut) &&
    (profiles === 'all' || profiles.includes(c.meta.profile)) &&
    (include.length === 0 || include.some((r) => answersTo(c, r))) &&
    !exclude.some((r) => answersTo(c, r)));
  for (const pattern of s.cases ?? []) {
    if (!all.some((c) => answersTo(c, globToRegExp(pattern)))) {
      throw new SelectionError(`no case matches "${pattern}"${suggest(pattern, all.filter((c) => s.sut.includes(c.meta.sut)))} (see: ocpp-harness list)`);
    }
  }
  if (chosen.length === 0 && s.cases?.length) {
    // The ids exist, but not for this side or these profiles: say which and offer the ones that are.
    const sides = s.sut.map((x) => (x === 'ChargePoint' ? 'charge-point' : 'csms')).join(' and ');
    const elsewhere = all.filter((c) => include.some((r) => answersTo(c, r)));
    const where = [...new Set(elsewhere.map((c) => `${c.meta.id} is a ${c.meta.sut === 'ChargePoint' ? 'charge-point' : 'csms'} case (${c.meta.profile})`))].slice(0, 3).join('; ');
    const near = s.cases.map((p) => suggest(p, all.filter((c) => s.sut.includes(c.meta.sut) && (profiles === 'all' || profiles.includes(c.meta.profile))))).find(Boolean) ?? '';
    throw new SelectionError(`--cases ${s.cases.join(',')} selects no ${sides} case${profiles === 'all' ? '' : ` in ${profiles.join(', ')}`}: ${where}${near}`);
  }
  return chosen;
}

/** "; nearest: TC_001_CS, TC_010_CS" — the ids closest to what was typed (edit distance), or ''. */
export function suggest(pattern: string, among: readonly CaseDefinition[]): string {
  const wanted = pattern.toUpperCase().replace(/[*?]/g, '');
  const scored = among.flatMap((c) => [c.meta.id, ...aliasesOf(c.meta)]).map((id) => ({ id, d: editDistance(wanted, id.toUpperCase()) }));
  scored.sort((a, b) => a.d - b.d || a.id.localeCompare(b.id));
  const best = [...new Set(scored.filter((x) => x.d <= Math.max(3, Math.ceil(wanted.length / 3))).map((x) => x.id))].slice(0, 3);
  return best.length ? `; nearest: ${best.join(', ')}` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** A case answers to its id and to its aliases (the 2024-04 document id of a case a newer revision split). */
function answersTo(c: CaseDefinition, pattern: RegExp): boolean {
  return pattern.test(c.meta.id) || aliasesOf(c.meta).some((a) => pattern.test(a));
}
