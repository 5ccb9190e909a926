// A case is a plain module exporting defineCase(meta, body): `list` and `--dry-run` load it
// without running anything.
import type { Declarations } from '../config/types.js';
import type { OcppVersion, Sut } from '../trace/types.js';
import type { ChargePointSutContext, CsmsSutContext } from './context.js';
import type { Deviation, OcttSource, Part6Source } from './octt.js';
import type { Profile } from './profiles.js';

export interface CaseMeta {
  /** Official OCTT id (TC_001_CS) or our own (X16_RPC_01_CS). */
  id: string;
  title: string;
  ocpp: OcppVersion;
  profile: Profile;
  sut: Sut;
  purpose: string;
  /** Specification references (sections, requirement ids). */
  refs: string[];
  /** Where the steps come from, in a sentence (the table, or the specification for our own cases). */
  provenance: string;
  /** The official table the case follows (every `TC_…` case; absent for our own `X16_…` cases). */
  octt?: OcttSource;
  /** What the case checks beyond its table, and why. Reported with every result. */
  deviations?: Deviation[];
  /** SUT control actions the case needs; an unsupported one makes the case NOT_APPLICABLE. */
  actions?: string[];
  /**
   * Declarations the case needs (e.g. `{ fixedCable: true }`); when the configuration declares
   * otherwise the case is NOT_APPLICABLE and names the declaration. Lists must contain the values.
   */
  declarations?: Partial<{ [K in keyof Declarations]: Declarations[K] }>;
  /**
   * Security profiles (Security Whitepaper) the charger must be connected at for this case, in the
   * order the built-in runs prefer; the charger must declare one of them (declaration securityProfiles).
   */
  securityProfiles?: (0 | 1 | 2 | 3)[];
  /** The case leaves the charger at another security profile (TC_083): built-in runs give it its own peer. */
  changesSecurityProfile?: boolean;
  /**
   * OCPP 2.0.1: the Part 5 condition of a conditional ("C") case, over the PICS features the SUT declares
   * (`declarations.pics`): all of `all`, at least one of `any`, none of `none`. Unmet: NOT_APPLICABLE.
   */
  pics?: PicsCondition;
  /** OCPP 2.0.1: the Part 6 table the case follows. */
  part6?: Part6Source;
  /** Upper bound for the whole case (ms); default 5 minutes. */
  timeoutMs?: number;
}

export type CaseBody<S extends Sut> = (t: S extends 'ChargePoint' ? ChargePointSutContext : CsmsSutContext) => Promise<void>;

export interface CaseDefinition<S extends Sut = Sut> {
  meta: CaseMeta & { sut: S };
  body: CaseBody<S>;
}

export function defineCase<S extends Sut>(meta: CaseMeta & { sut: S }, body: CaseBody<S>): CaseDefinition<S> {
  return { meta, body };
}

/** Part 5's condition of a conditional case (e.g. TC_B_25: C-13; TC_B_28: NOT C-13; TC_E_06: C-30 or C-31 …). */
export interface PicsCondition {
  all?: string[];
  any?: string[];
  none?: string[];
  /** Alternatives: met when at least one of them is met (Part 5's "C-44 or NOT AQ-6"). */
  either?: Omit<PicsCondition, 'text' | 'either'>[];
  /** Part 5's words for the condition, shown in the NOT_APPLICABLE reason. */
  text?: string;
}

/** Why a 2.0.1 case's Part 5 condition is unmet by the declared PICS features, or undefined when it is met. */
export function picsMismatch(meta: Pick<CaseMeta, 'pics'>, declared: Declarations): string | undefined {
  const c = meta.pics;
  if (!c) return undefined;
  const have = new Set(declared.pics ?? []);
  const why = (s: string) => `Part 5 condition not met: ${s}${c.text ? ` (${c.text})` : ''}; declared PICS features: ${[...have].join(', ') || 'none'}`;
  const missing = (c.all ?? []).filter((f) => !have.has(f));
  if (missing.length) return why(`needs ${missing.join(' and ')}`);
  if (c.any?.length && !c.any.some((f) => have.has(f))) return why(`needs one of ${c.any.join(', ')}`);
  const excluded = (c.none ?? []).filter((f) => have.has(f));
  if (excluded.length) return why(`applies only without ${excluded.join(', ')}`);
  if (c.either?.length && !c.either.some((alt) => picsMet(alt, have))) {
    return why(`needs one of: ${c.either.map(describeAlternative).join('; or ')}`);
  }
  return undefined;
}

function picsMet(c: Omit<PicsCondition, 'text' | 'either'>, have: ReadonlySet<string>): boolean {
  return (c.all ?? []).every((f) => have.has(f)) && (!c.any?.length || c.any.some((f) => have.has(f))) && !(c.none ?? []).some((f) => have.has(f));
}

function describeAlternative(c: Omit<PicsCondition, 'text' | 'either'>): string {
  return [...(c.all ?? []), ...(c.any?.length ? [`one of ${c.any.join('/')}`] : []), ...(c.none ?? []).map((f) => `NOT ${f}`)].join(' and ');
}

/** Why a case does not apply under these declarations, or undefined when it does. */
export function declarationMismatch(meta: CaseMeta, declared: Declarations): string | undefined {
  for (const [name, wanted] of Object.entries(meta.declarations ?? {}) as [keyof Declarations, unknown][]) {
    const have = declared[name];
    if (Array.isArray(wanted)) {
      const missing = wanted.filter((w) => !(have as unknown[]).includes(w));
      if (missing.length) return `declaration ${name} does not include ${missing.join(', ')} (declared: ${(have as unknown[]).join(', ') || 'none'})`;
    } else if (have !== wanted) {
      return `needs declaration ${name} = ${JSON.stringify(wanted)} (declared ${JSON.stringify(have)})`;
    }
  }
  return undefined;
}
