// The charging-station reusable states of OCPP 2.0.1 Part 6 §2.18 (Tables 426–435) as the harness CSMS
// observes them, for every case that drives a charging session (blocks E, J, …). A state is a function
// over one `TxSession`: it performs the table's manual action through SUT control (plugIn,
// presentIdToken, unplug, …) and expects what the table's tool validations name, at the step the
// calling case gives it. Which TransactionEvents a state expects depends on the TxStartPoint and
// TxStopPoint in effect (each table's notes say when a step applies), so the session reads both first.
//
// A case wraps its body in `withTxSession`: the table's Before configuration is set with SetVariables
// (`settings`), the session is read, and whatever happens the session is ended and the variables are
// restored afterwards, so that no case leaves a transaction or a changed variable to the next one.
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import { NotApplicable } from '../../../harness/dsl/errors.js';
import type { Matcher } from '../../../harness/checks/match.js';
import type { InboundCall } from '../../../harness/rpc/session.js';
import { connectorReport } from '../../../harness/versions/ocpp201/connector-status-report.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';

export type Ctx = ChargePointSutContext;
export type TxPoint = 'ParkingBayOccupancy' | 'EVConnected' | 'Authorized' | 'DataSigned' | 'PowerPathClosed' | 'EnergyTransfer';
export interface IdToken { idToken: string; type: string }

/** One charging session on one EVSE, as far as the harness CSMS knows it. */
export interface TxSession {
  t: Ctx;
  cp: CaseLink;
  evseId: number;
  connectorId: number;
  idToken: IdToken;
  /** TxCtrlr.TxStartPoint / TxStopPoint in effect (read after the Before configuration). */
  startPoints: ReadonlySet<string>;
  stopPoints: ReadonlySet<string>;
  /** AuthCtrlr.Enabled is false: the station starts without Authorize (Table 428 step 1 note). */
  authDisabled: boolean;
  /** How the session was authorized: at the station (Main A) or with RequestStartTransaction (Main B). */
  authorizedBy?: 'local' | 'remote';
  transactionId?: string;
  started: boolean;
  ended: boolean;
  authorized: boolean;
  plugged: boolean;
  bayOccupied: boolean;
  /** The idToken was presented and its first TransactionEvent has not carried it yet. */
  idTokenUnsent: boolean;
  /** The harness CSMS went offline in this case (back online after it, whatever happens). */
  offline: boolean;
  /** The EV was told to suspend or to be not ready (evSuspend / evNotReady): resumed after the case. */
  evHeld: boolean;
  /** The mark of the last stimulus: events a later state expects may already follow it. */
  lastMark: number;
  /** transactionInfo.chargingState of the last TransactionEvent of this session. */
  chargingState?: string;
  /**
   * A RequestStartTransaction was accepted and no TransactionEvent was expected since: the next one
   * expected must say RemoteStart with this remoteStartId (Part 6 §2.1 general tool rule).
   */
  pendingRemoteStartId?: number;
}

export const table = (n: number, state: string) => `OCPP 2.0.1 Part 6 Table ${n} (reusable state ${state})`;
const T = {
  parkingBayOccupied: table(426, 'ParkingBayOccupied'),
  evConnectedPreSession: table(427, 'EVConnectedPreSession'),
  authorized: table(428, 'Authorized'),
  energyTransferStarted: table(430, 'EnergyTransferStarted'),
  energyTransferSuspended: table(431, 'EnergyTransferSuspended'),
  stopAuthorized: table(432, 'StopAuthorized'),
  evConnectedPostSession: table(433, 'EVConnectedPostSession'),
  evDisconnected: table(434, 'EVDisconnected'),
  parkingBayUnoccupied: table(435, 'ParkingBayUnoccupied'),
};

/** The table's <Configured ev_connection_timeout> (TxCtrlr.EVConnectionTimeOut), in seconds. */
export const EV_CONNECTION_TIMEOUT_S = 5;

export const validIdToken = (t: Ctx): IdToken => ({ idToken: t.cfg.idTags.accepted, type: 'ISO14443' });

// ---------------------------------------------------------------------------------------------------
// Variables (GetVariables / SetVariables) and the Before configuration of a table

export interface VariableRef { component: string; variable: string; instance?: string }

const variableData = (v: VariableRef) => ({ component: { name: v.component }, variable: { name: v.variable, ...(v.instance ? { instance: v.instance } : {}) } });
export const variableName = (v: VariableRef) => `${v.component}.${v.variable}${v.instance ? `[${v.instance}]` : ''}`;

export async function getVariable(cp: CaseLink, v: VariableRef): Promise<{ status: string; value?: string }> {
  const r = await cp.call('GetVariables', { getVariableData: [variableData(v)] });
  const res = (r.payload.getVariableResult as Array<{ attributeStatus: string; attributeValue?: string }> | undefined)?.[0];
  return { status: res?.attributeStatus ?? 'Rejected', value: res?.attributeValue };
}

export async function setVariable(cp: CaseLink, v: VariableRef, value: string): Promise<string> {
  const r = await cp.call('SetVariables', { setVariableData: [{ ...variableData(v), attributeValue: value }] });
  const res = (r.payload.setVariableResult as Array<{ attributeStatus: string }> | undefined)?.[0];
  return res?.attributeStatus ?? 'Rejected';
}

/**
 * One line of a table's Before "Configuration State". `need`: `always` — the case cannot run without it
 * (NOT_APPLICABLE when the station refuses); `ifImplemented` — skipped when the variable is unknown, but
 * a known one must take the value; `ifWritable` — set when the station lets it be set, else left as it is.
 * `orContains`: a list variable (TxStartPoint, TxStopPoint) that cannot be set still serves when it
 * already contains this member and none of `excludes` (the tables' "ReadOnly AND …" prerequisites).
 */
export interface VariableSetting extends VariableRef {
  value: string;
  need?: 'always' | 'ifImplemented' | 'ifWritable';
  orContains?: string;
  excludes?: string[];
}

export interface Restore extends VariableRef { value: string }

/** Set the table's Before configuration; the changed variables with their old values, to restore. */
export async function applySettings(t: Ctx, cp: CaseLink, settings: VariableSetting[]): Promise<Restore[]> {
  const restores: Restore[] = [];
  try {
    for (const s of settings) {
      const need = s.need ?? 'always';
      const current = await getVariable(cp, s);
      if (current.status !== 'Accepted') {
        if (need === 'always') t.notApplicable(`the table's Before state needs ${variableName(s)} = ${s.value}, and the station answers GetVariables with ${current.status}`);
        continue;
      }
      if (current.value === s.value) continue;
      const status = await setVariable(cp, s, s.value);
      if (status === 'Accepted') {
        restores.push({ ...s, value: current.value ?? '' });
        continue;
      }
      if (s.orContains) {
        const members = (current.value ?? '').split(',');
        const barred = (s.excludes ?? []).filter((m) => members.includes(m));
        if (members.includes(s.orContains) && barred.length === 0) {
          t.note(`${variableName(s)} cannot be set (${status}); its value ${current.value} contains ${s.orContains}, as the table's prerequisite allows`);
          continue;
        }
        t.notApplicable(`${variableName(s)} cannot be set to ${s.value} (SetVariables ${status}) and its value ${current.value} does not meet the table's prerequisite (contains ${s.orContains}${s.excludes?.length ? `, none of ${s.excludes.join(', ')}` : ''})`);
      }
      if (need === 'ifWritable') continue;
      t.notApplicable(`the table's Before state needs ${variableName(s)} = ${s.value}, and the station answers SetVariables with ${status}`);
    }
  } catch (err) {
    if (err instanceof NotApplicable) await restoreSettings(cp, restores).catch(() => undefined);
    throw err;
  }
  return restores;
}

export async function restoreSettings(cp: CaseLink, restores: Restore[]): Promise<void> {
  for (const r of [...restores].reverse()) await setVariable(cp, r, r.value);
}

/** TxStartPoint / TxStopPoint set to `point` (or already containing it when it cannot be set). */
export const txPoint = (variable: 'TxStartPoint' | 'TxStopPoint', point: TxPoint, excludes: string[] = []): VariableSetting =>
  ({ component: 'TxCtrlr', variable, value: point, orContains: point, excludes });

/** The "AuthCtrl.AuthEnabled is true (If implemented AND ReadWrite), DisableRemoteAuthorization is false (If implemented)" lines. */
export const AUTH_ENABLED: VariableSetting[] = [
  { component: 'AuthCtrlr', variable: 'Enabled', value: 'true', need: 'ifWritable' },
  { component: 'AuthCtrlr', variable: 'DisableRemoteAuthorization', value: 'false', need: 'ifImplemented' },
];

// ---------------------------------------------------------------------------------------------------
// The session

export interface SessionOptions {
  /** Before configuration of the table. */
  settings?: VariableSetting[];
  /** How the Authorized state authorizes by default (the OCTT's configurable default). */
  authorizedBy?: 'local' | 'remote';
}

const listOf = (value: string | undefined) => new Set((value ?? '').split(',').map((s) => s.trim()).filter(Boolean));

/**
 * Booted, the Before configuration set, the session read; `body` runs; then (whatever its outcome) the
 * session is ended and the configuration restored (`teardownStep`, ours).
 */
export async function withTxSession(t: Ctx, opts: SessionOptions & { teardownStep: number }, body: (s: TxSession) => Promise<void>): Promise<void> {
  const cp = await t.csms.booted();
  const restores = await t.step(0, 'Before: the table\'s configuration state (SetVariables; restored at the end)', () => applySettings(t, cp, opts.settings ?? []));
  let failed = true;
  let session: TxSession | undefined;
  try {
    session = await openSession(t, cp);
    await body(session);
    failed = false;
  } finally {
    const teardown = async () => {
      if (session?.offline) {
        t.csms.goOnline();
        session.offline = false;
      }
      if (session) await endSession(session);
      await restoreSettings(await t.csms.connection(), restores);
    };
    if (failed) await teardown().catch(() => undefined);
    else await t.step(opts.teardownStep, 'After (ours): the session is ended and the configuration restored', teardown);
  }
}

export async function openSession(t: Ctx, cp: CaseLink): Promise<TxSession> {
  const start = await getVariable(cp, { component: 'TxCtrlr', variable: 'TxStartPoint' });
  const stop = await getVariable(cp, { component: 'TxCtrlr', variable: 'TxStopPoint' });
  const auth = await getVariable(cp, { component: 'AuthCtrlr', variable: 'Enabled' });
  return {
    t, cp, evseId: evseIdsOf(t.cfg)[0]!, connectorId: 1, idToken: validIdToken(t),
    startPoints: listOf(start.value), stopPoints: listOf(stop.value),
    authDisabled: auth.status === 'Accepted' && auth.value === 'false',
    started: false, ended: false, authorized: false, plugged: false, bayOccupied: false, idTokenUnsent: false, evHeld: false, offline: false, lastMark: cp.mark('session opened'),
  };
}

const has = (set: ReadonlySet<string>, ...points: TxPoint[]) => points.some((p) => set.has(p));
/** A transaction is running now (started and not ended). */
export const ongoing = (s: TxSession) => s.started && !s.ended;

/** Where a TransactionEvent of this session is: by its transactionId once known. */
function txWhere(s: TxSession, where: Matcher = {}): Matcher {
  return {
    ...(s.transactionId ? { 'transactionInfo.transactionId': s.transactionId } : {}),
    // Periodic meter values may come at any moment of a session: no state step is about them.
    triggerReason: { not: 'MeterValuePeriodic' },
    ...where,
  };
}

/** What a TransactionEvent tells the session. */
export function observe(s: TxSession, payload: Record<string, unknown>): void {
  const info = payload.transactionInfo as { transactionId?: string } | undefined;
  if (info?.transactionId && !s.transactionId) s.transactionId = info.transactionId;
  if (!s.started) s.started = true;
  // An authorization ends with its transaction (E06: the Ended event closes the session).
  if (payload.eventType === 'Ended') {
    s.ended = true;
    s.authorized = false;
  }
  if (payload.idToken !== undefined) s.idTokenUnsent = false;
  const state = (payload.transactionInfo as { chargingState?: unknown } | undefined)?.chargingState;
  if (typeof state === 'string') s.chargingState = state;
}

/**
 * Trigger reasons that can coincide with the start of the energy transfer. Part 2 E02.FR.17's note: when two
 * trigger reasons overlap, the more specific one should be used (a cable plugged in: CablePluggedIn, not
 * ChargingStateChanged). Where a table demands ChargingStateChanged, a station that used one of these for
 * the same moment gets a SHOULD finding the OCTT fails (octt: fails), not a FAIL.
 */
export const OVERLAPPING_TRIGGERS = ['CablePluggedIn', 'Authorized', 'RemoteStart'];

/** The deviation every case declares whose reusable states judge the energy transfer's trigger reason. */
export const OVERLAPPING_TRIGGER_DEVIATION = {
  what: 'Where the table demands triggerReason ChargingStateChanged (or chargingState EVConnected with CablePluggedIn), a station that reported the start of the energy transfer with the more specific trigger of the same moment (CablePluggedIn, Authorized, RemoteStart) gets a SHOULD finding the OCTT fails, not a FAIL',
  why: 'Part 2 recommends the more specific trigger reason when two overlap',
  source: 'OCPP 2.0.1 Part 2 E02.FR.17 (note)',
};

/** The table's own demand on an event already judged with the overlapping triggers allowed: SHOULD, octt fails. */
export function judgeTableTrigger(s: TxSession, call: InboundCall, wanted: string[], requirement: string): void {
  s.cp.checkCall(call, {
    match: { triggerReason: wanted.length === 1 ? wanted[0]! : { oneOf: wanted } }, level: 'SHOULD', octt: 'fails',
    requirement: `${requirement} — SHOULD here: Part 2 E02.FR.17's note prefers the more specific of two overlapping trigger reasons (${OVERLAPPING_TRIGGERS.join(', ')})`,
  });
}

export interface TxExpectation {
  requirement: string;
  where?: Matcher;
  match?: Matcher;
  /** Only events after this seq (default: the stimulus mark of the state). */
  after: number;
  within?: number;
  level?: 'MUST' | 'SHOULD';
  octt?: 'fails' | 'not-checked';
}

/**
 * Expect a TransactionEvent of this session; the session learns from it. The first one after a remote
 * start is the RemoteStart event whatever the state expects (Part 6 §2.1: it overrules the step's
 * triggerReason) and carries the remoteStartId.
 */
export async function expectTxEvent(s: TxSession, e: TxExpectation): Promise<InboundCall> {
  const remote = s.pendingRemoteStartId;
  const { triggerReason: _stateTrigger, ...whereOtherwise } = e.where ?? {};
  const call = await s.cp.expectCall('TransactionEvent', {
    where: txWhere(s, remote === undefined ? e.where : whereOtherwise),
    match: remote === undefined ? e.match : { ...e.match, triggerReason: 'RemoteStart', 'transactionInfo.remoteStartId': remote },
    after: e.after,
    requirement: remote === undefined ? e.requirement : `${e.requirement}; Part 6 §2.1 general tool rule: the first TransactionEvent after RequestStartTransaction says RemoteStart with its remoteStartId (F01.FR.19, F01.FR.25 / F02.FR.01)`,
    ...(e.within ? { within: e.within } : {}), ...(e.level ? { level: e.level } : {}), ...(e.octt ? { octt: e.octt } : {}),
  });
  s.pendingRemoteStartId = undefined;
  observe(s, call.frame.payload);
  return call;
}

/** The idToken fields a TransactionEvent must carry (the general tool rule after presenting it). */
export const idTokenMatch = (s: TxSession): Matcher => ({ 'idToken.idToken': s.idToken.idToken, 'idToken.type': s.idToken.type });
export const evseMatch = (s: TxSession): Matcher => ({ 'evse.id': s.evseId, 'evse.connectorId': s.connectorId });

/**
 * "The Charging Station notifies the CSMS about the status change of the connector": a
 * StatusNotification with `status`, or (Part 2 G01 alternative) a NotifyEvent Delta of the Connector's
 * AvailabilityState. Whichever comes first is the one judged.
 */
export async function expectConnectorStatus(s: TxSession, status: string, requirement: string, after: number): Promise<InboundCall> {
  const { action, ...form } = connectorReport(s.evseId, s.connectorId, [status]);
  return s.cp.expectCall(action, { ...form, after, requirement });
}

/**
 * The next TransactionEvent of this session after `from` (an index into the link's calls), without
 * consuming it: for tables whose validation of an event depends on what the event says.
 */
export async function peekTxEvent(s: TxSession, from: number, opts: { withinMs?: number; anyTransaction?: boolean } = {}): Promise<Record<string, unknown> | undefined> {
  const deadline = Date.now() + (opts.withinMs ?? s.t.cfg.timeouts.messageMs);
  const ours = (p: Record<string, unknown>) => opts.anyTransaction || !s.transactionId
    || (p.transactionInfo as { transactionId?: string } | undefined)?.transactionId === s.transactionId;
  for (;;) {
    const found = s.cp.link.calls.slice(from).find((c) => c.frame.action === 'TransactionEvent' && ours(c.frame.payload));
    if (found) return found.frame.payload;
    if (Date.now() >= deadline || !s.cp.isOpen) return undefined;
    await s.t.sleep(25);
  }
}

/** A stimulus mark: the seq to look after, and where the link's call list stands. */
export function stimulusMark(s: TxSession, text: string): { after: number; from: number } {
  const from = s.cp.link.calls.length;
  s.lastMark = s.cp.mark(text);
  return { from, after: s.lastMark };
}

/** Connect the EV (SUT control plugIn) and expect Occupied; the stimulus mark. */
export async function connectEv(s: TxSession, requirement: string): Promise<{ after: number; from: number }> {
  const m = stimulusMark(s, 'the EV and EVSE are connected');
  await s.t.sut.do('plugIn', { evseId: s.evseId, connectorId: s.connectorId });
  s.plugged = true;
  await expectConnectorStatus(s, 'Occupied', requirement, m.after);
  return m;
}

// ---------------------------------------------------------------------------------------------------
// The reusable states (Part 6 §2.18)

/**
 * Table 426 ParkingBayOccupied: optional in Part 6; performed only when a Tx point of the session names
 * ParkingBayOccupancy (or `force`), since a station without a bay sensor has no such action.
 */
export async function parkingBayOccupied(s: TxSession, opts: { force?: boolean; cite?: string; match?: Matcher } = {}): Promise<void> {
  if (!opts.force && !has(s.startPoints, 'ParkingBayOccupancy') && !has(s.stopPoints, 'ParkingBayOccupancy')) {
    s.t.note('ParkingBayOccupied skipped: optional, and neither TxStartPoint nor TxStopPoint names ParkingBayOccupancy');
    return;
  }
  const m = stimulusMark(s, 'the EV drives into the parking bay');
  await s.t.sut.do('parkingBayOccupied', { evseId: s.evseId });
  s.bayOccupied = true;
  if (has(s.startPoints, 'ParkingBayOccupancy') && !s.started) {
    await expectTxEvent(s, {
      after: m.after, match: { triggerReason: 'EVDetected', ...opts.match },
      requirement: `${opts.cite ?? `${T.parkingBayOccupied} step 1`}; E01.FR.01 (start at ParkingBayOccupancy), E01.FR.15 (triggerReason)`,
    });
  }
}

/** Table 427 EVConnectedPreSession: connect the EV; Occupied; the TransactionEvent when one is due. */
export async function evConnectedPreSession(s: TxSession, opts: { evNotReady?: boolean } = {}): Promise<InboundCall | undefined> {
  const m = stimulusMark(s, 'the EV and EVSE are connected');
  await s.t.sut.do('plugIn', { evseId: s.evseId, connectorId: s.connectorId });
  s.plugged = true;
  await expectConnectorStatus(s, 'Occupied', `${T.evConnectedPreSession} step 1; E02.FR.05 (Occupied when a cable is plugged in)`, m.after);
  const startsNow = !s.started && (has(s.startPoints, 'EVConnected') || (s.authorized && has(s.startPoints, 'PowerPathClosed')));
  if (!startsNow && !ongoing(s)) return undefined;
  const wasStarted = s.started;
  return expectTxEvent(s, {
    after: m.after,
    match: {
      eventType: wasStarted ? 'Updated' : 'Started',
      triggerReason: { oneOf: ['CablePluggedIn', 'ChargingStateChanged', 'RemoteStart'] },
      // An EV not ready for energy (TC_E_38) makes the closed power path SuspendedEV (E01.FR.19).
      'transactionInfo.chargingState': { oneOf: s.authorized ? ['EVConnected', 'SuspendedEVSE', 'Charging', ...(opts.evNotReady ? ['SuspendedEV'] : [])] : ['EVConnected'] },
      ...evseMatch(s),
    },
    requirement: `${T.evConnectedPreSession} step 3; ${wasStarted ? 'E02.FR.17' : 'E01.FR.02 / E01.FR.05'}, E01.FR.16 (evse after connecting), E01.FR.15`,
  });
}

/** Table 428 Authorized, Main A (local: present the idToken) or Main B (RequestStartTransaction). */
export async function authorized(s: TxSession, how: 'local' | 'remote' = s.authorizedBy ?? 'local', cite?: Cite): Promise<InboundCall | undefined> {
  return how === 'remote' ? authorizedRemote(s, cite) : authorizedLocal(s, cite);
}

/** The table and step numbers a requirement cites when a case's own table repeats a state's steps. */
export interface Cite { table: string; steps: Record<string, number> }
const cited = (c: Cite | undefined, fallback: string, key: string, n: number) => c ? `${c.table} step ${c.steps[key] ?? n}` : `${fallback} step ${n}`;

async function authorizedLocal(s: TxSession, cite?: Cite): Promise<InboundCall | undefined> {
  const m = stimulusMark(s, `idToken ${s.idToken.idToken} presented`);
  await s.t.sut.do('presentIdToken', { evseId: s.evseId, idToken: s.idToken });
  s.authorizedBy = 'local';
  if (!s.authDisabled) {
    await s.cp.expectCall('Authorize', {
      after: m.after, match: idTokenMatch(s),
      requirement: `${cited(cite, T.authorized, 'authorize', 1)}; C01.FR.02 (an idToken presented is authorized with the CSMS)`,
    });
  }
  s.authorized = true;
  s.idTokenUnsent = true;
  if (!(has(s.startPoints, 'Authorized') || ongoing(s))) return undefined;
  const wasStarted = s.started;
  return expectTxEvent(s, {
    after: m.after,
    match: { triggerReason: 'Authorized', ...idTokenMatch(s), ...(wasStarted ? {} : { eventType: 'Started' }) },
    requirement: `${cited(cite, T.authorized, 'tx', 3)}; ${wasStarted ? 'E02.FR.01' : 'E01.FR.03'}, E01.FR.10 (the idToken in the next TransactionEvent)`,
  });
}

let remoteStartIds = 0;

async function authorizedRemote(s: TxSession, cite?: Cite): Promise<InboundCall | undefined> {
  const m = stimulusMark(s, 'RequestStartTransaction');
  const remoteStartId = (Date.now() % 1_000_000) * 10 + (remoteStartIds++ % 10);
  const wasStarted = s.started;
  const answer = await s.cp.call('RequestStartTransaction', { idToken: s.idToken, evseId: s.evseId, remoteStartId }, {
    expect: { status: 'Accepted', ...(wasStarted && s.transactionId ? { transactionId: s.transactionId } : {}) },
    requirement: `${cited(cite, `${T.authorized} Main B`, 'request', 2)}; F01.FR.02${wasStarted ? ', F01.FR.13 (the transactionId of the transaction already started)' : ''}`,
  });
  s.authorizedBy = 'remote';
  s.authorized = answer.payload.status === 'Accepted';
  s.idTokenUnsent = true;
  if (!(has(s.startPoints, 'Authorized') || ongoing(s))) {
    // The RemoteStart event comes with a later state's event (e.g. when the power path closes).
    if (s.authorized) s.pendingRemoteStartId = remoteStartId;
    return undefined;
  }
  return expectTxEvent(s, {
    after: m.after,
    match: { triggerReason: 'RemoteStart', 'transactionInfo.remoteStartId': remoteStartId, ...idTokenMatch(s), ...(wasStarted ? {} : { eventType: 'Started' }) },
    requirement: `${cited(cite, `${T.authorized} Main B`, 'tx', 7)}; F01.FR.19 (triggerReason RemoteStart), F01.FR.25 (remoteStartId), F01.FR.04 (the idToken)`,
  });
}

/** Table 430 EnergyTransferStarted: connect the EV when not connected (Part 1), then the energy flows (Part 2). */
export async function energyTransferStarted(s: TxSession): Promise<void> {
  const before = s.lastMark;
  const m = stimulusMark(s, 'energy transfer starting');
  const wasPlugged = s.plugged;
  if (!s.plugged) {
    await s.t.sut.do('plugIn', { evseId: s.evseId, connectorId: s.connectorId });
    s.plugged = true;
    await expectConnectorStatus(s, 'Occupied', `${T.energyTransferStarted} step 1; E02.FR.05`, m.after);
    if (!s.started ? has(s.startPoints, 'EVConnected') : ongoing(s)) {
      const wasStarted = s.started;
      const plugged = await expectTxEvent(s, {
        after: m.after, where: { triggerReason: 'CablePluggedIn' },
        // Charging as well: energy flowing from the plug-in on is reported in this event (E02.FR.17 note).
        match: { 'transactionInfo.chargingState': { oneOf: ['EVConnected', 'Charging'] }, ...evseMatch(s) },
        requirement: `${T.energyTransferStarted} step 3; ${wasStarted ? 'E02.FR.17' : 'E01.FR.02'}, E01.FR.16`,
      });
      s.cp.checkCall(plugged, {
        match: { 'transactionInfo.chargingState': 'EVConnected' }, level: 'SHOULD', octt: 'fails',
        requirement: `${T.energyTransferStarted} step 3: chargingState EVConnected — SHOULD here: a station whose energy flows from the plug-in on reports Charging in the CablePluggedIn event (Part 2 E02.FR.17 note)`,
      });
    }
  }
  // With the EV connected before this state, the energy may have started with the previous stimulus (the
  // authorization that closed the power path): its events count too.
  await energyFlows(s, wasPlugged ? before : m.after);
}

/** Table 430 Part 2: the power path closes and energy flows (steps 7 and 9; DataSigned, step 5, is not covered). */
async function energyFlows(s: TxSession, after: number): Promise<void> {
  if (!s.started && has(s.startPoints, 'PowerPathClosed')) {
    // Step 7 asks SuspendedEVSE (power path closed, no energy yet). A station whose power path closes
    // with the energy flowing at once reports Charging in the same event: that event then is step 9 too.
    const requirement = `${T.energyTransferStarted} step 7; E01.FR.05 (start at PowerPathClosed), E01.FR.16, E01.FR.10`;
    const remoteStart = s.pendingRemoteStartId !== undefined; // then RemoteStart is the trigger the general rule wants
    const closed = await expectTxEvent(s, {
      after, match: { triggerReason: { oneOf: ['ChargingStateChanged', ...OVERLAPPING_TRIGGERS] }, 'transactionInfo.chargingState': { oneOf: ['SuspendedEVSE', 'Charging'] }, eventType: 'Started', ...evseMatch(s), ...(s.idTokenUnsent ? idTokenMatch(s) : {}) },
      requirement,
    });
    if (!remoteStart) judgeTableTrigger(s, closed, ['ChargingStateChanged'], `${requirement}: triggerReason ChargingStateChanged`);
    if ((closed.frame.payload.transactionInfo as { chargingState?: string }).chargingState === 'Charging') return;
  }
  const wasStarted = s.started;
  const requirement = `${T.energyTransferStarted} step 9; ${wasStarted ? 'E01.FR.18 (a changed charging state is reported)' : 'E01.FR.06 (start at EnergyTransfer)'}, E01.FR.15`;
  if (wasStarted && s.chargingState === 'Charging') {
    // Charging was already reported, with the trigger of the same moment (Authorized, CablePluggedIn …): the
    // table's separate ChargingStateChanged event is then only what the OCTT wants (E02.FR.17 note).
    try {
      await expectTxEvent(s, {
        after, where: { 'transactionInfo.chargingState': 'Charging', triggerReason: 'ChargingStateChanged' }, level: 'SHOULD', octt: 'fails',
        requirement: `${requirement}: a TransactionEvent ChargingStateChanged, Charging — SHOULD here: the station reported Charging already, with the more specific trigger of the same moment (Part 2 E02.FR.17 note); the OCTT fails it`,
      });
    } catch (err) {
      if (!(err instanceof Error) || err.name !== 'ExpectationUnmet') throw err; // the SHOULD finding is recorded; the state is reached
    }
    return;
  }
  const remoteStart = s.pendingRemoteStartId !== undefined;
  const flowing = await expectTxEvent(s, {
    after, where: { 'transactionInfo.chargingState': 'Charging' },
    match: { triggerReason: { oneOf: ['ChargingStateChanged', ...OVERLAPPING_TRIGGERS] }, ...(wasStarted ? {} : { eventType: 'Started', ...evseMatch(s) }), ...(s.idTokenUnsent ? idTokenMatch(s) : {}) },
    requirement,
  });
  if (!remoteStart) judgeTableTrigger(s, flowing, ['ChargingStateChanged'], `${requirement}: triggerReason ChargingStateChanged`);
}

/** Table 431 EnergyTransferSuspended: the EV suspends; Updated SuspendedEV (or Ended when TxStopPoint is EnergyTransfer). */
export async function energyTransferSuspended(s: TxSession, opts: { step?: string } = {}): Promise<InboundCall> {
  const m = stimulusMark(s, 'the EV suspends the energy transfer');
  await s.t.sut.do('evSuspend', { evseId: s.evseId });
  s.evHeld = true;
  const ends = has(s.stopPoints, 'EnergyTransfer');
  return expectTxEvent(s, {
    after: m.after,
    match: ends
      ? { eventType: 'Ended', 'transactionInfo.chargingState': { oneOf: ['EVConnected', 'SuspendedEV'] }, 'transactionInfo.stoppedReason': 'StoppedByEV' }
      : { eventType: 'Updated', triggerReason: 'ChargingStateChanged', 'transactionInfo.chargingState': { oneOf: ['EVConnected', 'SuspendedEV'] } },
    requirement: `${opts.step ?? `${T.energyTransferSuspended} step 1`}; E01.FR.18 / E01.FR.19 (SuspendedEV when the EV suspends)${ends ? ', E06.FR.07 (stop at EnergyTransfer)' : ''}`,
  });
}

/**
 * Table 432 StopAuthorized, Main A (present the same idToken) or Main B (RequestStopTransaction).
 * `match`: what the calling table checks further in that event (e.g. Ended, stoppedReason).
 */
export async function stopAuthorized(s: TxSession, how: 'local' | 'remote' = s.authorizedBy ?? 'local', opts: { cite?: Cite; match?: Matcher; fr?: string } = {}): Promise<InboundCall> {
  const m = stimulusMark(s, how === 'local' ? 'the same idToken presented to stop' : 'RequestStopTransaction');
  s.authorized = false;
  const fr = opts.fr ? `, ${opts.fr}` : '';
  if (how === 'remote') {
    await s.cp.call('RequestStopTransaction', { transactionId: s.transactionId ?? '' }, {
      expect: { status: 'Accepted' }, requirement: `${cited(opts.cite, `${T.stopAuthorized} Main B`, 'request', 2)}; F03.FR.07 (an active transaction's stop is Accepted)`,
    });
    return expectTxEvent(s, {
      after: m.after, match: { triggerReason: 'RemoteStop', ...opts.match },
      requirement: `${cited(opts.cite, `${T.stopAuthorized} Main B`, 'tx', 3)}; F03.FR.02 / F03.FR.03 (triggerReason RemoteStop)${fr}`,
    });
  }
  await s.t.sut.do('presentIdToken', { evseId: s.evseId, idToken: s.idToken });
  // An Ended event here is judged further (stoppedReason) by the case that needs it (`match`).
  return expectTxEvent(s, {
    after: m.after, match: { triggerReason: 'StopAuthorized', 'idToken.idToken': { oneOf: [s.idToken.idToken], optional: true }, ...opts.match },
    requirement: `${cited(opts.cite, T.stopAuthorized, 'tx', 1)}; E06.FR.03 / E07 (triggerReason StopAuthorized, the idToken omitted or the one that started)${fr}`,
  });
}

// ---------------------------------------------------------------------------------------------------
// Chains of states, as a case's Before names them (each state executes the ones it presupposes)

const chain = (names: string[]) => `Before: reusable state${names.length > 1 ? 's' : ''} ${names.join(', ')}`;

/** "State is EnergyTransferStarted": ParkingBayOccupied (when it applies), Authorized, EnergyTransferStarted. */
export function beforeEnergyTransferStarted(s: TxSession, how: 'local' | 'remote' = 'local'): Promise<void> {
  return s.t.step(0, chain(['ParkingBayOccupied (optional)', `Authorized (${how})`, 'EnergyTransferStarted']), async () => {
    await parkingBayOccupied(s);
    await authorized(s, how);
    await energyTransferStarted(s);
  });
}

/** "State is EnergyTransferSuspended": … EnergyTransferStarted, then the EV suspends. */
export async function beforeEnergyTransferSuspended(s: TxSession, how: 'local' | 'remote' = 'local'): Promise<void> {
  await beforeEnergyTransferStarted(s, how);
  await s.t.step(0, chain(['EnergyTransferSuspended']), () => energyTransferSuspended(s));
}

/** "State is EVConnectedPostSession": … EnergyTransferStarted, StopAuthorized, EVConnectedPostSession. */
export async function beforeEvConnectedPostSession(s: TxSession, how: 'local' | 'remote' = 'local'): Promise<void> {
  await beforeEnergyTransferStarted(s, how);
  await s.t.step(0, chain([`StopAuthorized (${how})`, 'EVConnectedPostSession']), async () => {
    await stopAuthorized(s, how);
    await evConnectedPostSession(s);
  });
}

/** "State is EVDisconnected": … EVConnectedPostSession, EVDisconnected. */
export async function beforeEvDisconnected(s: TxSession, how: 'local' | 'remote' = 'local'): Promise<void> {
  await beforeEvConnectedPostSession(s, how);
  await s.t.step(0, chain(['EVDisconnected']), () => evDisconnected(s));
}

/** Table 433 EVConnectedPostSession: the energy offer stops; ChargingStateChanged EVConnected while the transaction goes on. */
export async function evConnectedPostSession(s: TxSession, after = s.lastMark): Promise<void> {
  if (!ongoing(s)) return;
  await expectTxEvent(s, {
    after, where: { triggerReason: 'ChargingStateChanged' },
    match: { 'transactionInfo.chargingState': 'EVConnected' },
    requirement: `${T.evConnectedPostSession} step 1; E01.FR.18 (a changed charging state is reported)`,
  });
}

/** Table 434 EVDisconnected: disconnect at the station side; Available; EVCommunicationLost Idle while the transaction goes on. */
export async function evDisconnected(s: TxSession, opts: { statusStep?: string; txStep?: string; txMatch?: Matcher; txRequirement?: string } = {}): Promise<InboundCall | undefined> {
  const m = stimulusMark(s, 'the EV and EVSE are disconnected');
  const wasOngoing = ongoing(s);
  await s.t.sut.do('unplug', { evseId: s.evseId, connectorId: s.connectorId });
  s.plugged = false;
  await expectConnectorStatus(s, 'Available', `${opts.statusStep ?? `${T.evDisconnected} step 1`}; E06 (Available after the cable is removed)`, m.after);
  if (!wasOngoing) return undefined;
  return expectTxEvent(s, {
    after: m.after, match: { triggerReason: 'EVCommunicationLost', 'transactionInfo.chargingState': 'Idle', ...opts.txMatch },
    requirement: opts.txRequirement ?? `${opts.txStep ?? `${T.evDisconnected} step 3`}; E02.FR.17, E01.FR.15 (triggerReason EVCommunicationLost)`,
  });
}

/**
 * The cable pulled out of the EV, still in the socket (SUT control unplugEvSide; E09/E10 and the EV-side
 * stop tables): the next TransactionEvent says EVCommunicationLost and Idle, plus what the table adds.
 */
export async function evSideDisconnect(s: TxSession, e: { match?: Matcher; requirement: string }): Promise<InboundCall> {
  const m = stimulusMark(s, 'the cable is pulled out of the EV');
  await s.t.sut.do('unplugEvSide', { evseId: s.evseId });
  return expectTxEvent(s, {
    after: m.after, match: { triggerReason: 'EVCommunicationLost', 'transactionInfo.chargingState': 'Idle', ...e.match }, requirement: e.requirement,
  });
}

/** Table 435 ParkingBayUnoccupied: the EV leaves the bay; Ended EVDeparted when TxStopPoint has ParkingBayOccupancy. */
export async function parkingBayUnoccupied(s: TxSession, opts: { step?: string } = {}): Promise<InboundCall | undefined> {
  if (!s.bayOccupied) return undefined;
  const m = stimulusMark(s, 'the EV leaves the parking bay');
  await s.t.sut.do('parkingBayUnoccupied', { evseId: s.evseId });
  s.bayOccupied = false;
  if (!ongoing(s) || !has(s.stopPoints, 'ParkingBayOccupancy')) return undefined;
  return expectTxEvent(s, {
    after: m.after,
    match: { triggerReason: 'EVDeparted', eventType: 'Ended', 'transactionInfo.stoppedReason': s.authorizedBy === 'remote' ? 'Remote' : 'Local' },
    requirement: `${opts.step ?? `${T.parkingBayUnoccupied} step 1`}; E06.FR.01 (stop at ParkingBayOccupancy)`,
  });
}

// ---------------------------------------------------------------------------------------------------
// After (ours): leave the station idle

/** The TransactionEvents of this session seen so far on the live connection. */
function seenEnded(cp: CaseLink, transactionId: string | undefined): boolean {
  return cp.link.calls.some((c) => c.frame.action === 'TransactionEvent' && c.frame.payload.eventType === 'Ended'
    && (c.frame.payload.transactionInfo as { transactionId?: string }).transactionId === transactionId);
}

/**
 * End what the session left: stop a running transaction remotely, withdraw an unused authorization,
 * unplug, empty the bay; then wait (without judging) for the Ended event. Nothing here is a check.
 */
export async function endSession(s: TxSession): Promise<void> {
  const { t } = s;
  const cp = await t.csms.connection();
  s.cp = cp;
  const running = s.transactionId !== undefined && !s.ended && !seenEnded(cp, s.transactionId);
  if (running) await cp.call('RequestStopTransaction', { transactionId: s.transactionId! });
  else if (s.authorized && s.authorizedBy === 'local') await t.sut.do('presentIdToken', { evseId: s.evseId, idToken: s.idToken });
  s.authorized = false;
  if (s.plugged) await t.sut.do('unplug', { evseId: s.evseId, connectorId: s.connectorId });
  s.plugged = false;
  if (s.bayOccupied) await t.sut.do('parkingBayUnoccupied', { evseId: s.evseId });
  s.bayOccupied = false;
  if (s.evHeld) await t.sut.do('evResume', { evseId: s.evseId });
  s.evHeld = false;
  if (running) {
    const deadline = Date.now() + t.cfg.timeouts.messageMs;
    while (Date.now() < deadline && !seenEnded(cp, s.transactionId)) await t.sleep(50);
  }
  s.ended = s.ended || running;
  // Let the last status notifications arrive inside this case.
  await t.sleep(200);
}
