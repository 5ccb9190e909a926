// What the Smart Charging cases with the charge point under test share: the charger's rate unit (read
// or configured; W limits are the document's A limits x1000), charging profiles as the OCTT tables state
// them, starting "now - max time deviation", a remotely started transaction to charge in (reusable state
// Charging), and GetCompositeSchedule judged against the composite the harness predicts with its own
// module (harness/versions/ocpp16/smart-charging), independent of any charge point's implementation. Not a case
// (discovery only loads files named TC_… / X…).
import type { Matcher, MatchValue, Scalar } from '../../../harness/checks/match.js';
import type { HarnessConfig } from '../../../harness/config/types.js';
import type { CallResultOk, CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import { compositeIntervals } from '../../../harness/versions/ocpp16/smart-charging/composite-schedule.js';
import type { ChargingProfile, ChargingProfilePurpose, ChargingRateUnit, CompositeScheduleQuery, InstalledChargingProfile } from '../../../harness/versions/ocpp16/smart-charging/types.js';

/**
 * The unit the cases use with this charger (OCTT <Configured chargingRateUnit>): the configured
 * `smartCharging.rateUnit`, else what the charger reports in ChargingScheduleAllowedChargingRateUnit
 * (§3.13.5, §9.4: "Current" and/or "Power"): A when it allows Current, W when it allows only Power.
 */
export async function chargerRateUnit(t: Pick<ChargePointSutContext, 'note'> & { cfg: HarnessConfig }, cp: CaseLink): Promise<ChargingRateUnit> {
  const configured = t.cfg.smartCharging.rateUnit;
  if (configured) {
    t.note(`rate unit ${configured} (configuration smartCharging.rateUnit)`);
    return configured;
  }
  const res = await cp.call('GetConfiguration', { key: ['ChargingScheduleAllowedChargingRateUnit'] });
  const entry = (res.payload.configurationKey as { key: string; value?: string }[] | undefined)?.find((k) => k.key === 'ChargingScheduleAllowedChargingRateUnit');
  const allowed = (entry?.value ?? '').split(',').map((v) => v.trim());
  const unit: ChargingRateUnit = !allowed.includes('Current') && allowed.includes('Power') ? 'W' : 'A';
  t.note(`rate unit ${unit}: the charge point reports ChargingScheduleAllowedChargingRateUnit = ${entry?.value === undefined ? '(not reported)' : JSON.stringify(entry.value)}`);
  return unit;
}

/** A limit of the document (in A) in the unit used: W limits are the A limits ×1000, as the document's notes say. */
export function inUnit(limitA: number, unit: ChargingRateUnit): number {
  return unit === 'W' ? limitA * 1000 : limitA;
}

/**
 * An Absolute profile as the document's tables state them: its schedule starting at `startS` (epoch
 * seconds, "current dateTime - max time deviation"), `periods` as [startPeriod, limit in A] (×1000 in
 * W), numberPhases as configured on every period, validFrom/validTo when the table gives them.
 */
export function tableProfile(opts: {
  connectorId: number; chargingProfileId: number; purpose: ChargingProfilePurpose; stackLevel: number; transactionId?: number;
  startS: number; duration: number; unit: ChargingRateUnit; numberPhases: number; periods: [number, number][]; validToS?: number;
}): InstalledChargingProfile {
  const profile: ChargingProfile = {
    chargingProfileId: opts.chargingProfileId,
    ...(opts.transactionId !== undefined && { transactionId: opts.transactionId }),
    stackLevel: opts.stackLevel,
    chargingProfilePurpose: opts.purpose,
    chargingProfileKind: 'Absolute',
    ...(opts.validToS !== undefined && { validFrom: iso(opts.startS), validTo: iso(opts.validToS) }),
    chargingSchedule: {
      duration: opts.duration,
      startSchedule: iso(opts.startS),
      chargingRateUnit: opts.unit,
      chargingSchedulePeriod: opts.periods.map(([startPeriod, limit]) => ({ startPeriod, limit: inUnit(limit, opts.unit), numberPhases: opts.numberPhases })),
    },
  };
  return { connectorId: opts.connectorId, profile };
}

const iso = (epochS: number): string => new Date(epochS * 1000).toISOString().replace('.000Z', 'Z');

/** Whole epoch seconds a moment ago: a schedule starting then is in force when the request arrives. */
export function recentStart(agoS = 2): number {
  return Math.floor(Date.now() / 1000) - agoS;
}

/** SetChargingProfile.req for an installed profile. */
export function setChargingProfileReq(i: InstalledChargingProfile): Record<string, unknown> {
  return { connectorId: i.connectorId, csChargingProfiles: i.profile };
}

/** Precondition of the cases that predict a composite: no profile from before takes part (errata 3.25: no fields = all). */
export async function clearAllProfiles(cp: CaseLink): Promise<void> {
  await cp.call('ClearChargingProfile', {}, {
    expect: { status: { oneOf: ['Accepted', 'Unknown'] } }, octt: 'not-checked',
    requirement: 'OCPP 1.6 §5.5, errata 3.25: a ClearChargingProfile.req without fields clears every profile; Accepted, or Unknown when there was none (§7.21)',
  });
}

export interface RunningTransaction {
  connectorId: number;
  transactionId: number;
  /** StartTransaction.req timestamp: where Relative schedules start (§7.9). */
  startedAt: string;
  /** Seq of the RemoteStartTransaction CALL. */
  requestedSeq: number;
}

/**
 * Plug in, RemoteStartTransaction (optionally with a TxProfile), StartTransaction with that idTag, and
 * Charging: a transaction to set profiles for. Checked as TC_010_CS checks it.
 */
export async function startCharging(
  t: Pick<ChargePointSutContext, 'sut'>,
  cp: CaseLink,
  opts: { connectorId: number; idTag: string; chargingProfile?: ChargingProfile; remoteStartRequirement?: string },
): Promise<RunningTransaction> {
  const { connectorId, idTag } = opts;
  const plugged = cp.mark('plugging in');
  await t.sut.do('plugIn', { connectorId });
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: plugged, match: { status: 'Preparing' },
    requirement: 'OCPP 1.6 §4.9 (A2): usage initiated by inserting the plug makes the connector Preparing',
  });
  const payload: Record<string, unknown> = { connectorId, idTag };
  if (opts.chargingProfile) payload.chargingProfile = opts.chargingProfile;
  const res = await cp.call('RemoteStartTransaction', payload, {
    expect: { status: 'Accepted' },
    requirement: opts.remoteStartRequirement ?? 'OCPP 1.6 §5.11: a free, plugged-in connector and a valid idTag: RemoteStartTransaction Accepted',
  });
  const start = await cp.expectCall('StartTransaction', {
    after: res.call.seq, match: { idTag, connectorId },
    requirement: 'OCPP 1.6 §5.11: the charge point SHALL use the idTag of RemoteStartTransaction.req in its StartTransaction.req (§4.8)',
  });
  const transactionId = (await cp.answerOf(start)).transactionId as number;
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: res.call.seq, match: { status: 'Charging' },
    requirement: 'OCPP 1.6 §4.9 (B3): once energy flows the connector is Charging',
  });
  return { connectorId, transactionId, startedAt: String(start.frame.payload.timestamp), requestedSeq: res.call.seq };
}

/** Clean-up: RemoteStopTransaction, its StopTransaction, Finishing, unplug, Available. */
export async function stopCharging(t: Pick<ChargePointSutContext, 'sut'>, cp: CaseLink, tx: RunningTransaction): Promise<void> {
  const { connectorId, transactionId } = tx;
  const res = await cp.call('RemoteStopTransaction', { transactionId }, {
    expect: { status: 'Accepted' },
    octt: 'not-checked', requirement: 'OCPP 1.6 §5.12: a RemoteStopTransaction for an ongoing transaction is Accepted',
  });
  await cp.expectCall('StopTransaction', {
    after: res.call.seq, match: { transactionId },
    octt: 'not-checked', requirement: 'OCPP 1.6 §5.12, §4.10: the transaction is stopped and StopTransaction.req sent for it',
  });
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: res.call.seq, match: { status: 'Finishing' },
    octt: 'not-checked', requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
  });
  const unplugged = cp.mark('unplugging');
  await t.sut.do('unplug', { connectorId });
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: unplugged, match: { status: 'Available' },
    octt: 'not-checked', requirement: 'OCPP 1.6 §4.9 (F1): the cable removed after the transaction: Available',
  });
}

/**
 * Where the charge point's Time X (§5.7: the moment it receives the request) may be, in whole epoch
 * seconds, around the harness's clock when it sends: the configured max time deviation either side,
 * one more second for the truncation to whole seconds and the transit.
 */
function xOffsets(maxTimeDeviationS: number): number[] {
  const out: number[] = [];
  for (let o = -maxTimeDeviationS; o <= maxTimeDeviationS + 1; o++) out.push(o);
  return out;
}

/** No charge point maximum in the prediction: where no profile limits a stretch, only a limit's presence is checked (the document: "the local limit of the Charging Station"). */
const NO_CEILING = { limit: Number.MAX_SAFE_INTEGER, unit: 'A' as const };

export interface CompositePrediction {
  /** The periods predicted for each candidate Time X (limit undefined: the charge point's own limit). */
  candidates: { x: string; periods: { startPeriod: number; limit?: number }[] }[];
  matcher: Matcher;
}

/**
 * The GetCompositeSchedule.conf fields the harness predicts for `installed` (§3.13.2 stacking, §3.13.1
 * and §3.13.3 combining by minimum), as matchers over every candidate Time X: status Accepted, the
 * connector, the unit and duration asked for, scheduleStart within the max time deviation of the
 * request, and period by period the startPeriod and limit (one value where every candidate agrees, else
 * one of theirs; only presence where no profile limits the stretch), and no period beyond.
 */
export function predictComposite(
  installed: InstalledChargingProfile[],
  query: { connectorId: number; duration: number; unit: ChargingRateUnit; transaction?: RunningTransaction },
  sentAtMs: number,
  connectorIds: number[],
  timing: { maxTimeDeviationS: number; toleranceMs: number } = { maxTimeDeviationS: 2, toleranceMs: 500 },
): CompositePrediction {
  const base = Math.floor(sentAtMs / 1000);
  // The charge point received the request after its transaction started, by its own clock.
  const txStart = query.transaction ? Math.floor(Date.parse(query.transaction.startedAt) / 1000) : Number.NEGATIVE_INFINITY;
  const offsets = xOffsets(timing.maxTimeDeviationS).filter((offset) => !(base + offset < txStart));
  const candidates = (offsets.length ? offsets : [0]).map((offset) => {
    const q: CompositeScheduleQuery = {
      connectorId: query.connectorId, duration: query.duration, chargingRateUnit: query.unit, start: new Date((base + offset) * 1000),
      ...(query.transaction && { transaction: { transactionId: query.transaction.transactionId, startedAt: query.transaction.startedAt } }),
    };
    const intervals = compositeIntervals(installed, q, { chargePointMaxRate: NO_CEILING, connectorIds });
    if (!intervals.ok) throw new Error(`harness: the composite cannot be predicted: ${intervals.reason}`);
    const periods = intervals.intervals.map(({ startPeriod, limit }) => (limit === undefined ? { startPeriod } : { startPeriod, limit }));
    return { x: iso(base + offset), periods };
  });
  const slackMs = timing.maxTimeDeviationS * 1000 + timing.toleranceMs;
  const matcher: Matcher = {
    status: 'Accepted',
    connectorId: { oneOf: [query.connectorId], optional: true },
    scheduleStart: { notBefore: new Date(sentAtMs - slackMs).toISOString(), notAfter: new Date(sentAtMs + slackMs).toISOString() },
    'chargingSchedule.chargingRateUnit': query.unit,
    'chargingSchedule.duration': query.duration,
  };
  const longest = Math.max(...candidates.map((c) => c.periods.length));
  const agreed = (values: (Scalar | undefined)[]): MatchValue => {
    const defined = [...new Set(values.filter((v): v is Scalar => v !== undefined))];
    const optional = values.some((v) => v === undefined);
    return defined.length === 1 && !optional ? defined[0]! : { oneOf: defined, ...(optional && { optional }) };
  };
  for (let i = 0; i < longest; i++) {
    matcher[`chargingSchedule.chargingSchedulePeriod.${i}.startPeriod`] = agreed(candidates.map((c) => c.periods[i]?.startPeriod));
    const unlimited = candidates.some((c) => c.periods[i] && c.periods[i]!.limit === undefined);
    const everywhere = candidates.every((c) => c.periods[i] !== undefined);
    // The charge point's own limit: only its presence, and only where every candidate has the period.
    if (!unlimited) matcher[`chargingSchedule.chargingSchedulePeriod.${i}.limit`] = agreed(candidates.map((c) => c.periods[i]?.limit));
    else if (everywhere) matcher[`chargingSchedule.chargingSchedulePeriod.${i}.limit`] = { present: true };
  }
  // Where the last stretch is the charge point's own limit, what it reports there is its own business.
  const openEnded = candidates.some((c) => c.periods.length > 0 && c.periods[c.periods.length - 1]!.limit === undefined);
  if (!openEnded) matcher[`chargingSchedule.chargingSchedulePeriod.${longest}`] = { present: false };
  return { candidates, matcher };
}

/**
 * GetCompositeSchedule for a connector in `unit`, the answer compared period by period with what the
 * harness predicts from `installed` and the time of the request (`match` fields, re-judgeable).
 */
export async function expectComposite(
  t: Pick<ChargePointSutContext, 'note'> & { cfg: HarnessConfig },
  cp: CaseLink,
  opts: { connectorId: number; duration: number; unit: ChargingRateUnit; installed: InstalledChargingProfile[]; transaction?: RunningTransaction; requirement: string },
): Promise<CallResultOk> {
  const sentAt = Date.now();
  const prediction = predictComposite(opts.installed, opts, sentAt, t.cfg.connectorIds,
    { maxTimeDeviationS: t.cfg.smartCharging.maxTimeDeviationS, toleranceMs: t.cfg.toleranceMs });
  const shown = (p: CompositePrediction['candidates'][number]): string =>
    p.periods.map((q) => `${q.startPeriod}s:${q.limit === undefined ? 'own limit' : `${q.limit}${opts.unit}`}`).join(' ');
  t.note(`predicted composite for connector ${opts.connectorId}, ${opts.duration} s (harness/versions/ocpp16/smart-charging): `
    + prediction.candidates.map((c) => `X=${c.x} → ${shown(c)}`).join(' | '));
  const res = await cp.call('GetCompositeSchedule', { connectorId: opts.connectorId, duration: opts.duration, chargingRateUnit: opts.unit }, {
    expect: prediction.matcher,
    requirement: opts.requirement,
  });
  // The table wants the connectorId in the answer; §6.22 makes it optional: the OCTT fails its absence, the spec does not.
  cp.checkAnswer(res, 'GetCompositeSchedule', {
    expect: { connectorId: { present: true } }, level: 'SHOULD', octt: 'fails',
    requirement: 'OCTT tool validation: connectorId is the configured connector; OCPP 1.6 §6.22: connectorId is Optional in GetCompositeSchedule.conf',
  });
  return res;
}

/**
 * Ours, before the table's steps: the unit to use with this charger and no profile from before (§1.3
 * general preconditions: no charging profile installed).
 */
export async function smartChargingBefore(t: Pick<ChargePointSutContext, 'note'> & { cfg: HarnessConfig }, cp: CaseLink): Promise<ChargingRateUnit> {
  const unit = await chargerRateUnit(t, cp);
  await clearAllProfiles(cp);
  return unit;
}

/** Clean-up (ours): ClearChargingProfile of profiles the case installed, by id; Accepted. */
export async function clearById(cp: CaseLink, ids: number[]): Promise<void> {
  for (const id of ids) {
    await cp.call('ClearChargingProfile', { id }, {
      expect: { status: 'Accepted' }, level: 'SHOULD', octt: 'not-checked',
      requirement: 'OCPP 1.6 §5.5, §6.13: a ClearChargingProfile.req for the id of an installed profile clears it: Accepted (§7.21)',
    });
  }
}

/** Where a schedule of the document starts: "current dateTime - <Configured max time deviation> seconds". */
export function documentStart(cfg: HarnessConfig): number {
  return recentStart(cfg.smartCharging.maxTimeDeviationS);
}

/** The deviation every case that predicts a composite declares: the harness predicts "calculated accordingly". */
export const PREDICTED_COMPOSITE = {
  what: 'The periods of GetCompositeSchedule.conf are compared with the composite the harness predicts from the installed profiles (harness/versions/ocpp16/smart-charging) for every Time X within the max time deviation, and no period beyond them',
  why: 'The table says the periods "should be calculated accordingly" without listing them; the prediction is that calculation (§3.13.1–§3.13.3, §5.7)',
  source: 'OCPP 1.6 §3.13.1, §3.13.2, §3.13.3, §5.7; errata 3.43',
};

/** The deviation of the cases that clear every profile first. */
export const CLEARED_BEFORE = {
  what: 'Before step 1: GetConfiguration ChargingScheduleAllowedChargingRateUnit (unless configured) and ClearChargingProfile without fields',
  why: 'The unit is the charger\'s (<Configured chargingRateUnit>); §1.3 general preconditions: no charging profile installed before a case',
  source: 'OCTT 1.6 TCD 2024-04 §1.3; OCPP 1.6 §3.13.5, §5.5, errata 3.25',
};

/** The table's prerequisites on configuration keys (e.g. MaxChargingProfilesInstalled >= 3): read them; a charger below is NOT_APPLICABLE. */
export async function requireAtLeast(t: Pick<ChargePointSutContext, 'note' | 'notApplicable'>, cp: CaseLink, minimums: Record<string, number>): Promise<void> {
  const res = await cp.call('GetConfiguration', { key: Object.keys(minimums) });
  const keys = (res.payload.configurationKey as { key: string; value?: string }[] | undefined) ?? [];
  for (const [key, min] of Object.entries(minimums)) {
    const value = Number(keys.find((k) => k.key === key)?.value);
    if (Number.isFinite(value) && value < min) t.notApplicable(`the table needs ${key} >= ${min}; the charge point reports ${value}`);
    if (!Number.isFinite(value)) t.note(`${key} not reported; assuming it is at least ${min}`);
  }
}
