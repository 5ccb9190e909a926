// The run configuration: everything a case needs to know about the system under test.
// The JSON Schema in config-schema.json is the contract for files; this is the resolved shape.
import type { Profile } from '../dsl/profiles.js';
import type { Limits } from './limits.js';

export type SutControlConfig =
  | { type: 'manual'; timeoutMs?: number }
  | { type: 'http'; url: string; timeoutMs?: number }
  | { type: 'command'; commands: Record<string, string>; timeoutMs?: number }
  | { type: 'builtin' };

export interface KnownIssue {
  caseId: string;
  /** When given, only findings of this check id are expected. */
  checkId?: string;
  note: string;
}

/** What the system under test declares it supports (certification-declaration style). */
export interface Declarations {
  fixedCable: boolean;
  reportsLockFailure: boolean;
  reportsUnlockFailure: boolean;
  reservationOfConnectorZero: boolean;
  authorizationCache: boolean;
  localAuthorizeOffline: boolean;
  measurands: string[];
  firmwareTransports: ('http' | 'https' | 'ftp')[];
  /** When transactions are stopped on a power loss: before going down and/or after the next boot. */
  powerLossStop: ('beforeDown' | 'afterBoot')[];
  /** Security Whitepaper profiles the charger supports (1–3); absent: only the configured security.profile. */
  securityProfiles?: (1 | 2 | 3)[];
  /**
   * OCPP 2.0.1: the optional features (Part 5 §3, e.g. "C-01", "C-44") and additional answers ("AQ-6")
   * the system under test declares, as its PICS would; a case conditional on one it lacks is NOT_APPLICABLE.
   */
  pics?: string[];
}

/** What the Smart Charging cases send and expect (the OCTT document's <Configured …> values). */
export interface SmartChargingConfig {
  /** Unit of schedules and GetCompositeSchedule; undefined: read ChargingScheduleAllowedChargingRateUnit from the charger. W limits are the document's A limits x1000. */
  rateUnit?: 'A' | 'W';
  stackLevel: number;
  numberPhases: number;
  durationS: number;
  maxTimeDeviationS: number;
}

/**
 * Security profile settings (Security Whitepaper ed. 3 §2). `ca`, `cert`, `key` are PEM file paths:
 * `cert`/`key` are the harness's own certificate in the role it plays (the CSMS server certificate, or
 * the charge point client certificate), `ca` what it trusts for the other side. Without them the
 * files come from `pkiDir` (made by `ocpp-harness pki init`, or per run when the profile is 2 or 3).
 */
export interface SecurityConfig {
  profile?: 0 | 1 | 2 | 3;
  /** The charger's AuthorizationKey, as configured (profiles 1 and 2); redacted in every report. */
  basicAuthPassword?: string;
  pkiDir?: string;
  ca?: string;
  cert?: string;
  key?: string;
  /** CPO organisation: O of generated certificates, and what a client certificate must carry (A00.FR.404). */
  cpoName?: string;
  /** Key family of a generated PKI's default certificates. */
  keyType?: 'rsa' | 'ec';
  /** Highest TLS version offered (default TLSv1.2, so the whitepaper's suites are what is negotiated). */
  tlsMaxVersion?: 'TLSv1.2' | 'TLSv1.3';
}

export interface HarnessConfig {
  /** Charge point identity (chargeBoxId): the last path segment of the WebSocket URL. */
  identity: string;
  connectorIds: number[];
  /** Feature profiles the system under test declares; cases of other profiles are NOT_APPLICABLE. */
  features: Profile[];
  /** Per side, when the two sides declare differently (the built-in peers); wins over `features`. */
  featuresBySut?: Partial<Record<'ChargePoint' | 'Csms', Profile[]>>;
  /** Capabilities within the profiles; a case needing an undeclared one is NOT_APPLICABLE. */
  declarations: Declarations;
  /** Per side, when the two sides declare differently (the built-in peers); wins over `declarations`. */
  declarationsBySut?: Partial<Record<'ChargePoint' | 'Csms', Declarations>>;
  idTags: { accepted: string; invalid: string; blocked: string; expired: string };
  configurationKeys: {
    readOnly: { key: string };
    writable: { key: string; value: string };
  };
  /** OCPP intervals the cases set on the system under test, in seconds (as OCPP states them). */
  intervals: { heartbeatS: number; bootRetryS: number; meterSampleS: number };
  timeouts: {
    /** Wait for the charge point to (re)connect, or for the CSMS to accept our connection. */
    connectMs: number;
    /** Maximum time the system under test may take to answer a CALL. */
    responseMs: number;
    /** Maximum time to wait for a message the system under test should send on its own. */
    messageMs: number;
    /** Maximum time for an operator or control action to complete. */
    operatorMs: number;
    /** Harness as charge point: the least time between losing a connection and dialling again. */
    reconnectBackoffMs: number;
  };
  /** The OCTT's configured values for the Smart Charging cases. */
  smartCharging: SmartChargingConfig;
  /** Timing tolerance applied to every time window. */
  toleranceMs: number;
  /** Where the harness, as CSMS, serves firmware and receives diagnostics (default: beside --listen). */
  fileTransfer?: { host?: string; advertisedHost?: string; httpPort?: number; ftpPort?: number };
  /** HTTP Basic-auth password the CSMS expects (security profile 1); redacted in reports. Kept for older files: `security.basicAuthPassword` wins. */
  basicAuthPassword?: string;
  /** OCPP 1.6 Security Whitepaper profiles; absent = profile 0 (plain ws://, no checks). */
  security?: SecurityConfig;
  sutControl: SutControlConfig;
  knownIssues: KnownIssue[];
  /** Bounds on frames, traces, findings, uploads, connections and handler time (see limits.ts). */
  limits?: Partial<Limits>;
}
