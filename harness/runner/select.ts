// Which cases a run takes: version, SUT side, profiles, ids or globs, exclusions.
import type { CaseDefinition } from '../dsl/define-case.js';
import { aliasesOf } from '../dsl/octt.js';
import { parseProfile, type Profile } from '../dsl/profiles.js';
import type { Sut } from '../trace/types.js';

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
  if (s.ocpp !== '1.6') throw new SelectionError(`OCPP ${s.ocpp} is not supported yet (supported: 1.6)`);
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
      throw new SelectionError(`no case matches "${pattern}" (see: ocpp-harness list)`);
    }
  }
  return chosen;
}

/** A case answers to its id and to its aliases (the 2024-04 document id of a case a newer revision split). */
function answersTo(c: CaseDefinition, pattern: RegExp): boolean {
  return pattern.test(c.meta.id) || aliasesOf(c.meta).some((a) => pattern.test(a));
}
