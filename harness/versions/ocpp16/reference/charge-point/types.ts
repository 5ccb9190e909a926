// Types and constants shared by the modules of the reference charge point.

import type { CpQuirk } from '../quirks.js';

export type Payload = Record<string, unknown>;

export type ConnectorStatus =
  | 'Available'
  | 'Preparing'
  | 'Charging'
  | 'SuspendedEV'
  | 'SuspendedEVSE'
  | 'Finishing'
  | 'Reserved'
  | 'Unavailable'
  | 'Faulted';

export type Registration = 'none' | 'Pending' | 'Accepted' | 'Rejected';

/** OCPP 1.6 §7.36 Reason. */
export type StopReason =
  | 'EmergencyStop'
  | 'EVDisconnected'
  | 'HardReset'
  | 'Local'
  | 'Other'
  | 'PowerLoss'
  | 'Reboot'
  | 'Remote'
  | 'SoftReset'
  | 'UnlockCommand'
  | 'DeAuthorized';

/** Feature profiles (SupportedFeatureProfiles values). */
export type FeatureProfile =
  | 'Core'
  | 'FirmwareManagement'
  | 'LocalAuthListManagement'
  | 'Reservation'
  | 'SmartCharging'
  | 'RemoteTrigger';

export const ALL_PROFILES: readonly FeatureProfile[] = [
  'Core',
  'FirmwareManagement',
  'LocalAuthListManagement',
  'Reservation',
  'SmartCharging',
  'RemoteTrigger',
];

/** Security Whitepaper features (absent: none of them, exactly the 1.6 charge point). */
export interface CpSecurityOptions {
  /** SecurityProfile it starts at (0–3). */
  profile: 0 | 1 | 2 | 3;
  /** AuthorizationKey (profiles 1 and 2): the Basic-auth password, as its hexadecimal text. */
  authorizationKey?: string;
  /** PEM: the Central System root certificates it trusts (profiles 2 and 3). */
  centralSystemRoots?: string[];
  /** PEM: the manufacturer root certificates that sign firmware. */
  manufacturerRoots?: string[];
  /** Its ChargePointCertificate and private key, PEM (profile 3). */
  clientCertificate?: { cert: string; key: string };
  /** CpoName configuration key (O of its CSR). */
  cpoName?: string;
}

export interface ReferenceChargePointOptions {
  /** CSMS base URL (ws://host:port/path); the identity is appended as the last path segment. */
  url: string;
  identity: string;
  /** Connector ids (default [1]). */
  connectorIds?: number[];
  vendor?: string;
  model?: string;
  /** HTTP Basic-auth password (security profile 1); the user name is the identity. */
  password?: string;
  quirks?: Iterable<CpQuirk>;
  log?: (line: string) => void;
  /** Delay of the `late-response` quirk (default 1500 ms). */
  lateResponseMs?: number;
  /** Delay before reconnecting after the connection dropped (default 200 ms; doubles on failures, max 5 s). */
  reconnectDelayMs?: number;
  /** Timeout for our own CALLs (default 30 s). */
  callTimeoutMs?: number;
  /** Wait before retrying BootNotification when the CSMS gave interval 0 or did not answer (default 5 s). */
  defaultBootRetryS?: number;
  /** Initial values of configuration keys (any known key, read-only ones included). */
  configuration?: Record<string, string>;
  /** Feature profiles implemented (default all but Security). Actions of the others answer NotSupported. */
  profiles?: FeatureProfile[];
  /** How long the charge point stays without power after `powerFailure` (default 300 ms). */
  powerOffMs?: number;
  /**
   * Send BootNotification on every new connection (default true), or only after a boot, reboot or
   * power failure (false: a reconnection just reports the statuses that changed and goes on).
   */
  bootOnReconnect?: boolean;
  /** Pause between firmware states (Downloaded → Installing → reboot), default 100 ms. */
  firmwareStepMs?: number;
  /** The Security Whitepaper (profiles 1–3, certificates, security events, logs, signed firmware). */
  security?: CpSecurityOptions;
}

export interface IdTagInfo {
  status: string;
  expiryDate?: string;
  parentIdTag?: string;
}

/** One meterValue element (§7.33). */
export interface MeterValue {
  timestamp: string;
  sampledValue: Array<Record<string, string>>;
}

/** A charging profile as received (§7.8). */
export interface ChargingProfile {
  chargingProfileId: number;
  transactionId?: number;
  stackLevel: number;
  chargingProfilePurpose: 'ChargePointMaxProfile' | 'TxDefaultProfile' | 'TxProfile';
  chargingProfileKind: 'Absolute' | 'Recurring' | 'Relative';
  recurrencyKind?: 'Daily' | 'Weekly';
  validFrom?: string;
  validTo?: string;
  chargingSchedule: {
    duration?: number;
    startSchedule?: string;
    chargingRateUnit: 'A' | 'W';
    chargingSchedulePeriod: Array<{ startPeriod: number; limit: number; numberPhases?: number }>;
    minChargingRate?: number;
  };
}

export interface Tx {
  /** Local sequence number (a transaction has no id until StartTransaction.conf). */
  seq: number;
  idTag: string;
  parentIdTag?: string;
  meterStart: number;
  startedAt: string;
  startedAtMs: number;
  transactionId?: number;
  reservationId?: number;
  /** StartTransaction.conf said the idTag is not Accepted. */
  deauthorized: boolean;
  /** Energy is withheld by the charge point (invalid idTag, MaxEnergyOnInvalidId reached). */
  evseSuspended: boolean;
  /** Online start: StartTransaction.conf is awaited before energy flows. */
  awaitingStart: boolean;
  /** Samples for StopTransaction.transactionData. */
  transactionData: MeterValue[];
  /** The power failed during the transaction: meter and time at that moment. */
  /** Ended without a StopTransaction yet (power failure, a hard reset); stopped with `reason` after the boot. */
  interrupted?: { meterWh: number; at: string; reason: StopReason };
}

export interface Fault {
  errorCode: string;
  info?: string;
  /** A connector lock failure: cleared when the cable is unplugged. */
  clearsOnUnplug: boolean;
}

export interface PendingAuth {
  idTag: string;
  parentIdTag?: string;
  remote: boolean;
  /** TxProfile given in RemoteStartTransaction.req. */
  profile?: ChargingProfile;
  reservationId?: number;
}

export interface Connector {
  id: number;
  status: ConnectorStatus;
  errorCode: string;
  info?: string;
  /** Status and errorCode last given to the CSMS (or queued for it). */
  reported?: string;
  plugged: boolean;
  /** The cable was pulled out of the EV and is still in the charge point (unplugEvSide). */
  evSideDisconnected?: boolean;
  /** Availability set by ChangeAvailability (persistent across reboots). */
  operative: boolean;
  scheduledInoperative: boolean;
  /** A transaction ended and the user has still to act (remove the cable). */
  finishing: boolean;
  /** The EV does not take energy (evSuspend). */
  evSuspended: boolean;
  fault?: Fault;
  lockFailureNext: boolean;
  unlockFailureNext: boolean;
  /** Authorised (locally or remotely), waiting for the cable. */
  pendingAuth?: PendingAuth;
  /** An Authorize or remote start is being worked on. */
  busy: boolean;
  connectionTimer?: NodeJS.Timeout;
  tx?: Tx;
  /** Meter register (Wh) at `flowSince`, and the power flowing since then. */
  energyWh: number;
  flowSince: number;
  powerW: number;
}

export interface ConnectorState {
  connectorId: number;
  status: ConnectorStatus;
  errorCode: string;
  plugged: boolean;
  operative: boolean;
  /** idTag authorised and waiting for the cable. */
  pendingIdTag?: string;
  transaction?: { transactionId?: number; idTag: string; meterStart: number; startedAt: string };
  meterWh: number;
}

export interface ChargePointState {
  started: boolean;
  connected: boolean;
  /** The network is down (`networkDown`) or the power is off (`powerFailure`). */
  offline: boolean;
  registration: Registration;
  /** Status of connector 0 (the charge point as a whole). */
  chargePointStatus: 'Available' | 'Unavailable' | 'Faulted';
  connectors: ConnectorState[];
  /** Messages waiting to be delivered. */
  queuedMessages: number;
  localListVersion: number;
  reservations: number;
  chargingProfiles: number;
  firmwareStatus: string;
  diagnosticsStatus: string;
}

export const SUPPORTED_MEASURANDS: ReadonlySet<string> = new Set([
  'Energy.Active.Import.Register',
  'Power.Active.Import',
  'Current.Import',
  'Voltage',
]);

/** Physical limits of the simulated charge point. */
export const MAX_CURRENT_A = 32;
export const NOMINAL_POWER_W = 11000;
export const VOLTAGE_V = 230;
export const PHASES = 3;

/** Upper bound for interval keys, so that setTimeout stays in range. */
export const MAX_SECONDS = 2_000_000;

export const nowIso = (): string => new Date().toISOString();
