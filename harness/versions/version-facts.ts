// What one OCPP version is, as data and pure rules: its subprotocol, schemas, errata, RPC error codes,
// which requests each side may send, its certification profiles and the checks only it has. The core
// (transport, rpc, trace, checks, report) asks these facts instead of naming a version itself.
import type { CheckInfo } from '../checks/catalogue.js';
import type { Finding } from '../checks/finding.js';
import type { RpcModel } from '../checks/rpc-model.js';
import type { PicsCondition } from '../dsl/define-case.js';
import type { Profile } from '../dsl/profiles.js';
import type { ErrorCodeClass } from '../schema/error-code-class.js';
import type { Erratum } from '../schema/erratum.js';
import type { OcppVersion, Sut } from '../trace/types.js';

export interface ErrorCodeRules {
  /** Where the version's table of codes is, for findings ("OCPP-J 1.6 §4.2.3 Table 7"). */
  table: string;
  codes: readonly string[];
  /** How a code stands against the codes a case expects. */
  classify(code: string, exact: readonly string[]): ErrorCodeClass;
  /** The finding level the version's rule gives a code (undefined: exact). */
  level(code: string, exact: readonly string[]): 'MUST' | 'SHOULD' | undefined;
  /** The code an exemplary receiver answers for a payload failing this schema keyword. */
  forKeyword(keyword: string): string;
  /** What besides the exact code passes as NON_STRICT, for the finding's "expected". */
  tolerance: string;
  /** Why a code of each class is not the exact one, for the finding's "actual". */
  explain: Record<Exclude<ErrorCodeClass, 'exact'>, string>;
}

export interface VersionFacts {
  id: OcppVersion;
  /** The WebSocket subprotocol (OCPP-J §3.1.2). */
  subprotocol: string;
  /** "OCPP 1.6", for requirement texts. */
  name: string;
  /** "OCPP-J 1.6": the RPC framework document (section numbers §3–§4 are alike in 1.6 and 2.0.1). */
  ocppJ: string;
  /** The OCA schema file as shipped by ocpp-rpc (lib/schemas). */
  schemaFile: string;
  errata: readonly Erratum[];
  /** Notes on how validation is done that are not errata of the text (shown with them). */
  validationNotes: readonly { id: string; source: string; appliesTo: string }[];
  errorCodes: ErrorCodeRules;
  /** The requests each side may send, and where the version says so. */
  requests: Record<Sut, readonly string[]> & {
    ref: Record<Sut, string>;
    sideName: Record<Sut, string>;
    /** What the version says of a function it lacks, and how binding that is. */
    dataTransferRule: string;
    level: 'MUST' | 'SHOULD';
  };
  /** Requests of ours after which the system under test may restart (and so drop the connection). */
  restartingRequests: readonly string[];
  /** Requests of ours that take effect by disconnecting and reconnecting; `reconnectHint` pre-filters raw frames. */
  reconnectsAfter(action: string, payload: unknown): boolean;
  reconnectHint: RegExp;
  /**
   * The tables of the version's certification list (2.0.1: Part 5 §4, every profile and side). One the
   * catalogue has no case for counts as not run ("not-written") wherever it applies, so a profile with such a
   * table is never "ready". Empty where the catalogue covers the whole list (1.6: the OCTT document).
   */
  certificationList: readonly CertificationEntry[];
  /** Certification profiles of the version, in report order. */
  profiles: readonly Profile[];
  /**
   * What is owed to a CALL the harness sent broken (malformed with a readable id, or a well-formed CALL
   * with a payload broken on purpose) when it goes unanswered; undefined: what any CALL is owed.
   */
  unansweredInvalidCall(malformed: boolean, deliberatelyInvalid: boolean): { level: 'MUST' | 'SHOULD'; requirement: string } | undefined;
  /** Generic checks only this version has (e.g. 1.6's connector status transitions). */
  versionChecks(model: RpcModel, sut: Sut): Finding[];
  /** The check ids only this version reports (beside the core's catalogue). */
  checkCatalogue: Record<string, CheckInfo>;
}

/** One table of a certification list, for one side: its case id (TC_A_01_CS), title, profile and — when conditional — its PICS condition. */
export interface CertificationEntry {
  id: string;
  title: string;
  profile: Profile;
  sut: Sut;
  /** Part 5's condition (a "C" table) as PICS features; none: it applies to every system under test of its side. */
  pics?: PicsCondition;
}
