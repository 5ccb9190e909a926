// What the block B (Provisioning) cases with the charging station under test share (the CSMS side has provisioning-steps.ts): reading, setting
// and restoring device-model variables (B05, B06), collecting a report sent in parts (B07), the boot and
// the connector statuses that follow it (B01, B11), and the ongoing transaction the Reset cases need
// (reusable states EnergyTransferStarted, StopAuthorized … ParkingBayUnoccupied, Part 6 §2.18).
// Not a case (discovery only loads files named TC_… / X…).
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import type { InboundCall } from '../../../harness/rpc/session.js';
import type { FrameEvent } from '../../../harness/trace/types.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';

type Ctx = ChargePointSutContext;

/** A device-model variable (Part 2 §2 component/variable). */
export interface VariableRef {
  component: string;
  variable: string;
  /** Variable instance (e.g. MessageTimeout "Default"). */
  instance?: string;
}

const ref = (v: VariableRef) => ({
  component: { name: v.component },
  variable: v.instance === undefined ? { name: v.variable } : { name: v.variable, instance: v.instance },
});

export const label = (v: VariableRef) => `${v.component}.${v.variable}${v.instance ? `[${v.instance}]` : ''}`;

/** GetVariables of one variable, judged only as answered: its Actual value, if it reported one Accepted. */
export async function readVariable(cp: CaseLink, v: VariableRef, requirement: string): Promise<string | undefined> {
  const res = await cp.call('GetVariables', { getVariableData: [ref(v)] }, { requirement });
  const result = (res.payload.getVariableResult as Array<Record<string, unknown>> | undefined)?.[0];
  return result?.attributeStatus === 'Accepted' && typeof result.attributeValue === 'string' ? result.attributeValue : undefined;
}

/** SetVariables of one variable: the attributeStatus the station answered (Accepted, RebootRequired, …). */
export async function writeVariable(cp: CaseLink, v: VariableRef, value: string, opts: { requirement: string; expectStatus?: string[]; level?: 'MUST' | 'SHOULD' }): Promise<string | undefined> {
  const res = await cp.call('SetVariables', { setVariableData: [{ ...ref(v), attributeValue: value }] }, {
    ...(opts.expectStatus ? { expect: { 'setVariableResult.0.attributeStatus': { oneOf: opts.expectStatus } } } : {}),
    requirement: opts.requirement, level: opts.level,
  });
  const result = (res.payload.setVariableResult as Array<Record<string, unknown>> | undefined)?.[0];
  return typeof result?.attributeStatus === 'string' ? result.attributeStatus : undefined;
}

/** A variable a case set, and the value to give it back. */
export interface VariableChange {
  v: VariableRef;
  original: string | undefined;
}

/**
 * The table's Before configuration state: read each variable, set it to the wanted value when it differs.
 * A value the station refuses makes the case NOT_APPLICABLE (a state it cannot be put in is never forced).
 */
export async function prepareVariables(t: Ctx, cp: CaseLink, wanted: Array<[VariableRef, string]>, table: string): Promise<VariableChange[]> {
  const changes: VariableChange[] = [];
  for (const [v, value] of wanted) {
    const original = await readVariable(cp, v, `${table} Before: ${label(v)} is read to set the configuration state (Part 2 B06.FR.01)`);
    if (original === value) continue;
    const status = await writeVariable(cp, v, value, { requirement: `${table} Before: ${label(v)} = ${value} (Part 2 B05.FR.01)` });
    if (status !== 'Accepted') {
      await restoreVariables(t, cp, changes);
      t.notApplicable(`${table} needs ${label(v)} = ${value} before it starts; the station answered ${status ?? 'nothing usable'}`);
    }
    changes.push({ v, original });
  }
  return changes;
}

/** Give back what prepareVariables changed (ours: nothing leaks into the next case). */
export async function restoreVariables(_t: Ctx, cp: CaseLink, changes: VariableChange[]): Promise<void> {
  for (const { v, original } of [...changes].reverse()) {
    if (original === undefined) continue;
    await writeVariable(cp, v, original, { requirement: `ours: ${label(v)} restored to ${original} after the case (Part 2 B05.FR.01)`, level: 'SHOULD' });
  }
}

/** The NotifyReport parts of one report, in order; `first` is the first part's CALL. */
export interface CollectedReport {
  parts: InboundCall[];
  items: Array<Record<string, unknown>>;
}

/**
 * Step 3 and the "while tbc = true" rows of the GetBaseReport tables: the first NotifyReport carries the
 * requestId and seqNo 0, each further part the next seqNo, until one arrives without tbc = true.
 */
export async function collectReport(cp: CaseLink, opts: { requestId: number; after: number; table: string; frs: string; maxParts?: number; within: number }): Promise<CollectedReport> {
  const parts: InboundCall[] = [];
  const items: Array<Record<string, unknown>> = [];
  for (let seqNo = 0; seqNo < (opts.maxParts ?? 1000); seqNo++) {
    const part = await cp.expectCall('NotifyReport', {
      where: { requestId: opts.requestId }, after: opts.after, within: opts.within,
      match: { seqNo, generatedAt: { present: true } },
      requirement: seqNo === 0
        ? `${opts.table} step 3: the first NotifyReport carries the requestId of the request, generatedAt and seqNo 0 (Part 2 ${opts.frs})`
        : `${opts.table} step 3 (while tbc = true): each further NotifyReport has seqNo one up from the previous (Part 2 ${opts.frs})`,
    });
    parts.push(part);
    const data = part.frame.payload.reportData;
    if (Array.isArray(data)) items.push(...(data as Array<Record<string, unknown>>));
    if (part.frame.payload.tbc !== true) break;
  }
  return { parts, items };
}

/** Variables of a report whose dataType is a list (OptionList, SequenceList, MemberList). */
export const LIST_TYPES = ['OptionList', 'SequenceList', 'MemberList'];

/** One reported variable as `Component[evse/connector].Variable[instance]`, for findings. */
export function itemName(item: Record<string, unknown>): string {
  const c = (item.component ?? {}) as { name?: string; instance?: string; evse?: { id?: number; connectorId?: number } };
  const v = (item.variable ?? {}) as { name?: string; instance?: string };
  const where = c.evse ? `[evse ${c.evse.id}${c.evse.connectorId !== undefined ? `/${c.evse.connectorId}` : ''}]` : '';
  return `${c.name ?? '?'}${c.instance ? `(${c.instance})` : ''}${where}.${v.name ?? '?'}${v.instance ? `(${v.instance})` : ''}`;
}

/**
 * A BootNotification on `link` (the first CALL after a (re)boot), with the reason the table names; the
 * harness's default handler accepts it. Returns the CALL and the seq of our answer.
 */
export async function expectBoot(cp: CaseLink, opts: { reason?: string | string[]; requirement: string; within?: number }): Promise<{ call: InboundCall; reply: FrameEvent }> {
  const reasons = opts.reason === undefined ? undefined : Array.isArray(opts.reason) ? opts.reason : [opts.reason];
  const call = await cp.expectCall('BootNotification', {
    ...(reasons ? { match: { reason: reasons.length === 1 ? reasons[0]! : { oneOf: reasons } } } : {}),
    within: opts.within, requirement: opts.requirement,
  });
  return { call, reply: await call.replied };
}

/**
 * "The Charging Station notifies the CSMS about the current state of all connectors": a
 * StatusNotification per connector (EVSE ids from the configuration, connector 1 each) with the status
 * `statusOf(evseId)` gives. The table also allows the NotifyEvent form; the harness waits for
 * StatusNotification, as the reusable state Booted does (module.settleBoot).
 */
export async function expectConnectorStatuses(t: Ctx, cp: CaseLink, opts: { after: number; statusOf: (evseId: number) => string | string[]; requirement: (evseId: number, status: string) => string; evseIds?: number[] }): Promise<InboundCall[]> {
  const out: InboundCall[] = [];
  for (const evseId of opts.evseIds ?? evseIdsOf(t.cfg)) {
    const status = opts.statusOf(evseId);
    const list = Array.isArray(status) ? status : [status];
    out.push(await cp.expectCall('StatusNotification', {
      where: { evseId, connectorId: 1 }, after: opts.after,
      match: { connectorStatus: list.length === 1 ? list[0]! : { oneOf: list } },
      requirement: opts.requirement(evseId, list.join(' or ')),
    }));
  }
  return out;
}

/** A StatusNotification of one connector with this status (e.g. Occupied after a plug-in). */
export function expectConnectorStatus(cp: CaseLink, evseId: number, status: string, opts: { after: number; requirement: string; level?: 'MUST' | 'SHOULD'; within?: number }): Promise<InboundCall> {
  return cp.expectCall('StatusNotification', {
    where: { evseId, connectorId: 1 }, after: opts.after, within: opts.within,
    match: { connectorStatus: status }, requirement: opts.requirement, level: opts.level,
  });
}

/**
 * The station reboots after a Reset it accepted: its next connection, whose first request is a
 * BootNotification with `reason`, then every connector's status (`statusOf`). A reboot that never comes
 * is the station's failure (nextConnection with a requirement).
 */
export async function expectRebootAndStatuses(t: Ctx, next: Promise<CaseLink>, opts: {
  table: string; bootStep: number; statusStep: number; reason?: string | string[]; statusOf: (evseId: number) => string | string[]; bootFr: string;
}): Promise<CaseLink> {
  const { link, reply } = await t.step(opts.bootStep, `The station reboots and sends BootNotification${opts.reason ? ` (reason ${[opts.reason].flat().join(' or ')})` : ''}; the harness accepts it (step ${opts.bootStep + 1})`, async () => {
    const link = await next;
    const { reply } = await expectBoot(link, {
      reason: opts.reason, within: t.cfg.timeouts.connectMs,
      requirement: `${opts.table} step ${opts.bootStep}; Part 2 B01.FR.03: after a reboot the station connects again and sends BootNotification; ${opts.bootFr}`,
    });
    return { link, reply };
  });
  await t.step(opts.statusStep, `The station reports the state of every connector (step ${opts.statusStep + 1}: the harness answers)`, () =>
    expectConnectorStatuses(t, link, {
      after: reply.seq, statusOf: opts.statusOf,
      requirement: (evseId, status) => `${opts.table} step ${opts.statusStep} and post-scenario validation; Part 2 B01.FR.05: once accepted the station sends a StatusNotification for each connector with its current state: EVSE ${evseId} ${status}`,
    }));
  return link;
}

/** "attributeStatusInfo is absent or its reasonCode is …" of the Get/SetVariables tables, at result `i`. */
export const statusInfo = (list: string, i: number, codes: string[]) => ({ [`${list}.${i}.attributeStatusInfo.reasonCode`]: { oneOf: codes, optional: true } });

/**
 * The index of the result for `v` in a Get/SetVariables answer whose results come "in arbitrary order";
 * when none answers for it, the index past the end (so the matcher there reports it missing).
 */
export function resultIndex(payload: Record<string, unknown>, list: string, v: VariableRef): number {
  const results = Array.isArray(payload[list]) ? payload[list] as Array<Record<string, unknown>> : [];
  const i = results.findIndex((r) => (r.component as { name?: string } | undefined)?.name === v.component
    && (r.variable as { name?: string } | undefined)?.name === v.variable);
  return i >= 0 ? i : results.length;
}
