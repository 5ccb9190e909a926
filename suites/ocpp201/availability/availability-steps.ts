// What the block G (Availability) cases share, both sides. Charging station under test: ChangeAvailability
// of the station, one EVSE or one connector (Part 2 G03/G04), the reusable state Unavailable (Part 6
// Table 425), the reports that follow (StatusNotification or NotifyEvent AvailabilityState: either counts,
// Part 2 G01.FR.07 and Part 5's remark on these groups) and the availability given back after the case.
// CSMS under test: the request the CSMS is asked to send (reusable state Unavailable, Table 700) and the
// harness station's answer and reports (both forms: Part 5 says a CSMS must support both).
// Not a case (discovery only loads files named TC_… / X…).
import type { CaseLink, CallResultOk } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext, CsmsSutContext } from '../../../harness/dsl/context.js';
import type { CallForm } from '../../../harness/checks/expectation.js';
import type { Matcher } from '../../../harness/checks/match.js';
import type { InboundCall } from '../../../harness/rpc/session.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { connectorReport } from '../../../harness/versions/ocpp201/connector-status-report.js';
import { reportConnector } from '../provisioning/provisioning-steps.js';
import * as states from '../transactions/charging-station-states.js';
import * as csmsTx from '../transactions/csms-transaction-states.js';

type Ctx = ChargePointSutContext;

/** What a ChangeAvailability addresses: the whole station, one EVSE, or one connector of an EVSE. */
export type Scope = 'station' | 'evse' | 'connector';
export type Operational = 'Operative' | 'Inoperative';

/** The one connector of each EVSE (module.ts: `connectorIds` are EVSE ids, connector 1 each). */
export const CONNECTOR_ID = 1;

/** The table's <Configured evseId>: the first configured EVSE. */
export const configuredEvse = (cfg: { connectorIds: number[] }): number => evseIdsOf(cfg)[0] ?? 1;

/** The `evse` field of a ChangeAvailabilityRequest for `scope` (none for the whole station). */
export function evseField(scope: Scope, evseId: number): Record<string, unknown> {
  if (scope === 'station') return {};
  return { evse: scope === 'evse' ? { id: evseId } : { id: evseId, connectorId: CONNECTOR_ID } };
}

/** The EVSEs whose connectors a change of `scope` concerns. */
export const evsesOf = (cfg: { connectorIds: number[] }, scope: Scope, evseId: number): number[] => (scope === 'station' ? evseIdsOf(cfg) : [evseId]);

export const scopeLabel = (scope: Scope, evseId: number) =>
  scope === 'station' ? 'the station' : scope === 'evse' ? `EVSE ${evseId}` : `connector ${CONNECTOR_ID} of EVSE ${evseId}`;

/** Part 2's requirements of a scope: G04 for the station, G03 for an EVSE or a connector. */
export const FR = {
  station: { answered: 'G04.FR.02', sameState: 'G04.FR.04', reported: 'G04.FR.05', scheduled: 'G04.FR.06', inoperative: 'G04.FR.07', operative: 'G04.FR.08', persistent: 'G04.FR.09' },
  evse: { answered: 'G03.FR.01', sameState: 'G03.FR.03', reported: 'G03.FR.04', scheduled: 'G03.FR.05', inoperative: 'G03.FR.06', operative: 'G03.FR.07', persistent: 'G03.FR.08' },
  connector: { answered: 'G03.FR.01', sameState: 'G03.FR.03', reported: 'G03.FR.04', scheduled: 'G03.FR.05', inoperative: 'G03.FR.06', operative: 'G03.FR.07', persistent: 'G03.FR.08' },
} as const;

/** The status a ChangeAvailability leaves an idle connector in. */
export const statusAfter = (status: Operational) => (status === 'Operative' ? 'Available' : 'Unavailable');

// ---------------------------------------------------------------- charging station under test

/** Send ChangeAvailability for `scope`; the answer must carry `expectStatus` (a tool validation). */
export function changeAvailability(cp: CaseLink, cfg: Ctx['cfg'], o: {
  scope: Scope; status: Operational; expectStatus: 'Accepted' | 'Scheduled'; requirement: string; evseId?: number; level?: 'MUST' | 'SHOULD';
}): Promise<CallResultOk> {
  const evseId = o.evseId ?? configuredEvse(cfg);
  return cp.call('ChangeAvailability', { operationalStatus: o.status, ...evseField(o.scope, evseId) }, {
    expect: { status: o.expectStatus }, requirement: o.requirement, ...(o.level ? { level: o.level } : {}),
  });
}

/**
 * A connector's report of `status` as a CALL to wait for: the status is part of what counts (not only of
 * what is judged), so a report of another status that was on its way before the change (a lagging one of
 * an earlier change) is passed over; a station that never reports `status` leaves it missing.
 */
function reportOf(evseId: number, status: string): { where: Matcher; alternatives: CallForm[] } {
  const form = connectorReport(evseId, CONNECTOR_ID, [status]);
  return {
    where: { ...form.where, ...form.match },
    alternatives: form.alternatives.map((a) => ({ action: a.action, where: { ...a.where, ...a.match } })),
  };
}

/**
 * Every connector of `evseIds` reported with `status` after `after`: a StatusNotification, or the
 * NotifyEvent (Connector AvailabilityState, trigger Delta) Part 2 G01.FR.07 allows instead.
 */
export async function expectReports(_t: Ctx, cp: CaseLink, o: {
  evseIds: number[]; status: string | ((evseId: number) => string); after: number; requirement: string; level?: 'MUST' | 'SHOULD'; octt?: 'fails'; within?: number;
}): Promise<InboundCall[]> {
  const out: InboundCall[] = [];
  for (const evseId of o.evseIds) {
    const status = typeof o.status === 'string' ? o.status : o.status(evseId);
    out.push(await cp.expectCall('StatusNotification', {
      ...reportOf(evseId, status), after: o.after, ...(o.within ? { within: o.within } : {}), ...(o.level ? { level: o.level } : {}), ...(o.octt ? { octt: o.octt } : {}),
      requirement: `${o.requirement}: EVSE ${evseId} connector ${CONNECTOR_ID} ${status}`,
    }));
  }
  return out;
}

/**
 * Reusable state Unavailable (Part 6 Table 425) for `scope`: ChangeAvailability Inoperative (step 2:
 * Accepted), then every connector the request concerns reported Unavailable (step 3).
 */
export async function unavailableState(t: Ctx, cp: CaseLink, o: { scope: Scope; table: string; label?: string }): Promise<void> {
  const evseId = configuredEvse(t.cfg);
  const fr = FR[o.scope];
  const res = await changeAvailability(cp, t.cfg, {
    scope: o.scope, status: 'Inoperative', expectStatus: 'Accepted',
    requirement: `${o.label ?? o.table}, reusable state Unavailable (Table 425) step 2: ChangeAvailability Inoperative for ${scopeLabel(o.scope, evseId)} is Accepted (Part 2 ${fr.answered}, ${fr.inoperative})`,
  });
  await expectReports(t, cp, {
    evseIds: evsesOf(t.cfg, o.scope, evseId), status: 'Unavailable', after: res.call.seq,
    requirement: `${o.label ?? o.table}, reusable state Unavailable (Table 425) step 3 and post-scenario validation; Part 2 ${fr.reported}, G01.FR.07: each connector concerned is reported Unavailable`,
  });
}

/** The deviation every charging-station case that makes something Inoperative carries. */
export const RESTORE_DEVIATION = {
  what: 'After the table (ours): ChangeAvailability Operative for what the case made Inoperative is Accepted and its connectors are reported Available again (SHOULD)',
  why: 'A case gives back what it changed; the harness\'s general conditions restore single connectors only, not a station made Inoperative as a whole',
  source: 'OCPP 2.0.1 Part 2 G03.FR.07, G04.FR.08; Part 6 §2.1 general conditions',
};

/**
 * Run `body`; afterwards make `scope` Operative again. After a body that completed and left it
 * Inoperative (`leavesInoperative`) this is judged at SHOULD (ours: RESTORE_DEVIATION); after a failure it
 * is sent unjudged, so one fault is not reported twice and the next case does not start Inoperative.
 */
export async function withAvailabilityRestored(t: Ctx, scope: Scope, teardownStep: number, body: () => Promise<void>, leavesInoperative = true): Promise<void> {
  const evseId = configuredEvse(t.cfg);
  let done = false;
  try {
    await body();
    done = true;
  } finally {
    const cp = await t.csms.connection();
    if (done && leavesInoperative) {
      await t.step(teardownStep, `After (ours): ChangeAvailability Operative for ${scopeLabel(scope, evseId)}; its connectors reported Available`, async () => {
        const res = await changeAvailability(cp, t.cfg, {
          scope, status: 'Operative', expectStatus: 'Accepted', level: 'SHOULD',
          requirement: `ours: Part 2 ${FR[scope].answered}, ${FR[scope].operative}: ${scopeLabel(scope, evseId)} is made Operative again after the case`,
        });
        await expectReports(t, cp, {
          evseIds: evsesOf(t.cfg, scope, evseId), status: 'Available', after: res.call.seq, level: 'SHOULD',
          requirement: `ours: Part 2 ${FR[scope].reported}, G01.FR.07: the connectors are reported Available again`,
        });
      });
    } else if (!done && cp.isOpen) {
      await cp.link.session.call('ChangeAvailability', { operationalStatus: 'Operative', ...evseField(scope, evseId) }, { waitMs: t.cfg.timeouts.responseMs }).catch(() => undefined);
    }
  }
}

/**
 * The "Change Availability … - X to Y" tables (TC_G_03 … TC_G_16_CS): optionally the reusable state
 * Unavailable first (`before`), then ChangeAvailability `status` answered Accepted (step 2), then the
 * reports the table's step 3 names (`reports`): at MUST when the request changed the connectors, at the
 * level given where nothing changed (G03.FR.04 / G04.FR.05 ask reports of changed connectors only).
 */
export async function availabilityTable(t: Ctx, o: {
  table: string;
  scope: Scope;
  before?: 'Unavailable';
  status: Operational;
  /** Step 3: the connectors concerned reported with the new status; `level` SHOULD where nothing changed. */
  reports?: { level: 'MUST' | 'SHOULD'; octt?: 'fails' };
}): Promise<void> {
  const { step, cfg } = t;
  const evseId = configuredEvse(cfg);
  const fr = FR[o.scope];
  const cp = await t.csms.booted();
  const endsInoperative = o.status === 'Inoperative';
  const run = async () => {
    if (o.before) await step(0, `Before: reusable state Unavailable for ${scopeLabel(o.scope, evseId)}`, () => unavailableState(t, cp, { scope: o.scope, table: `${o.table} Before` }));
    const changed = (o.before === 'Unavailable') !== endsInoperative;
    const res = await step(1, `ChangeAvailability ${o.status} for ${scopeLabel(o.scope, evseId)} (step 2: Accepted)`, () =>
      changeAvailability(cp, cfg, {
        scope: o.scope, status: o.status, expectStatus: 'Accepted',
        requirement: `${o.table} step 2; Part 2 ${fr.answered}${changed ? `, ${o.status === 'Operative' ? fr.operative : fr.inoperative}` : `, ${fr.sameState} (the state it is already in is Accepted)`}`,
      }));
    if (!o.reports) return;
    await step(3, `The station reports the state of every connector concerned: ${statusAfter(o.status)} (step 4: the harness answers)`, () =>
      expectReports(t, cp, {
        evseIds: evsesOf(cfg, o.scope, evseId), status: statusAfter(o.status), after: res.call.seq, level: o.reports!.level, octt: o.reports!.octt,
        requirement: changed
          ? `${o.table} step 3 and post-scenario validation; Part 2 ${fr.reported}, G01.FR.07: each connector the request changed is reported`
          : `${o.table} step 3 and post-scenario validation (Part 2 ${fr.reported} asks reports of changed connectors only, and nothing changed)`,
      }));
  };
  if (endsInoperative || o.before) await withAvailabilityRestored(t, o.scope, 5, run, endsInoperative);
  else await run();
}

// ---------------------------------------------------------------- CSMS under test

type CsmsCtx = CsmsSutContext;

/** What the ChangeAvailabilityRequest must carry for `scope` (Part 6 §3 G tables, step 1 tool validations). */
export function requestMatch(scope: Scope, status: Operational, evseId: number): Matcher {
  if (scope === 'station') return { operationalStatus: status, evse: { present: false } };
  if (scope === 'evse') return { operationalStatus: status, 'evse.id': evseId, 'evse.connectorId': { present: false } };
  return { operationalStatus: status, 'evse.id': evseId, 'evse.connectorId': CONNECTOR_ID };
}

const requestWords = (scope: Scope, status: Operational) =>
  `operationalStatus ${status}, ${scope === 'station' ? 'evse omitted' : scope === 'evse' ? 'evse.id the configured EVSE, connectorId omitted' : 'evse.id and evse.connectorId the configured ones'}`;

/**
 * The CSMS is asked (SUT control ChangeAvailability) to change `scope` to `status` and sends
 * ChangeAvailabilityRequest, judged as `requirement` says; the harness station answers `answer`.
 */
export async function csmsChangesAvailability(ctx: CsmsCtx, link: CaseLink, o: {
  scope: Scope; status: Operational; answer: 'Accepted' | 'Scheduled'; requirement: string; level?: 'MUST' | 'SHOULD'; step: number;
  /** The step the answer is recorded under (default step + 1; 0 for a Before state). */
  answerStep?: number;
}): Promise<InboundCall> {
  const evseId = configuredEvse(ctx.cfg);
  link.handle('ChangeAvailability', () => ({ status: o.answer }));
  const request = await ctx.step(o.step, `The CSMS is asked to make ${scopeLabel(o.scope, evseId)} ${o.status} and sends ChangeAvailabilityRequest (step ${o.step})`, async () => {
    await ctx.sut.do('ChangeAvailability', { operationalStatus: o.status, ...evseField(o.scope, evseId) });
    return link.expectCall('ChangeAvailability', {
      match: requestMatch(o.scope, o.status, evseId), ...(o.level ? { level: o.level } : {}),
      requirement: `${o.requirement}: ChangeAvailabilityRequest with ${requestWords(o.scope, o.status)}`,
    });
  });
  const answerStep = o.answerStep ?? o.step + 1;
  await ctx.step(answerStep, `The station answers ${o.answer}${answerStep ? ` (step ${answerStep})` : ''}`, () => request.replied);
  return request;
}

/** The harness station reports the connectors of `evseIds` with `status` (StatusNotification and NotifyEvent); the CSMS answers each. */
export async function stationReports(link: CaseLink, evseIds: number[], status: string, requirement: string): Promise<void> {
  for (const evseId of evseIds) await reportConnector(link, evseId, status, `${requirement}: the CSMS answers StatusNotification and NotifyEvent (both forms must be supported, Part 5)`);
}

/**
 * Reusable state Unavailable of the CSMS side (Part 6 Table 700) for `scope`: the CSMS sends
 * ChangeAvailability Inoperative (step 1, validated), the station answers Accepted and reports Unavailable.
 */
export async function csmsUnavailableState(ctx: CsmsCtx, link: CaseLink, o: { scope: Scope; table: string; step: number; before?: boolean }): Promise<void> {
  const evseId = configuredEvse(ctx.cfg);
  const n = (k: number) => (o.before ? 0 : o.step + k);
  const label = o.before ? `${o.table} Before` : o.table;
  await csmsChangesAvailability(ctx, link, {
    scope: o.scope, status: 'Inoperative', answer: 'Accepted', step: n(0), answerStep: n(1),
    requirement: `${label}, reusable state Unavailable (Table 700) step 1 (tool validation)`,
  });
  await ctx.step(n(2), `The station reports ${scopeLabel(o.scope, evseId)} Unavailable; the CSMS answers${o.before ? '' : ` (steps ${n(2)}–${n(3)})`}`, () =>
    stationReports(link, evsesOf(ctx.cfg, o.scope, evseId), 'Unavailable', `${label}, Table 700 step 4`));
}

/** The deviation of every CSMS case that leaves something Inoperative: the CSMS is asked to make it Operative again. */
export const CSMS_RESTORE_DEVIATION = {
  what: 'After the table (ours): the CSMS is asked to make it Operative again; its ChangeAvailabilityRequest is checked at SHOULD and it must answer the Available reports that follow',
  why: 'A case gives back what it changed: the CSMS should not keep the harness station Inoperative for the next case. Answering a CALL is an OCPP-J MUST',
  source: 'OCPP 2.0.1 Part 2 G03, G04; OCPP-J 2.0.1 §4.2.2',
};

/** After (ours): the CSMS makes `scope` Operative again; the station answers Accepted and reports Available. */
export async function csmsRestoresOperative(ctx: CsmsCtx, link: CaseLink, scope: Scope, step: number): Promise<void> {
  const evseId = configuredEvse(ctx.cfg);
  await csmsChangesAvailability(ctx, link, {
    scope, status: 'Operative', answer: 'Accepted', level: 'SHOULD', step,
    requirement: 'ours (after the table): the CSMS makes the harness station Operative again',
  });
  await ctx.step(step + 2, 'After (ours): the station reports Available again; the CSMS answers', () =>
    stationReports(link, evsesOf(ctx.cfg, scope, evseId), 'Available', 'ours (after the table)'));
}

// ---------------------------------------------------------------- with an ongoing transaction (TC_G_11/14/17_CS)

/** TxStopPoints at which the transaction has ended once the authorization ends (Part 6 Tables 432/433 notes). */
const ENDS_AT_STOP_AUTHORIZED = ['Authorized', 'EnergyTransfer', 'PowerPathClosed', 'DataSigned'];

/**
 * The "… - With ongoing transaction" tables: in state EnergyTransferStarted, ChangeAvailability
 * Inoperative for `scope` is answered Scheduled (step 2); then StopAuthorized, EVConnectedPostSession,
 * EVDisconnected, ParkingBayUnoccupied, and after whichever of them ended the transaction the connector
 * of the configured EVSE is reported Unavailable (G03.FR.05 / G04.FR.06: the change happens once the
 * transaction has finished; G01.FR.05, G01.FR.07: it is reported).
 */
export async function duringTransactionTable(t: Ctx, o: { table: string; scope: Scope; validatedAt: string }): Promise<void> {
  const { step } = t;
  const fr = FR[o.scope];
  await withAvailabilityRestored(t, o.scope, 16, () => states.withTxSession(t, { teardownStep: 15 }, async (s) => {
    const cp = s.cp;
    await states.beforeEnergyTransferStarted(s);
    const unavailable = async (n: number, after: number): Promise<void> => void await step(n, `The station reports the connector of EVSE ${s.evseId} Unavailable, by the time the cable is out (step ${n + 1}: the harness answers)`, () =>
      expectReports(t, cp, {
        evseIds: [s.evseId], status: 'Unavailable', after,
        requirement: `${o.table} step ${n} (tool validation at ${o.validatedAt}); Part 2 ${fr.scheduled}, ${fr.reported}, G01.FR.05/G01.FR.07: once the transaction has ended the scheduled change happens and is reported (at the latest when the EV is disconnected)`,
      }));
    const res = await step(1, `ChangeAvailability Inoperative for ${scopeLabel(o.scope, s.evseId)} during the transaction (step 2: Scheduled)`, () =>
      changeAvailability(cp, t.cfg, {
        scope: o.scope, status: 'Inoperative', expectStatus: 'Scheduled', evseId: s.evseId,
        requirement: `${o.table} step 2 (tool validation); Part 2 ${fr.scheduled}: with a transaction in progress the change is Scheduled`,
      }));
    if (o.scope === 'station') {
      const idle = evseIdsOf(t.cfg).filter((id) => id !== s.evseId);
      if (idle.length) {
        await step(3, 'The station reports the connectors of the EVSEs without a transaction Unavailable (step 4: the harness answers)', () =>
          expectReports(t, cp, {
            evseIds: idle, status: 'Unavailable', after: res.call.seq, level: 'SHOULD',
            requirement: `ours: ${o.table} step 3 (no tool validation); Part 2 G04.FR.07: the EVSEs without a transaction become Unavailable`,
          }));
      }
    }
    // The table's step numbers after the Scheduled answer: G_14_CS counts two more (its step 3).
    const n = o.scope === 'station' ? 2 : 0;
    let from = s.cp.mark('the transaction goes on');
    await step(3 + n, 'Reusable state StopAuthorized: the idToken is presented again', async () => {
      from = states.stimulusMark(s, 'StopAuthorized').after;
      await states.stopAuthorized(s);
      if (states.ongoing(s) && [...s.stopPoints].some((p) => ENDS_AT_STOP_AUTHORIZED.includes(p))) {
        await states.expectTxEvent(s, { after: from, where: { eventType: 'Ended' }, requirement: `${o.table} step ${3 + n}, reusable state StopAuthorized (Table 432): with TxStopPoint ${[...s.stopPoints].join(',')} the transaction ends with the authorization (Part 2 E06)` });
      }
    });
    // Where the transaction ended: the report is due from then on. Ended with the cable still in, the
    // station may keep the connector Occupied until the EV is disconnected (G01.FR.05), so the report is
    // awaited once the cable is out, and one sent at once counts as well.
    let ended = states.ongoing(s) ? undefined : { step: 4 + n, after: from };
    if (!ended) {
      await step(6 + n, 'Reusable state EVConnectedPostSession', () => states.evConnectedPostSession(s));
      if (!states.ongoing(s)) ended = { step: 7 + n, after: from };
    }
    await step(9 + n, 'Reusable state EVDisconnected: the EV and EVSE are disconnected', async () => {
      const mark = states.stimulusMark(s, 'the EV and EVSE are disconnected').after;
      const wasOngoing = states.ongoing(s);
      await t.sut.do('unplug', { evseId: s.evseId, connectorId: s.connectorId });
      s.plugged = false;
      if (!wasOngoing) return;
      await states.expectTxEvent(s, {
        after: mark, match: { triggerReason: 'EVCommunicationLost' },
        requirement: `${o.table} step ${9 + n}, reusable state EVDisconnected (Table 434) step 3: with the cable removed the transaction is told EVCommunicationLost (Part 2 E02.FR.17, E01.FR.15)`,
      });
      if (!states.ongoing(s)) ended = { step: 10 + n, after: mark };
    });
    if (ended) return unavailable(ended.step, ended.after);
    from = s.cp.mark('reusable state ParkingBayUnoccupied');
    await step(12 + n, 'Reusable state ParkingBayUnoccupied', () => states.parkingBayUnoccupied(s));
    if (!states.ongoing(s)) return unavailable(13 + n, from);
    t.note('the transaction did not end with the states of the table: no Unavailable report is due');
  }));
}

// ---------------------------------------------------------------- persistence across a reboot (TC_G_18/19/21_CS)

/**
 * `scope` made Unavailable (the reusable state, or the table's own steps 1–3), then the station reboots
 * (Reset `resetType` Accepted) and after its BootNotification reports the connectors of `scope` still
 * Unavailable, the others Available (G03.FR.08 / G04.FR.09, B01.FR.05), then its SecurityEventNotification
 * (reusable state Booted step 7).
 */
export async function persistsAcrossRebootTable(t: Ctx, o: {
  table: string; scope: Scope; resetType: 'Immediate' | 'OnIdle';
  /** Table step numbers: the Reset, the BootNotification, the statuses, the security event. */
  steps: { unavailable: number; reset: number; boot: number; statuses: number; security: number };
}): Promise<void> {
  const { step, cfg, csms } = t;
  const evseId = configuredEvse(cfg);
  const fr = FR[o.scope];
  const concerned = new Set(evsesOf(cfg, o.scope, evseId));
  await withAvailabilityRestored(t, o.scope, o.steps.security + 2, async () => {
    const cp = await csms.booted();
    await step(o.steps.unavailable, `${o.steps.unavailable === 0 ? 'Before: ' : ''}reusable state Unavailable for ${scopeLabel(o.scope, evseId)}`, () =>
      unavailableState(t, cp, { scope: o.scope, table: o.table }));
    const next = csms.nextConnection({ requirement: `${o.table} step ${o.steps.boot}; Part 2 B11.FR.03: a station that accepted the Reset SHALL start a reboot` });
    next.catch(() => undefined); // awaited at the boot step
    await step(o.steps.reset, `Reset ${o.resetType} (reusable state ${o.resetType === 'Immediate' ? 'Booting' : 'Booted'}: Accepted)`, () =>
      cp.call('Reset', { type: o.resetType }, {
        expect: { status: 'Accepted' },
        requirement: `${o.table} step ${o.steps.reset}, reusable state ${o.resetType === 'Immediate' ? 'Booting (Table 422)' : 'Booted (Table 423)'} step 2: ResetResponse Accepted (Part 2 B11.FR.01)`,
      }));
    const { link, reply } = await step(o.steps.boot, `The station reboots and sends BootNotification; the harness accepts it (step ${o.steps.boot + 1})`, async () => {
      const link = await next;
      const boot = await link.expectCall('BootNotification', { within: cfg.timeouts.connectMs, requirement: `${o.table} step ${o.steps.boot}; Part 2 B01.FR.03: after the reboot the station sends BootNotification` });
      return { link, reply: await boot.replied };
    });
    await step(o.steps.statuses, 'The station reports every connector: the ones made Inoperative Unavailable, the others Available', () =>
      expectReports(t, link, {
        evseIds: evseIdsOf(cfg), status: (id) => (concerned.has(id) ? 'Unavailable' : 'Available'), after: reply.seq,
        requirement: `${o.table} step ${o.steps.statuses} (tool validation) and post-scenario validation; Part 2 ${fr.persistent}: the availability set by ChangeAvailability persists across the reboot; B01.FR.05: every connector reported after the boot`,
      }));
    await step(o.steps.security, `The station sends SecurityEventNotification (step ${o.steps.security + 1}: the harness answers)`, () =>
      link.expectCall('SecurityEventNotification', {
        after: reply.seq, match: { type: { oneOf: ['StartupOfTheDevice', 'ResetOrReboot'] } },
        requirement: `${o.table} step ${o.steps.security} (tool validation), reusable state Booted (Table 423) step 7: type StartupOfTheDevice or ResetOrReboot (Part 2 A04 security events)`,
      }));
  });
}

// ---------------------------------------------------------------- the CSMS tables

/**
 * TC_G_03 … TC_G_08_CSMS: optionally the station made Unavailable first (`before`, by the reusable state
 * Unavailable), then the CSMS is asked to make `scope` `status`: its request is judged (step 1), the
 * station answers Accepted and reports the connectors concerned (step 3, the CSMS answers). What the case
 * leaves Inoperative is made Operative again after the table (CSMS_RESTORE_DEVIATION).
 */
export async function csmsAvailabilityTable(ctx: CsmsCtx, o: { table: string; scope: Scope; before?: boolean; status: Operational; viaState?: boolean }): Promise<void> {
  const link = await ctx.cp.booted();
  const evseId = configuredEvse(ctx.cfg);
  if (o.before) await csmsUnavailableState(ctx, link, { scope: o.scope, table: o.table, step: 0, before: true });
  if (o.viaState) {
    await csmsUnavailableState(ctx, link, { scope: o.scope, table: o.table, step: 1 });
  } else {
    await csmsChangesAvailability(ctx, link, { scope: o.scope, status: o.status, answer: 'Accepted', step: 1, requirement: `${o.table} step 1 (tool validation)` });
    await ctx.step(3, `The station reports ${scopeLabel(o.scope, evseId)} ${statusAfter(o.status)}; the CSMS answers (steps 3–4)`, () =>
      stationReports(link, evsesOf(ctx.cfg, o.scope, evseId), statusAfter(o.status), `${o.table} step 4`));
  }
  if (o.status === 'Inoperative') await csmsRestoresOperative(ctx, link, o.scope, 5);
}

/**
 * TC_G_11/14/17_CSMS: in state EnergyTransferStarted the CSMS is asked to make `scope` Inoperative; its
 * request is judged (step 1), the station answers Scheduled; the driver stops, the EV leaves (reusable
 * states StopAuthorized, EVConnectedPostSession, EVDisconnected) and the station reports the connector
 * Unavailable (G01.FR.05); the CSMS answers everything. Afterwards the CSMS makes it Operative again.
 */
export async function csmsDuringTransactionTable(ctx: CsmsCtx, o: { table: string; scope: Scope }): Promise<void> {
  const t = await csmsTx.bootedScope(ctx);
  const station = o.scope === 'station';
  await csmsTx.inTransaction(t, async (tx) => {
    await csmsTx.stateEnergyTransferStarted(t, tx, 0);
    await csmsChangesAvailability(ctx, t.link, { scope: o.scope, status: 'Inoperative', answer: 'Scheduled', step: 1, requirement: `${o.table} step 1 (tool validation)` });
    const idle = evseIdsOf(ctx.cfg).filter((id) => id !== tx.evseId);
    if (station && idle.length) {
      await ctx.step(3, 'The station reports its unoccupied connectors Unavailable; the CSMS answers (steps 3–4)', () =>
        stationReports(t.link, idle, 'Unavailable', `${o.table} step 4`));
    }
    const n = station ? 5 : 3;
    await csmsTx.stateStopAuthorized(t, tx, n);
    await csmsTx.stateEvConnectedPostSession(t, tx, n + 1);
    await ctx.step(n + 2, 'Reusable state EVDisconnected: TransactionEvent Ended (EVCommunicationLost, Idle, EVDisconnected); the CSMS answers (Table 707)', async () => {
      tx.evConnected = false;
      await csmsTx.sendTransactionEvent(t.link, tx, { eventType: 'Ended', triggerReason: 'EVCommunicationLost', chargingState: 'Idle', stoppedReason: 'EVDisconnected' }, {
        requirement: `${o.table} step ${n + 2}, Table 707 step 4; ${csmsTx.TE_ANSWERED}`,
      });
    });
    await ctx.step(n + 3, `The station reports the connector of EVSE ${tx.evseId} Unavailable (G01.FR.05); the CSMS answers (steps ${n + 3}–${n + 4})`, async () => {
      await stationReports(t.link, [tx.evseId], 'Unavailable', `${o.table} step ${n + 4}`);
      tx.occupied = false;
    });
  }, { teardownStep: 19 });
  await csmsRestoresOperative(ctx, t.link, o.scope, 20);
}
