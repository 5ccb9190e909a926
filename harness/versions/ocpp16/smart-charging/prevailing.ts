// Which profile prevails at an instant: stacking within a purpose (§3.13.2), then combining the
// purposes (§3.13.1, §3.13.3).
import type { ResolvedProfile } from './profile-validity.js';
import { activePeriodAt, type ActivePeriod } from './schedule-at.js';

/** The applicable profiles of a query, by the role they play. */
export interface ProfileGroups {
  chargePointMax: ResolvedProfile[];
  txProfile: ResolvedProfile[];
  /** TxDefaultProfile installed on the queried connector. */
  txDefaultOnConnector: ResolvedProfile[];
  /** TxDefaultProfile installed on connector 0. */
  txDefaultOnChargePoint: ResolvedProfile[];
}

export function groupByRole(profiles: ResolvedProfile[]): ProfileGroups {
  const groups: ProfileGroups = { chargePointMax: [], txProfile: [], txDefaultOnConnector: [], txDefaultOnChargePoint: [] };
  for (const p of profiles) {
    const purpose = p.profile.chargingProfilePurpose;
    if (purpose === 'ChargePointMaxProfile') groups.chargePointMax.push(p);
    else if (purpose === 'TxProfile') groups.txProfile.push(p);
    else if (p.connectorId === 0) groups.txDefaultOnChargePoint.push(p);
    else groups.txDefaultOnConnector.push(p);
  }
  return groups;
}

/**
 * The highest stackLevel among the profiles that say something at t (§3.13.2). Two profiles of one
 * purpose and stack level cannot both be installed (the later replaces the earlier), so on a tie the
 * one listed later wins: it is the one installed last.
 */
export function prevailingAt(profiles: ResolvedProfile[], t: number, anchor: number): ActivePeriod | undefined {
  let best: ActivePeriod | undefined;
  for (const p of profiles) {
    const active = activePeriodAt(p, t, anchor);
    if (active && (!best || p.profile.stackLevel >= best.source.profile.stackLevel)) best = active;
  }
  return best;
}

export interface LimitsAt {
  chargePointMax?: ActivePeriod;
  /** The TxProfile, or failing that the TxDefaultProfile, in force. */
  transaction?: ActivePeriod;
}

/**
 * A TxProfile overrules the TxDefaultProfile for the whole of the current transaction (§3.13.1), not
 * only while its schedule runs: once a TxProfile of the transaction is installed, the transaction's
 * limit comes from the TxProfile stack alone, and where none of them says anything (out of validity or
 * past its duration) the transaction has no profile limit (OCTT 1.6 TCD 2024-04 Table 82, TC_066_CS:
 * after the TxProfile's 260 s the composite is the ChargePointMaxProfile's, not the TxDefaultProfile's).
 * Within one purpose a lower stack level takes over after a higher one's duration (errata 3.43; Table 84,
 * TC_072_CS). A connector's own TxDefaultProfile replaces the one of connector 0 for that connector
 * (§3.13.1), per instant.
 */
export function limitsAt(groups: ProfileGroups, t: number, anchor: number): LimitsAt {
  return {
    chargePointMax: prevailingAt(groups.chargePointMax, t, anchor),
    transaction: groups.txProfile.length > 0
      ? prevailingAt(groups.txProfile, t, anchor)
      : prevailingAt(groups.txDefaultOnConnector, t, anchor) ?? prevailingAt(groups.txDefaultOnChargePoint, t, anchor),
  };
}
