// Smart Charging (OCPP 1.6 §3.13, §5.5, §5.7, §5.16; errata 3.25–3.26, 3.37–3.39, 3.41–3.45, 3.53).
// - SetChargingProfile: an unknown connectorId is a CALLERROR PropertyConstraintViolation (errata
//   3.39); Rejected for ChargePointMaxProfile not on connector 0, TxProfile on connector 0 or without
//   a transaction there or for another transactionId, stackLevel above ChargeProfileMaxStackLevel,
//   more than ChargingScheduleMaxPeriods periods, a first period not at 0 or periods out of order,
//   a chargingRateUnit ChargingScheduleAllowedChargingRateUnit does not allow, recurrencyKind without
//   Recurring (or Recurring without it), or more than MaxChargingProfilesInstalled profiles.
//   A profile replaces the one with the same chargingProfileId, or the same connector, purpose and
//   stackLevel. A TxProfile belongs to its transaction and goes when it ends.
// - RemoteStartTransaction may carry a TxProfile (without transactionId) for the new transaction.
// - ClearChargingProfile: by id (other fields ignored), else every profile matching all given fields;
//   Accepted when something was cleared, else Unknown.
// - GetCompositeSchedule: Rejected for an unknown connector; otherwise the composite schedule from now
//   (composite-schedule.ts) in the unit asked for (default A; limits rounded down to 0.1 A or 1 W,
//   never above what the profiles allow); without profiles, the charge point's
//   own limit (16 A per phase, 11 040 W).
// The limit also drives the simulated charging: 0 means SuspendedEVSE, and the power follows it.

import { createRPCError } from '../../../../peers/ocpp-rpc.js';
import { asRecord, int, str } from '../../../../peers/peer-util.js';
import { compositeAt, compositeSchedule, convert, type CompositeInput, type InstalledProfile } from './composite-schedule.js';
import type { Connectors } from './connectors.js';
import type { CpCore } from './core.js';
import { type ChargingProfile, type Connector, type Tx } from './types.js';

const FALLBACK_A = 16;

export class SmartCharging {
  private readonly installed: InstalledProfile[] = [];

  constructor(private readonly core: CpCore, private readonly connectors: Connectors, supported: boolean) {
    if (!supported) return;
    core.handle('SetChargingProfile', (p) => ({ status: this.set(int(p.connectorId)!, p.csChargingProfiles as ChargingProfile) }));
    core.handle('ClearChargingProfile', (p) => ({ status: this.clear(p) }));
    core.handle('GetCompositeSchedule', (p) => this.getComposite(int(p.connectorId)!, int(p.duration)!, str(p.chargingRateUnit) as 'A' | 'W' | undefined));
  }

  get count(): number {
    return this.installed.length;
  }

  /** The power connector c may draw now (W). */
  powerLimitW(c: Connector): number {
    const l = compositeAt(this.input(c, Date.now()), Date.now(), 'W');
    return Math.max(0, l.limit);
  }

  /** The TxProfile of a RemoteStartTransaction.req, or 'invalid' (§5.16.2, errata 3.41). */
  remoteProfile(raw: unknown): ChargingProfile | 'invalid' {
    const p = asRecord(raw) as unknown as ChargingProfile;
    if (p.chargingProfilePurpose !== 'TxProfile' || p.transactionId !== undefined) {
      // Quirk (conforming): refuse with a CALLERROR, as the OCTT tables also allow.
      if (this.core.quirks.has('smart-charging-refusal-as-callerror')) throw createRPCError('PropertyConstraintViolation', 'the profile of RemoteStartTransaction must be a TxProfile without transactionId');
      return 'invalid';
    }
    return this.problem(p) ? 'invalid' : p;
  }

  transactionStarted(c: Connector, tx: Tx, profile?: ChargingProfile): void {
    if (profile) this.install({ connectorId: c.id, profile, installedAt: Date.now(), txSeq: tx.seq });
  }

  transactionEnded(_c: Connector, tx: Tx): void {
    // §3.13.1: a TxProfile ceases to be valid when its transaction ends.
    for (let i = this.installed.length - 1; i >= 0; i--) if (this.installed[i]!.txSeq === tx.seq) this.installed.splice(i, 1);
  }

  private set(connectorId: number, profile: ChargingProfile): 'Accepted' | 'Rejected' | 'NotSupported' {
    const c = this.connectors.get(connectorId);
    if (connectorId !== 0 && !c) throw createRPCError('PropertyConstraintViolation', `unknown connectorId ${connectorId}`);
    const purpose = profile.chargingProfilePurpose;
    if (purpose === 'ChargePointMaxProfile' && connectorId !== 0) return 'Rejected';
    let txSeq: number | undefined;
    if (purpose === 'TxProfile' && c?.tx) {
      if (profile.transactionId !== undefined && profile.transactionId !== c.tx.transactionId) return 'Rejected';
      txSeq = c.tx.seq;
    } else if (purpose === 'TxProfile' && this.core.quirks.has('smart-charging-refusal-as-callerror')) {
      throw createRPCError('PropertyConstraintViolation', 'no transaction for this TxProfile');
    } else if (purpose === 'TxProfile' && !this.core.quirks.has('tx-profile-without-transaction-accepted')) {
      return 'Rejected'; // §5.16.4: no TxProfile without a transaction (and none on connector 0)
    }
    const problem = this.problem(profile);
    if (problem) {
      this.core.log(`SetChargingProfile ${profile.chargingProfileId} rejected: ${problem}`);
      return 'Rejected';
    }
    if (!this.install({ connectorId, profile, installedAt: Date.now(), txSeq })) return 'Rejected';
    this.core.log(`charging profile ${profile.chargingProfileId} (${purpose}, level ${profile.stackLevel}) on connector ${connectorId}`);
    this.core.later('SetChargingProfile', () => this.connectors.refreshAll());
    return 'Accepted';
  }

  /** What is wrong with a profile for this charge point, if anything. */
  private problem(p: ChargingProfile): string | undefined {
    const cfg = this.core.config;
    const s = p.chargingSchedule;
    if (p.stackLevel < 0 || p.stackLevel > cfg.int('ChargeProfileMaxStackLevel')) return 'stackLevel out of range';
    if (s.chargingSchedulePeriod.length > cfg.int('ChargingScheduleMaxPeriods')) return 'too many periods';
    if (s.chargingSchedulePeriod[0]?.startPeriod !== 0) return 'the first period does not start at 0';
    if (s.chargingSchedulePeriod.some((q, i, all) => i > 0 && q.startPeriod <= all[i - 1]!.startPeriod)) return 'periods out of order';
    const units = cfg.list('ChargingScheduleAllowedChargingRateUnit');
    if (!units.includes(s.chargingRateUnit === 'A' ? 'Current' : 'Power')) return `chargingRateUnit ${s.chargingRateUnit} not allowed`;
    if ((p.chargingProfileKind === 'Recurring') !== (p.recurrencyKind !== undefined)) return 'recurrencyKind goes with Recurring only';
    return undefined;
  }

  private install(ip: InstalledProfile): boolean {
    const p = ip.profile;
    const replaced = (x: InstalledProfile): boolean =>
      x.profile.chargingProfileId === p.chargingProfileId ||
      (x.connectorId === ip.connectorId && x.profile.chargingProfilePurpose === p.chargingProfilePurpose && x.profile.stackLevel === p.stackLevel);
    const kept = this.installed.filter((x) => !replaced(x));
    if (kept.length + 1 > this.core.config.int('MaxChargingProfilesInstalled')) return false;
    this.installed.splice(0, this.installed.length, ...kept, ip);
    return true;
  }

  private clear(p: Record<string, unknown>): 'Accepted' | 'Unknown' {
    const id = int(p.id);
    const cid = int(p.connectorId);
    const purpose = str(p.chargingProfilePurpose);
    const level = int(p.stackLevel);
    const match = (x: InstalledProfile): boolean =>
      id !== undefined
        ? x.profile.chargingProfileId === id
        : (cid === undefined || x.connectorId === cid) &&
          (purpose === undefined || x.profile.chargingProfilePurpose === purpose) &&
          (level === undefined || x.profile.stackLevel === level);
    const before = this.installed.length;
    const kept = this.installed.filter((x) => !match(x));
    this.installed.splice(0, this.installed.length, ...kept);
    if (kept.length === before) return 'Unknown';
    this.core.log(`${before - kept.length} charging profile(s) cleared`);
    this.core.later('ClearChargingProfile', () => this.connectors.refreshAll());
    return 'Accepted';
  }

  private getComposite(connectorId: number, duration: number, unit: 'A' | 'W' = 'A'): Record<string, unknown> {
    if (connectorId !== 0 && !this.connectors.get(connectorId)) return { status: 'Rejected' };
    const from = Math.floor(Date.now() / 1000) * 1000;
    const start = new Date(from).toISOString().replace('.000Z', 'Z');
    const periods = compositeSchedule(this.input(this.connectors.get(connectorId), from), from, duration, unit);
    return {
      status: 'Accepted',
      // Quirk: §6.22 leaves connectorId optional, the OCTT wants it.
      ...(!this.core.quirks.has('composite-without-connector-id') && { connectorId }),
      scheduleStart: start,
      // Errata 3.57: no startSchedule in a GetCompositeSchedule.conf (scheduleStart says it).
      chargingSchedule: { duration, chargingRateUnit: unit, chargingSchedulePeriod: periods },
    };
  }

  /** The stacks that apply to connector c (undefined: connector 0, the charge point as a whole). */
  private input(c: Connector | undefined, windowStart: number): CompositeInput {
    const of = (cid: number, purpose: ChargingProfile['chargingProfilePurpose']): InstalledProfile[] =>
      this.installed.filter((x) => x.connectorId === cid && x.profile.chargingProfilePurpose === purpose);
    const fallback = { A: FALLBACK_A, W: convert(FALLBACK_A, 'A', 'W') };
    if (!c) return { max: of(0, 'ChargePointMaxProfile'), tx: [], txDefault: [], fallback };
    // A TxDefaultProfile for the connector replaces the connector-0 one of the same stackLevel.
    const own = of(c.id, 'TxDefaultProfile');
    const shared = of(0, 'TxDefaultProfile').filter((x) => !own.some((o) => o.profile.stackLevel === x.profile.stackLevel));
    // Relative schedules start with the transaction; one that started within the first second of the
    // window (which starts on a whole second) starts with the window.
    const txStart = c.tx?.startedAtMs;
    const relativeTo = txStart === undefined || (txStart >= windowStart && txStart - windowStart < 1000) ? windowStart : txStart;
    return {
      max: of(0, 'ChargePointMaxProfile'),
      tx: c.tx ? this.installed.filter((x) => x.txSeq === c.tx!.seq) : [],
      txDefault: [...own, ...shared],
      relativeTo,
      fallback,
      txDefaultAfterTxProfile: this.core.quirks.has('tx-default-after-tx-profile'),
    };
  }
}
