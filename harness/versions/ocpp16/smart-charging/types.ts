// OCPP 1.6 smart-charging data as it travels on the wire (§7.8, §7.13, §7.14), and the shapes of a
// composite-schedule query and answer (§6.21, §6.22). Times are ISO 8601 strings, as in the JSON.

export type ChargingProfilePurpose = 'ChargePointMaxProfile' | 'TxDefaultProfile' | 'TxProfile';
export type ChargingProfileKind = 'Absolute' | 'Recurring' | 'Relative';
export type RecurrencyKind = 'Daily' | 'Weekly';
export type ChargingRateUnit = 'A' | 'W';

export interface ChargingSchedulePeriod {
  /** Seconds from the start of the schedule; also ends the previous period (§7.14). */
  startPeriod: number;
  limit: number;
  numberPhases?: number;
}

export interface ChargingSchedule {
  duration?: number;
  startSchedule?: string;
  chargingRateUnit: ChargingRateUnit;
  chargingSchedulePeriod: ChargingSchedulePeriod[];
  minChargingRate?: number;
}

export interface ChargingProfile {
  chargingProfileId: number;
  transactionId?: number;
  stackLevel: number;
  chargingProfilePurpose: ChargingProfilePurpose;
  chargingProfileKind: ChargingProfileKind;
  recurrencyKind?: RecurrencyKind;
  validFrom?: string;
  validTo?: string;
  chargingSchedule: ChargingSchedule;
}

/** A profile as the charge point holds it: installed on a connector (0 = the whole charge point). */
export interface InstalledChargingProfile {
  connectorId: number;
  profile: ChargingProfile;
}

/** The transaction running on the queried connector, if any. */
export interface TransactionContext {
  transactionId: number;
  /** Relative profiles (and schedules without startSchedule) start here (§7.9, §7.13). */
  startedAt: Date | string;
}

/** GetCompositeSchedule.req plus what the charge point knows when it receives it. */
export interface CompositeScheduleQuery {
  connectorId: number;
  /** Time X: the moment the request is received (§5.7). Passed in, never read from a clock. */
  start: Date | string;
  /** Seconds: the schedule covers [X, X + duration). */
  duration: number;
  chargingRateUnit?: ChargingRateUnit;
  transaction?: TransactionContext;
}

/** The charge point's own ceiling: what it delivers when no profile limits it. */
export interface ChargePointRate {
  limit: number;
  unit: ChargingRateUnit;
  numberPhases?: number;
}

export interface CompositeScheduleOptions {
  /** Line voltage for A <-> W conversion (§7.12: the nominal voltage of the area). Default 230. */
  voltage?: number;
  /** Phases assumed when a period has no numberPhases (§7.12, §7.14: 3). Default 3. */
  phases?: number;
  /** Reported where no profile applies, and caps every limit (a local limit, §5.7). Default 32 A. */
  chargePointMaxRate?: ChargePointRate;
  /** Connectors the charge point has; another connectorId is Rejected (§5.7). Unchecked when absent. */
  connectorIds?: number[];
  /**
   * Also fill chargingSchedule.startSchedule (= scheduleStart). Off by default: errata 3.57 says the
   * field must be omitted in GetCompositeSchedule.conf.
   */
  includeStartSchedule?: boolean;
}

/** The OCPP 1.6 GetCompositeSchedule.conf payload (§6.22). */
export interface GetCompositeScheduleConf {
  status: 'Accepted' | 'Rejected';
  connectorId?: number;
  scheduleStart?: string;
  chargingSchedule?: ChargingSchedule;
}

/** Which installed profile set (part of) a limit. */
export interface ProfileRef {
  chargingProfileId: number;
  connectorId: number;
  chargingProfilePurpose: ChargingProfilePurpose;
  stackLevel: number;
}

/** One stretch of the composite with a constant limit, in seconds from scheduleStart. */
export interface CompositeInterval {
  startPeriod: number;
  endPeriod: number;
  /** In the result unit; undefined = no profile limits this stretch. */
  limit?: number;
  numberPhases?: number;
  /** The profiles whose limit is the minimum here (several when they tie). */
  limitedBy: ProfileRef[];
}

export type CompositeIntervals =
  | { ok: true; scheduleStart: number; chargingRateUnit: ChargingRateUnit; intervals: CompositeInterval[]; minChargingRate?: number }
  | { ok: false; reason: string };
