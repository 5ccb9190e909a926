// What a version brings beyond its facts: how the harness behaves in each role when a case says nothing
// else, its reusable states, the §1.3 general conditions and its built-in reference peers. The runner
// asks the module of the run's version; the core never imports a version directly.
import type { Declarations, HarnessConfig } from '../config/types.js';
import type { Profile } from '../dsl/profiles.js';
import type { Sut } from '../trace/types.js';
import type { CaseLink } from '../dsl/case-link.js';
import type { ChargePointRole } from '../roles/charge-point-role.js';
import type { CsmsRole } from '../roles/csms-role.js';
import type { HandlerTable } from '../roles/link.js';
import type { GeneralConditions } from '../runner/environment.js';
import type { StimulusContext, StimulusOutcome, SutControl } from '../sut/control.js';
import type { VersionFacts } from './version-facts.js';

/** A built-in reference peer, as the runner drives it. */
export interface BuiltinPeer {
  perform(action: string, params: Record<string, unknown>, ctx?: StimulusContext): Promise<StimulusOutcome>;
  readonly actions: readonly string[];
}

export interface ReferenceChargePointRequest {
  url: string;
  cfg: HarnessConfig;
  quirks: string[];
  log?: (line: string) => void;
  lateResponseMs: number;
  password?: string;
}

export interface ReferenceCsmsRequest {
  cfg: HarnessConfig;
  /** Where to listen (default 127.0.0.1, a free port). */
  listen?: { host: string; port: number };
  quirks: string[];
  log?: (line: string) => void;
  lateResponseMs: number;
  password?: string;
}

export interface VersionModule {
  facts: VersionFacts;
  /** Harness = CSMS: a fresh default handler table per connection (the factory keeps what a CSMS remembers across them). */
  csmsDefaults(cfg: HarnessConfig): () => HandlerTable;
  /** Harness = charge point: the default answers to the CSMS under test. */
  chargePointDefaults(cfg: HarnessConfig, role: ChargePointRole): HandlerTable;
  /** Reusable state "Booted", harness = CSMS: on this new connection the charger boots and is accepted. */
  settleBoot(link: CaseLink, cfg: HarnessConfig): Promise<void>;
  /** Reusable state "Booted", harness = charge point: boot and report every connector. */
  bootAsChargePoint(link: CaseLink, cfg: HarnessConfig): Promise<void>;
  /** The §1.3 general conditions of each side (absent: none kept). */
  chargePointConditions?(role: CsmsRole, cfg: HarnessConfig, perform: SutControl['perform'], features: string[], warn: (line: string) => void): GeneralConditions;
  csmsConditions?(role: ChargePointRole, cfg: HarnessConfig): GeneralConditions;
  reference: {
    /** What the reference peers declare, as a certification declaration would (`--builtin` uses it unless the config says otherwise). */
    features: Record<Sut, Profile[]>;
    declarations: Record<Sut, Declarations>;
    /** Named faults of each peer (each breaks one rule; see the peer's quirks file). */
    chargePointQuirks: readonly string[];
    csmsQuirks: readonly string[];
    startChargePoint(req: ReferenceChargePointRequest): Promise<BuiltinPeer & { stop(): Promise<void> }>;
    startCsms(req: ReferenceCsmsRequest): Promise<BuiltinPeer & { url: string; close(): Promise<void> }>;
  };
}
