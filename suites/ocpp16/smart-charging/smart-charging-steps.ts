// What the Smart Charging cases with the charge point under test share: charging profiles taken from
// the fixture table (fixtures/charging-profiles) and moved to now, a remotely started transaction to
// charge in, and GetCompositeSchedule judged against the composite the harness predicts with its own
// module (harness/smart-charging), independent of any charge point's implementation. Not a case
// (discovery only loads files named TC_… / X…).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Matcher, MatchValue, Scalar } from '../../../harness/checks/match.js';
import type { HarnessConfig } from '../../../harness/config/types.js';
import type { CallResultOk, CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import { packageInfo } from '../../../harness/package-info.js';
import { compositeIntervals, computeCompositeSchedule } from '../../../harness/smart-charging/composite-schedule.js';
import type { ChargingProfile, CompositeScheduleQuery, InstalledChargingProfile } from '../../../harness/smart-charging/types.js';

/** The profiles a row of the fixture table installs (a fresh copy: change it freely). */
export function fixtureProfiles(name: string): InstalledChargingProfile[] {
  const file = join(packageInfo.root, 'fixtures', 'charging-profiles', `${name}.json`);
  const fixture = JSON.parse(readFileSync(file, 'utf8')) as { installed: InstalledChargingProfile[] };
  return fixture.installed;
}

/** One profile of a fixture row, by its chargingProfileId. */
export function fixtureProfile(name: string, chargingProfileId: number): InstalledChargingProfile {
  const found = fixtureProfiles(name).find((p) => p.profile.chargingProfileId === chargingProfileId);
  if (!found) throw new Error(`fixture ${name} has no profile ${chargingProfileId}`);
  return found;
}

const iso = (epochS: number): string => new Date(epochS * 1000).toISOString().replace('.000Z', 'Z');

/** Whole epoch seconds a moment ago: a schedule starting then is in force when the request arrives. */
export function recentStart(agoS = 2): number {
  return Math.floor(Date.now() / 1000) - agoS;
}

/**
 * The rows' profiles moved in time so that the earliest startSchedule among them is `startS` (epoch
 * seconds), every other time (startSchedule, validFrom, validTo) by the same amount; and installed on
 * `connectorId` where the row says connector 1 (connector 0 stays 0).
 */
export function placed(installed: InstalledChargingProfile[], opts: { startS: number; connectorId: number }): InstalledChargingProfile[] {
  const starts = installed.flatMap((i) => (i.profile.chargingSchedule.startSchedule ? [Date.parse(i.profile.chargingSchedule.startSchedule) / 1000] : []));
  const shift = starts.length ? opts.startS - Math.min(...starts) : 0;
  const moved = (t: string | undefined): string | undefined => (t === undefined ? undefined : iso(Date.parse(t) / 1000 + shift));
  return installed.map(({ connectorId, profile }) => {
    const p: ChargingProfile = structuredClone(profile);
    if (p.validFrom !== undefined) p.validFrom = moved(p.validFrom);
    if (p.validTo !== undefined) p.validTo = moved(p.validTo);
    if (p.chargingSchedule.startSchedule !== undefined) p.chargingSchedule.startSchedule = moved(p.chargingSchedule.startSchedule);
    return { connectorId: connectorId === 0 ? 0 : opts.connectorId, profile: p };
  });
}

/** SetChargingProfile.req for an installed profile. */
export function setChargingProfileReq(i: InstalledChargingProfile): Record<string, unknown> {
  return { connectorId: i.connectorId, csChargingProfiles: i.profile };
}

/** Precondition of the cases that predict a composite: no profile from before takes part (errata 3.25: no fields = all). */
export async function clearAllProfiles(cp: CaseLink): Promise<void> {
  await cp.call('ClearChargingProfile', {}, {
    expect: { status: { oneOf: ['Accepted', 'Unknown'] } },
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
    requirement: 'OCPP 1.6 §5.12: a RemoteStopTransaction for an ongoing transaction is Accepted',
  });
  await cp.expectCall('StopTransaction', {
    after: res.call.seq, match: { transactionId },
    requirement: 'OCPP 1.6 §5.12, §4.10: the transaction is stopped and StopTransaction.req sent for it',
  });
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: res.call.seq, match: { status: 'Finishing' },
    requirement: 'OCPP 1.6 §4.9 (C6): the transaction stopped with the cable still plugged in: Finishing',
  });
  const unplugged = cp.mark('unplugging');
  await t.sut.do('unplug', { connectorId });
  await cp.expectCall('StatusNotification', {
    where: { connectorId }, after: unplugged, match: { status: 'Available' },
    requirement: 'OCPP 1.6 §4.9 (F1): the cable removed after the transaction: Available',
  });
}

/**
 * Where the charge point's Time X (§5.7: the moment it receives the request) may be, in whole epoch
 * seconds, around the harness's clock when it sends: a second either side for the two clocks and the
 * truncation to whole seconds, one more for the transit.
 */
const X_OFFSETS_S = [-1, 0, 1, 2];

/** No charge point maximum in the prediction: the cases keep every limit at or below 16 A, and cover the whole window with profiles. */
const NO_CEILING = { limit: Number.MAX_SAFE_INTEGER, unit: 'A' as const };

export interface CompositePrediction {
  /** The periods predicted for each candidate Time X. */
  candidates: { x: string; periods: { startPeriod: number; limit: number }[] }[];
  matcher: Matcher;
}

/**
 * The GetCompositeSchedule.conf fields the harness predicts for `installed` (§3.13.2 stacking, §3.13.1
 * and §3.13.3 combining by minimum), as matchers over every candidate Time X: status Accepted, unit A,
 * scheduleStart present, and period by period the startPeriod and limit (one value where every
 * candidate agrees, else one of theirs), and no period beyond.
 */
export function predictComposite(
  installed: InstalledChargingProfile[],
  query: { connectorId: number; duration: number; transaction?: RunningTransaction },
  sentAtMs: number,
  connectorIds: number[],
): CompositePrediction {
  const base = Math.floor(sentAtMs / 1000);
  // The charge point received the request after its transaction started, by its own clock.
  const txStart = query.transaction ? Math.floor(Date.parse(query.transaction.startedAt) / 1000) : Number.NEGATIVE_INFINITY;
  const offsets = X_OFFSETS_S.filter((offset) => !(base + offset < txStart));
  const candidates = (offsets.length ? offsets : [0]).map((offset) => {
    const q: CompositeScheduleQuery = {
      connectorId: query.connectorId, duration: query.duration, chargingRateUnit: 'A', start: new Date((base + offset) * 1000),
      ...(query.transaction && { transaction: { transactionId: query.transaction.transactionId, startedAt: query.transaction.startedAt } }),
    };
    const options = { chargePointMaxRate: NO_CEILING, connectorIds };
    const intervals = compositeIntervals(installed, q, options);
    if (!intervals.ok) throw new Error(`harness: the composite cannot be predicted: ${intervals.reason}`);
    if (intervals.intervals.some((i) => i.limit === undefined)) {
      throw new Error('harness: the case\'s profiles leave part of the requested window without a limit; the charge point\'s own maximum cannot be predicted');
    }
    const conf = computeCompositeSchedule(installed, q, options);
    const periods = (conf.chargingSchedule?.chargingSchedulePeriod ?? []).map(({ startPeriod, limit }) => ({ startPeriod, limit }));
    return { x: iso(base + offset), periods };
  });
  const matcher: Matcher = {
    status: 'Accepted',
    connectorId: { oneOf: [query.connectorId], optional: true },
    scheduleStart: { present: true },
    'chargingSchedule.chargingRateUnit': 'A',
  };
  const longest = Math.max(...candidates.map((c) => c.periods.length));
  const agreed = (values: (Scalar | undefined)[]): MatchValue => {
    const defined = [...new Set(values.filter((v): v is Scalar => v !== undefined))];
    const optional = values.some((v) => v === undefined);
    return defined.length === 1 && !optional ? defined[0]! : { oneOf: defined, ...(optional && { optional }) };
  };
  for (let i = 0; i < longest; i++) {
    matcher[`chargingSchedule.chargingSchedulePeriod.${i}.startPeriod`] = agreed(candidates.map((c) => c.periods[i]?.startPeriod));
    matcher[`chargingSchedule.chargingSchedulePeriod.${i}.limit`] = agreed(candidates.map((c) => c.periods[i]?.limit));
  }
  matcher[`chargingSchedule.chargingSchedulePeriod.${longest}`] = { present: false };
  return { candidates, matcher };
}

/**
 * GetCompositeSchedule (unit A) for a connector, the answer compared period by period with what the
 * harness predicts from `installed` and the time of the request (`match` fields, re-judgeable).
 */
export async function expectComposite(
  t: Pick<ChargePointSutContext, 'note'> & { cfg: HarnessConfig },
  cp: CaseLink,
  opts: { connectorId: number; duration: number; installed: InstalledChargingProfile[]; transaction?: RunningTransaction; requirement: string },
): Promise<CallResultOk> {
  const sentAt = Date.now();
  const prediction = predictComposite(opts.installed, opts, sentAt, t.cfg.connectorIds);
  const shown = (p: CompositePrediction['candidates'][number]): string => p.periods.map((q) => `${q.startPeriod}s:${q.limit}A`).join(' ');
  t.note(`predicted composite for connector ${opts.connectorId}, ${opts.duration} s (harness/smart-charging): `
    + prediction.candidates.map((c) => `X=${c.x} → ${shown(c)}`).join(' | '));
  return cp.call('GetCompositeSchedule', { connectorId: opts.connectorId, duration: opts.duration, chargingRateUnit: 'A' }, {
    expect: prediction.matcher,
    requirement: opts.requirement,
  });
}
