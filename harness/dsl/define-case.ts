// A case is a plain module exporting defineCase(meta, body): `list` and `--dry-run` load it
// without running anything.
import type { Declarations } from '../config/types.js';
import type { OcppVersion, Sut } from '../trace/types.js';
import type { ChargePointSutContext, CsmsSutContext } from './context.js';
import type { Deviation, OcttSource } from './octt.js';
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
