// Which installed profiles can take part in a composite schedule, and when each one is valid.
import { toEpochSeconds } from './time.js';
import type { ChargingProfile, ChargingSchedulePeriod, InstalledChargingProfile, ProfileRef } from './types.js';

/** An installed profile with its times parsed and its periods in order. */
export interface ResolvedProfile {
  connectorId: number;
  profile: ChargingProfile;
  validFrom?: number;
  validTo?: number;
  startSchedule?: number;
  periods: ChargingSchedulePeriod[];
}

/** undefined when a time cannot be parsed or there is no period: such a profile limits nothing. */
export function resolveProfile(installed: InstalledChargingProfile): ResolvedProfile | undefined {
  const { profile } = installed;
  const schedule = profile?.chargingSchedule;
  if (!schedule || !Array.isArray(schedule.chargingSchedulePeriod) || schedule.chargingSchedulePeriod.length === 0) return undefined;
  const validFrom = parseOptional(profile.validFrom);
  const validTo = parseOptional(profile.validTo);
  const startSchedule = parseOptional(schedule.startSchedule);
  if (validFrom === UNPARSABLE || validTo === UNPARSABLE || startSchedule === UNPARSABLE) return undefined;
  // Sorted defensively; validateProfileSemantics reports periods out of order (§7.14).
  const periods = [...schedule.chargingSchedulePeriod].sort((a, b) => a.startPeriod - b.startPeriod);
  return { connectorId: installed.connectorId, profile, validFrom, validTo, startSchedule, periods };
}

const UNPARSABLE = Symbol('unparsable');

function parseOptional(value: string | undefined): number | undefined | typeof UNPARSABLE {
  if (value === undefined) return undefined;
  return toEpochSeconds(value) ?? UNPARSABLE;
}

/**
 * validFrom inclusive, validTo exclusive (§3.13.2, §7.8). An absent validFrom means "from receipt",
 * which this pure module does not know: such a profile counts as valid since ever.
 */
export function isValidAt(p: ResolvedProfile, t: number): boolean {
  return (p.validFrom === undefined || t >= p.validFrom) && (p.validTo === undefined || t < p.validTo);
}

export interface QueryScope {
  connectorId: number;
  transactionId?: number;
}

/**
 * §3.13.1: ChargePointMaxProfile lives on connector 0; TxDefaultProfile on connector 0 serves every
 * connector; TxProfile belongs to a running transaction on its connector, matched by transactionId
 * when it carries one (one set through RemoteStartTransaction carries none, §5.16.2). A query for
 * connector 0 is the grid connection (§5.7): only ChargePointMaxProfile limits it.
 */
export function appliesToQuery(p: ResolvedProfile, scope: QueryScope): boolean {
  const purpose = p.profile.chargingProfilePurpose;
  if (purpose === 'ChargePointMaxProfile') return p.connectorId === 0;
  if (scope.connectorId === 0) return false;
  if (purpose === 'TxDefaultProfile') return p.connectorId === 0 || p.connectorId === scope.connectorId;
  if (purpose === 'TxProfile') {
    if (p.connectorId !== scope.connectorId || scope.transactionId === undefined) return false;
    return p.profile.transactionId === undefined || p.profile.transactionId === scope.transactionId;
  }
  return false;
}

export function refOf(p: ResolvedProfile): ProfileRef {
  return {
    chargingProfileId: p.profile.chargingProfileId,
    connectorId: p.connectorId,
    chargingProfilePurpose: p.profile.chargingProfilePurpose,
    stackLevel: p.profile.stackLevel,
  };
}
