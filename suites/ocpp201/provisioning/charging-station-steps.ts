// What the block B (Provisioning) cases with the charging station under test share (the CSMS side has provisioning-steps.ts): reading, setting
// and restoring device-model variables (B05, B06), collecting a report sent in parts (B07), the boot and
// the connector statuses that follow it (B01, B11), and the ongoing transaction the Reset cases need
// (reusable states EnergyTransferStarted, StopAuthorized … ParkingBayUnoccupied, Part 6 §2.18).
// Not a case (discovery only loads files named TC_… / X…).
import type { CaseLink, ExpectCallOptions } from '../../../harness/dsl/case-link.js';
import { ExpectationUnmet } from '../../../harness/dsl/errors.js';
import type { Matcher } from '../../../harness/checks/match.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import type { InboundCall } from '../../../harness/rpc/session.js';
import type { FrameEvent } from '../../../harness/trace/types.js';
import { connectorReport } from '../../../harness/versions/ocpp201/connector-status-report.js';
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
  const res = await cp.call('GetVariables', { getVariableData: [ref(v)] }, { requirement, octt: 'not-checked' });
  const result = (res.payload.getVariableResult as Array<Record<string, unknown>> | undefined)?.[0];
  return result?.attributeStatus === 'Accepted' && typeof result.attributeValue === 'string' ? result.attributeValue : undefined;
}

/** SetVariables of one variable: the attributeStatus the station answered (Accepted, RebootRequired, …). */
export async function writeVariable(cp: CaseLink, v: VariableRef, value: string, opts: { requirement: string; expectStatus?: string[]; level?: 'MUST' | 'SHOULD'; octt?: 'fails' | 'not-checked' }): Promise<string | undefined> {
  const res = await cp.call('SetVariables', { setVariableData: [{ ...ref(v), attributeValue: value }] }, {
    ...(opts.expectStatus ? { expect: { 'setVariableResult.0.attributeStatus': { oneOf: opts.expectStatus } } } : {}),
    requirement: opts.requirement, level: opts.level, octt: opts.octt,
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
    const status = await writeVariable(cp, v, value, { requirement: `${table} Before: ${label(v)} = ${value} (Part 2 B05.FR.01)`, octt: 'not-checked' });
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
export async function expectConnectorStatuses(t: Ctx, cp: CaseLink, opts: { after: number; statusOf: (evseId: number) => string | string[]; requirement: (evseId: number, status: string) => string; evseIds?: number[]; level?: 'MUST' | 'SHOULD' }): Promise<InboundCall[]> {
  const out: InboundCall[] = [];
  for (const evseId of opts.evseIds ?? evseIdsOf(t.cfg)) {
    const status = opts.statusOf(evseId);
    const list = Array.isArray(status) ? status : [status];
    const { action, ...form } = connectorReport(evseId, 1, list);
    out.push(await cp.expectCall(action, { ...form, after: opts.after, requirement: opts.requirement(evseId, list.join(' or ')), level: opts.level }));
  }
  return out;
}

/**
 * Reusable state Booted on the connection after a reboot (step `step` of `table`): BootNotification,
 * answered Accepted by the harness, then every connector reported Available.
 */
export async function expectBootedAgain(t: Ctx, link: CaseLink, table: string, step: number): Promise<void> {
  const { reply } = await expectBoot(link, { within: t.cfg.timeouts.connectMs, requirement: `${table} step ${step}, reusable state Booted; Part 2 B01.FR.03: after the reboot the station sends BootNotification` });
  await expectConnectorStatuses(t, link, {
    after: reply.seq, statusOf: () => 'Available',
    requirement: (evseId) => `${table} step ${step}, reusable state Booted step 5; Part 2 B01.FR.05: EVSE ${evseId} Available`,
  });
}

/** One connector's report with this status (e.g. Occupied after a plug-in): StatusNotification or NotifyEvent (G01). */
export function expectConnectorStatus(cp: CaseLink, evseId: number, status: string, opts: { after: number; requirement: string; level?: 'MUST' | 'SHOULD'; within?: number }): Promise<InboundCall> {
  const { action, ...form } = connectorReport(evseId, 1, [status]);
  return cp.expectCall(action, { ...form, after: opts.after, within: opts.within, requirement: opts.requirement, level: opts.level });
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

/**
 * A post-scenario validation over every item of a report: `itemMatcher` says what one reportData item
 * must carry (paths relative to the item); it is checked on each NotifyReport part, so a finding names
 * the part and the item's index in it.
 */
export function checkReportItems(cp: CaseLink, report: CollectedReport, opts: { requirement: string; level?: 'MUST' | 'SHOULD'; octt?: 'fails' | 'not-checked'; itemMatcher: (item: Record<string, unknown>) => Matcher }): void {
  for (const part of report.parts) {
    const items = Array.isArray(part.frame.payload.reportData) ? part.frame.payload.reportData as Array<Record<string, unknown>> : [];
    const match: Matcher = {};
    items.forEach((item, i) => {
      for (const [path, value] of Object.entries(opts.itemMatcher(item))) match[`reportData.${i}.${path}`] = value;
    });
    if (Object.keys(match).length > 0) cp.checkCall(part, { match, requirement: opts.requirement, level: opts.level, octt: opts.octt });
  }
}

const attributesOf = (item: Record<string, unknown>) => Array.isArray(item.variableAttribute) ? item.variableAttribute as Array<Record<string, unknown>> : [];
const characteristicsOf = (item: Record<string, unknown>) => (item.variableCharacteristics ?? {}) as { dataType?: string; valuesList?: string };

/** Every reported variable carries variableCharacteristics (B07.FR.07 / B07.FR.08). */
export const hasCharacteristics = (): Matcher => ({ variableCharacteristics: { present: true } });

/** A variable of a list dataType (OptionList, SequenceList, MemberList) carries its valuesList. */
export function listHasValues(item: Record<string, unknown>): Matcher {
  return LIST_TYPES.includes(characteristicsOf(item).dataType ?? '') ? { 'variableCharacteristics.valuesList': { present: true } } : {};
}

/** Every attribute is ReadWrite or WriteOnly (ConfigurationInventory: what the operator can set; absent = ReadWrite). */
export function settable(item: Record<string, unknown>): Matcher {
  const m: Matcher = {};
  attributesOf(item).forEach((_a, j) => { m[`variableAttribute.${j}.mutability`] = { oneOf: ['ReadWrite', 'WriteOnly'], optional: true }; });
  return m;
}

/**
 * TC_B_53_CS post-scenario: a list variable's valuesList is not empty, its values are members of it, and a
 * WriteOnly variable reports no value. Built from the item itself: the matcher holds the allowed values.
 */
export function dataModelConsistent(item: Record<string, unknown>): Matcher {
  const m: Matcher = {};
  const { dataType, valuesList } = characteristicsOf(item);
  const allowed = (valuesList ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (LIST_TYPES.includes(dataType ?? '')) m['variableCharacteristics.valuesList'] = { not: '' };
  attributesOf(item).forEach((a, j) => {
    const path = `variableAttribute.${j}.value`;
    if (a.mutability === 'WriteOnly') {
      m[path] = { present: false };
      return;
    }
    if (!LIST_TYPES.includes(dataType ?? '') || typeof a.value !== 'string' || a.value === '' || allowed.length === 0) return;
    const members = dataType === 'OptionList' ? [a.value] : a.value.split(',').map((s) => s.trim());
    // The value passes when each member is allowed; otherwise the matcher lists what is.
    m[path] = members.every((v) => allowed.includes(v)) ? { oneOf: [a.value] } : { oneOf: allowed };
  });
  return m;
}

/** Part 2's required variables (appendix "Referenced Components and Variables") of the functional blocks the Core profile implements. */
export const REQUIRED_CORE_VARIABLES: VariableRef[] = [
  ['AlignedDataCtrlr', 'Interval'], ['AlignedDataCtrlr', 'Measurands'], ['AlignedDataCtrlr', 'TxEndedInterval'], ['AlignedDataCtrlr', 'TxEndedMeasurands'],
  ['AuthCtrlr', 'AuthorizeRemoteStart'], ['AuthCtrlr', 'LocalAuthorizeOffline'], ['AuthCtrlr', 'LocalPreAuthorize'],
  ['ChargingStation', 'AvailabilityState'], ['ChargingStation', 'Available'], ['ChargingStation', 'SupplyPhases'],
  ['ClockCtrlr', 'DateTime'], ['ClockCtrlr', 'TimeSource'],
  ['DeviceDataCtrlr', 'BytesPerMessage', 'GetReport'], ['DeviceDataCtrlr', 'BytesPerMessage', 'GetVariables'], ['DeviceDataCtrlr', 'BytesPerMessage', 'SetVariables'],
  ['DeviceDataCtrlr', 'ItemsPerMessage', 'GetReport'], ['DeviceDataCtrlr', 'ItemsPerMessage', 'GetVariables'], ['DeviceDataCtrlr', 'ItemsPerMessage', 'SetVariables'],
  ['OCPPCommCtrlr', 'FileTransferProtocols'], ['OCPPCommCtrlr', 'MessageTimeout', 'Default'], ['OCPPCommCtrlr', 'MessageAttemptInterval', 'TransactionEvent'],
  ['OCPPCommCtrlr', 'MessageAttempts', 'TransactionEvent'], ['OCPPCommCtrlr', 'NetworkConfigurationPriority'], ['OCPPCommCtrlr', 'NetworkProfileConnectionAttempts'],
  ['OCPPCommCtrlr', 'OfflineThreshold'], ['OCPPCommCtrlr', 'ResetRetries'], ['OCPPCommCtrlr', 'UnlockOnEVSideDisconnect'],
  ['SampledDataCtrlr', 'TxEndedInterval'], ['SampledDataCtrlr', 'TxEndedMeasurands'], ['SampledDataCtrlr', 'TxStartedMeasurands'],
  ['SampledDataCtrlr', 'TxUpdatedInterval'], ['SampledDataCtrlr', 'TxUpdatedMeasurands'],
  ['SecurityCtrlr', 'CertificateEntries'], ['SecurityCtrlr', 'OrganizationName'], ['SecurityCtrlr', 'SecurityProfile'],
  ['TxCtrlr', 'EVConnectionTimeOut'], ['TxCtrlr', 'StopTxOnEVSideDisconnect'], ['TxCtrlr', 'StopTxOnInvalidId'], ['TxCtrlr', 'TxStartPoint'], ['TxCtrlr', 'TxStopPoint'],
].map(([component, variable, instance]) => ({ component: component!, variable: variable!, ...(instance ? { instance } : {}) }));

/** Components of the "Charging Infrastructure" whose required variables exist per EVSE / connector. */
const PER_EVSE: VariableRef[] = [{ component: 'EVSE', variable: 'AvailabilityState' }, { component: 'EVSE', variable: 'Available' }, { component: 'EVSE', variable: 'Power' }, { component: 'EVSE', variable: 'SupplyPhases' }];
const PER_CONNECTOR: VariableRef[] = [{ component: 'Connector', variable: 'Available' }, { component: 'Connector', variable: 'ConnectorType' }, { component: 'Connector', variable: 'SupplyPhases' }];

/** Whether a report item is `v` (by component, variable and their instance; evse when given). */
function isItem(item: Record<string, unknown>, v: VariableRef, evseId?: number): boolean {
  const c = (item.component ?? {}) as { name?: string; evse?: { id?: number } };
  const va = (item.variable ?? {}) as { name?: string; instance?: string };
  return c.name === v.component && va.name === v.variable && (v.instance === undefined || va.instance === v.instance)
    && (evseId === undefined || c.evse?.id === evseId);
}

/**
 * The post-scenario "the required variables are reported": the required variables the report lacks, each
 * asked for with GetVariables (a variable the station has but left out is then told apart from one it
 * lacks). Judged as: every required variable is implemented (Accepted, or Rejected when WriteOnly).
 */
export async function checkRequiredVariables(t: Ctx, cp: CaseLink, report: CollectedReport, requirement: string): Promise<void> {
  const wanted: Array<{ v: VariableRef; evseId?: number; connectorId?: number }> = [
    ...REQUIRED_CORE_VARIABLES.map((v) => ({ v })),
    ...evseIdsOf(t.cfg).flatMap((evseId) => [...PER_EVSE.map((v) => ({ v, evseId })), ...PER_CONNECTOR.map((v) => ({ v, evseId, connectorId: 1 }))]),
  ];
  const missing = wanted.filter((w) => !report.items.some((item) => isItem(item, w.v, w.evseId)));
  if (missing.length === 0) {
    t.note(`all ${wanted.length} required Core variables are in the report`);
    return;
  }
  t.note(`the report lacks ${missing.length} required variable(s): ${missing.map((m) => label(m.v)).join(', ')}; asking for them with GetVariables`);
  for (const m of missing) {
    const component = m.evseId === undefined ? { name: m.v.component } : { name: m.v.component, evse: m.connectorId === undefined ? { id: m.evseId } : { id: m.evseId, connectorId: m.connectorId } };
    await cp.call('GetVariables', { getVariableData: [{ component, variable: m.v.instance ? { name: m.v.variable, instance: m.v.instance } : { name: m.v.variable } }] }, {
      expect: { 'getVariableResult.0.attributeStatus': { oneOf: ['Accepted', 'Rejected'] } },
      requirement: `${requirement}: ${label(m.v)}${m.evseId !== undefined ? ` of EVSE ${m.evseId}` : ''} is required (Part 2 appendix, Referenced Components and Variables)`,
    });
  }
}

/**
 * Steps 1–4 of the GetBaseReport tables (TC_B_12/13/53_CS, and TC_B_02_CS while Pending): the request,
 * its answer Accepted (statusInfo absent or NoError), then the NotifyReport parts numbered from 0.
 */
export async function requestBaseReport(t: Ctx, cp: CaseLink, opts: { table: string; reportBase: string; frs: string }): Promise<CollectedReport> {
  const requestId = Math.floor(Math.random() * 1_000_000);
  const res = await t.step(1, `GetBaseReport ${opts.reportBase} (step 2: the station accepts it)`, () =>
    cp.call('GetBaseReport', { requestId, reportBase: opts.reportBase }, {
      expect: { status: 'Accepted', 'statusInfo.reasonCode': { oneOf: ['NoError'], optional: true } },
      requirement: `${opts.table} step 2; Part 2 B07.FR.01 and B07.FR.12: the station supports ConfigurationInventory and FullInventory and accepts them`,
    }));
  const report = await t.step(3, 'The station sends the report in NotifyReport parts, seqNo from 0 up while tbc is true (step 4: the harness answers each)', () =>
    collectReport(cp, { requestId, after: res.call.seq, table: opts.table, frs: opts.frs, within: t.cfg.timeouts.messageMs }));
  t.note(`the ${opts.reportBase} report came in ${report.parts.length} NotifyReport part(s), ${report.items.length} variables`);
  return report;
}

// ---------------------------------------------------------------- the ongoing transaction of the Reset cases

/** The configured valid idToken (Part 6 <Configured valid_idtoken_idtoken / type>). */
export const validIdToken = (t: Ctx) => ({ idToken: t.cfg.idTags.accepted, type: 'ISO14443' });

/** Tx start/stop points of the station (TxCtrlr.TxStartPoint / TxStopPoint), read to branch as the reusable states do. */
export async function readTxPoints(cp: CaseLink, table: string): Promise<{ start: string[]; stop: string[] }> {
  const list = async (variable: string) => (await readVariable(cp, { component: 'TxCtrlr', variable }, `${table}: TxCtrlr.${variable} is read to follow the reusable states' branches (Part 2 E01, E06)`) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return { start: await list('TxStartPoint'), stop: await list('TxStopPoint') };
}

/**
 * Reusable state EnergyTransferStarted (Part 6 Table 430, via Authorized and EVConnectedPreSession): the EV
 * is plugged in (StatusNotification Occupied), the valid idToken presented (Authorize), and a transaction
 * runs with chargingState Charging. Returns its transactionId.
 */
export async function energyTransferStarted(t: Ctx, cp: CaseLink, evseId: number, table: string): Promise<string> {
  const from = cp.mark(`reusable state EnergyTransferStarted on EVSE ${evseId}`);
  await t.sut.do('plugIn', { evseId, connectorId: 1 });
  await expectConnectorStatus(cp, evseId, 'Occupied', {
    after: from,
    requirement: `${table} Before, reusable state EnergyTransferStarted (Table 430) step 1: after the EV is connected the connector is reported Occupied (Part 2 G01)`,
  });
  await t.sut.do('presentIdToken', { evseId, idToken: validIdToken(t) });
  const charging = await cp.expectCall('TransactionEvent', {
    where: { 'transactionInfo.chargingState': 'Charging' }, after: from,
    requirement: `${table} Before, reusable state EnergyTransferStarted (Table 430) step 9: the transaction runs with chargingState Charging (Part 2 E01–E03)`,
  });
  return String((charging.frame.payload.transactionInfo as { transactionId?: string }).transactionId);
}

/**
 * Reusable states StopAuthorized, EVConnectedPostSession and EVDisconnected (Tables 432–434) for the
 * transaction on `evseId`, as far as `until` says: 'stopAuthorized' presents the idToken again,
 * 'evDisconnected' also unplugs the EV. Returns whether the transaction ended (TransactionEvent Ended).
 */
export async function stopAuthorized(t: Ctx, cp: CaseLink, opts: { evseId: number; transactionId: string; table: string; stopPoints: string[] }): Promise<{ ended: boolean; endedSeq?: number }> {
  const from = cp.mark(`reusable state StopAuthorized on EVSE ${opts.evseId}`);
  await t.sut.do('presentIdToken', { evseId: opts.evseId, idToken: validIdToken(t) });
  const stop = await cp.expectCall('TransactionEvent', {
    where: { 'transactionInfo.transactionId': opts.transactionId, triggerReason: 'StopAuthorized' }, after: from,
    match: { 'idToken.idToken': { oneOf: [t.cfg.idTags.accepted], optional: true } },
    requirement: `${opts.table}, reusable state StopAuthorized (Table 432) step 1: triggerReason StopAuthorized, idToken omitted or the one that started it (Part 2 E06)`,
  });
  // Table 433/434 notes: with TxStopPoint Authorized, EnergyTransfer, PowerPathClosed or DataSigned the
  // transaction has ended by now.
  if (!opts.stopPoints.some((p) => ['Authorized', 'EnergyTransfer', 'PowerPathClosed', 'DataSigned'].includes(p))) return { ended: false };
  // The StopAuthorized event may itself be the Ended one (Table 432 step 3 is optional).
  if (stop.frame.payload.eventType === 'Ended') return { ended: true, endedSeq: stop.event.seq };
  const ended = await cp.expectCall('TransactionEvent', {
    where: { 'transactionInfo.transactionId': opts.transactionId, eventType: 'Ended' }, after: stop.event.seq - 1,
    requirement: `${opts.table}, reusable states StopAuthorized / EVConnectedPostSession (Tables 432–433): with TxStopPoint ${opts.stopPoints.join(',')} the transaction ends once the authorization ends (Part 2 E06)`,
  });
  return { ended: true, endedSeq: ended.event.seq };
}

/** Reusable state EVDisconnected (Table 434): the EV is unplugged, the connector Available; a transaction still running ends. */
export async function evDisconnected(t: Ctx, cp: CaseLink, opts: { evseId: number; transactionId?: string; table: string; level?: 'MUST' | 'SHOULD' }): Promise<void> {
  const from = cp.mark(`reusable state EVDisconnected on EVSE ${opts.evseId}`);
  await t.sut.do('unplug', { evseId: opts.evseId, connectorId: 1 });
  await expectConnectorStatus(cp, opts.evseId, 'Available', {
    after: from, level: opts.level,
    requirement: `${opts.table}, reusable state EVDisconnected (Table 434) step 1: after the EV is disconnected the connector is reported Available (Part 2 G01)`,
  });
  if (opts.transactionId) {
    await cp.expectCall('TransactionEvent', {
      where: { 'transactionInfo.transactionId': opts.transactionId, eventType: 'Ended' }, after: from, level: opts.level,
      requirement: `${opts.table}, reusable state EVDisconnected (Table 434) step 3: the transaction ends when the EV is disconnected (TxStopPoint EVConnected; Part 2 E06)`,
    });
  }
}

/** Ours: end a transaction a case left running (present the idToken again, unplug), so nothing leaks into the next case. */
export async function cleanUpTransaction(t: Ctx, cp: CaseLink, evseId: number, transactionId: string | undefined, table: string): Promise<void> {
  if (transactionId) await t.sut.do('presentIdToken', { evseId, idToken: validIdToken(t) });
  await evDisconnected(t, cp, { evseId, table: `ours (${table} clean-up)`, level: 'SHOULD' });
}

/**
 * Expect a CALL the station must send before it closes the connection (e.g. the TransactionEvent Ended
 * before a reboot, B12.FR.04): when the connection closes first, let the expectation's deadline pass so
 * it is judged missing (a finding), instead of stopping the case without one.
 */
export async function expectBeforeClose(t: Ctx, cp: CaseLink, action: string, opts: ExpectCallOptions): Promise<InboundCall | undefined> {
  try {
    return await cp.expectCall(action, opts);
  } catch (err) {
    if (cp.isOpen || !(err instanceof ExpectationUnmet)) throw err;
    t.note(`the connection closed before ${action}: waiting out its deadline so it is judged missing`);
    await t.sleep((opts.within ?? t.cfg.timeouts.messageMs) + t.cfg.toleranceMs + 200);
    return undefined;
  }
}

export const OFFLINE_THRESHOLD: VariableRef = { component: 'OCPPCommCtrlr', variable: 'OfflineThreshold' };
export const RETRY_WAIT_MINIMUM: VariableRef = { component: 'OCPPCommCtrlr', variable: 'RetryBackOffWaitMinimum' };
export const RETRY_RANDOM_RANGE: VariableRef = { component: 'OCPPCommCtrlr', variable: 'RetryBackOffRandomRange' };
export const RETRY_REPEAT_TIMES: VariableRef = { component: 'OCPPCommCtrlr', variable: 'RetryBackOffRepeatTimes' };

/**
 * TC_B_51_CS / TC_B_52_CS: with OfflineThreshold and a reconnect wait on either side of it, the harness
 * drops the connection and refuses reconnects, the EV is plugged in on the first EVSE, the harness lets the
 * station back (after the threshold when `thresholdS` < `waitS`), and the station reports its connectors.
 */
export async function offlineThresholdCase(t: Ctx, opts: { table: string; thresholdS: number; waitS: number; fr: string; allConnectors: boolean }): Promise<void> {
  const { csms, step, cfg, sut } = t;
  const evseId = evseIdsOf(cfg)[0]!;
  let cp = await csms.booted();
  const changes = await prepareVariables(t, cp, [
    [OFFLINE_THRESHOLD, String(opts.thresholdS)], [RETRY_WAIT_MINIMUM, String(opts.waitS)], [RETRY_RANDOM_RANGE, '0'],
  ], opts.table);
  // The back-off the case sets, twice (a refused attempt doubles it), on top of the usual connect time.
  const next = csms.nextConnection({ requirement: `${opts.table} step 3; Part 4 §5.3: the station reconnects after RetryBackOffWaitMinimum`, withinMs: cfg.timeouts.connectMs + 2 * opts.waitS * 1000 });
  next.catch(() => undefined); // awaited in step 3
  await step(1, 'The harness closes the connection and refuses reconnects', () => csms.goOffline());
  const offlineAt = Date.now();
  await step(2, `The EV is connected to EVSE ${evseId}`, () => sut.do('plugIn', { evseId, connectorId: 1 }));
  cp = await step(3, `The harness accepts the station's reconnection${opts.allConnectors ? ' once the offline threshold has passed' : ''}`, async () => {
    if (opts.allConnectors) await t.sleep(Math.max(0, opts.thresholdS * 1000 - (Date.now() - offlineAt)));
    csms.goOnline();
    return next;
  });
  const back = cp.mark('the station is back online');
  await step(4, opts.allConnectors ? 'The station reports every connector: the EV\'s Occupied, the others Available (step 5: the harness answers)' : `The station reports the connector of EVSE ${evseId} Occupied (step 5: the harness answers)`, () =>
    expectConnectorStatuses(t, cp, {
      after: back, evseIds: opts.allConnectors ? evseIdsOf(cfg) : [evseId],
      statusOf: (id) => (id === evseId ? 'Occupied' : 'Available'),
      requirement: (id, status) => `${opts.table} step 4; Part 2 ${opts.fr}: EVSE ${id} connector 1 ${status}`,
    }));
  await step(6, 'Ours: the EV is disconnected and the variables restored', async () => {
    await evDisconnected(t, cp, { evseId, table: `ours (${opts.table} clean-up)`, level: 'SHOULD' });
    await restoreVariables(t, cp, changes);
  });
}

// ---------------------------------------------------------------- network connection profiles (B09, B10)

export const NETWORK_PRIORITY: VariableRef = { component: 'OCPPCommCtrlr', variable: 'NetworkConfigurationPriority' };
export const CONNECTION_ATTEMPTS: VariableRef = { component: 'OCPPCommCtrlr', variable: 'NetworkProfileConnectionAttempts' };

/** A NetworkConnectionProfileType for the harness (or another URL) at the station's current security profile. */
export async function connectionData(cp: CaseLink, ocppCsmsUrl: string, table: string): Promise<Record<string, unknown>> {
  const profile = await readVariable(cp, { component: 'SecurityCtrlr', variable: 'SecurityProfile' }, `${table}: SecurityCtrlr.SecurityProfile is read for connectionData.securityProfile (Part 2 B09.FR.04)`);
  const timeout = await readVariable(cp, { component: 'OCPPCommCtrlr', variable: 'MessageTimeout', instance: 'Default' }, `${table}: MessageTimeout[Default] is read for connectionData.messageTimeout`);
  return {
    ocppVersion: 'OCPP20', ocppTransport: 'JSON', ocppCsmsUrl, ocppInterface: 'Wired0',
    messageTimeout: Number(timeout ?? 30) || 30, securityProfile: Number(profile ?? 0) || 0,
  };
}

/**
 * The slot in use (the first entry of NetworkConfigurationPriority) and another slot of the station's — from
 * NetworkConfigurationPriority's valuesList, which a station SHALL report (Part 2 §2.1.6) and which
 * SetNetworkProfile must match (B09.FR.05). Without a readable valuesList: the second entry of the priority,
 * else the other of slots 1 and 2. Slot numbers may start at 0.
 */
export async function networkSlots(cp: CaseLink, table: string, t?: Ctx): Promise<{ priority: string; active: number; other: number }> {
  const priority = await readVariable(cp, NETWORK_PRIORITY, `${table}: NetworkConfigurationPriority is read to find the slot in use (Part 2 B10)`) ?? '1';
  const entries = priority.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n >= 0);
  const active = entries[0] ?? 1;
  const available = t ? await networkSlotValues(t, cp, table) : undefined;
  const other = available?.find((n) => n !== active) ?? entries.find((n) => n !== active) ?? (active === 1 ? 2 : 1);
  return { priority, active, other };
}

/** NetworkConfigurationPriority's valuesList, read with GetReport or (no custom reports: Core) a FullInventory base report. */
async function networkSlotValues(t: Ctx, cp: CaseLink, table: string): Promise<number[] | undefined> {
  const wanted = { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NetworkConfigurationPriority' } };
  const base = Math.floor(Math.random() * 1_000_000);
  const requests: Array<[string, Record<string, unknown>]> = [
    ['GetReport', { requestId: base, componentVariable: [wanted] }],
    ['GetBaseReport', { requestId: base + 1, reportBase: 'FullInventory' }],
  ];
  for (const [action, payload] of requests) {
    // Ours, not the table's: a station without custom reports (an Advanced Device Management feature) may refuse.
    const from = cp.link.calls.length;
    const res = await cp.callResultOrError(action, payload, {
      expect: {}, level: 'SHOULD', requirement: `ours (${table}): ${action} to read the station's configuration slots, NetworkConfigurationPriority's valuesList (Part 2 §2.1.6, B09.FR.05)`,
    });
    if (res.kind !== 'result' || res.payload.status !== 'Accepted') continue;
    const item = (await notifyReportItems(t, cp, Number(payload.requestId), from))
      .find((i) => (i.component as { name?: unknown } | undefined)?.name === 'OCPPCommCtrlr' && (i.variable as { name?: unknown } | undefined)?.name === 'NetworkConfigurationPriority');
    const list = (item?.variableCharacteristics as { valuesList?: unknown } | undefined)?.valuesList;
    if (typeof list === 'string') {
      const slots = list.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n >= 0);
      if (slots.length) return slots;
    }
  }
  return undefined;
}

/** The reportData of the NotifyReports answering `requestId` among the link's calls from index `from` (no check: what the report tables judge is theirs), until one ends the report. */
async function notifyReportItems(t: Ctx, cp: CaseLink, requestId: number, from: number): Promise<Array<Record<string, unknown>>> {
  const deadline = Date.now() + t.cfg.timeouts.messageMs;
  for (;;) {
    const parts = cp.link.calls.slice(from).filter((c) => c.frame.action === 'NotifyReport' && c.frame.payload.requestId === requestId);
    if (parts.some((p) => p.frame.payload.tbc !== true) || Date.now() >= deadline || !cp.isOpen) {
      return parts.flatMap((p) => (Array.isArray(p.frame.payload.reportData) ? p.frame.payload.reportData as Array<Record<string, unknown>> : []));
    }
    await t.sleep(50);
  }
}

/**
 * Steps 1–6 of the migration tables (TC_B_45/46_CS): SetNetworkProfile on the free slot (Accepted),
 * NetworkConfigurationPriority = "<new>,<old>" (Accepted or RebootRequired), Reset OnIdle (Accepted).
 * The station's reboot is awaited by the caller (`next`).
 */
export async function migrateToProfile(t: Ctx, cp: CaseLink, opts: { table: string; slot: number; previous: number; data: Record<string, unknown> }): Promise<void> {
  await t.step(1, `SetNetworkProfile for slot ${opts.slot} to ${String(opts.data.ocppCsmsUrl)} (step 2: Accepted)`, () =>
    cp.call('SetNetworkProfile', { configurationSlot: opts.slot, connectionData: opts.data }, {
      expect: { status: 'Accepted' },
      requirement: `${opts.table} step 2; Part 2 B09.FR.01: a valid network connection profile is stored and Accepted`,
    }));
  await t.step(3, `SetVariables NetworkConfigurationPriority = "${opts.slot},${opts.previous}" (step 4: Accepted or RebootRequired)`, () =>
    writeVariable(cp, NETWORK_PRIORITY, `${opts.slot},${opts.previous}`, {
      expectStatus: ['Accepted', 'RebootRequired'],
      requirement: `${opts.table} step 4; Part 2 B10.FR.01: a priority naming slots that hold valid profiles is Accepted (or RebootRequired)`,
    }));
  // Step 5 runs when the station does not reboot by itself; the reference stations do not, so it always runs here.
  await t.step(5, 'Reset OnIdle (step 6: Accepted)', () =>
    cp.call('Reset', { type: 'OnIdle' }, {
      expect: { status: 'Accepted' },
      requirement: `${opts.table} step 6; Part 2 B11.FR.01: an idle station accepts the Reset`,
    }));
}

/** Ours: NetworkConfigurationPriority back to what it was, and a Reset so the station uses it again. */
export async function restoreNetworkPriority(t: Ctx, cp: CaseLink, priority: string, table: string): Promise<CaseLink> {
  await writeVariable(cp, NETWORK_PRIORITY, priority, { level: 'SHOULD', requirement: `ours (${table}): NetworkConfigurationPriority restored to ${priority} (Part 2 B10.FR.01)` });
  const next = t.csms.nextConnection();
  next.catch(() => undefined);
  await cp.call('Reset', { type: 'OnIdle' }, { expect: { status: 'Accepted' }, level: 'SHOULD', requirement: `ours (${table}): a Reset so the restored priority takes effect (Part 2 B10.FR.04)` });
  const link = await next;
  await t.csms.booted();
  return link;
}
