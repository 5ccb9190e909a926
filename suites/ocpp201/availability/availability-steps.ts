// What the block G (Availability) cases share, both sides. Charging station under test: ChangeAvailability
// of the station, one EVSE or one connector (Part 2 G03/G04), the reusable state Unavailable (Part 6
// Table 425), the reports that follow (StatusNotification or NotifyEvent AvailabilityState: either counts,
// Part 2 G01.FR.07 and Part 5's remark on these groups) and the availability given back after the case.
// CSMS under test: the request the CSMS is asked to send (reusable state Unavailable, Table 700) and the
// harness station's answer and reports (both forms: Part 5 says a CSMS must support both).
// Not a case (discovery only loads files named TC_… / X…).
import type { CaseLink, CallResultOk } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext, CsmsSutContext } from '../../../harness/dsl/context.js';
import type { Matcher } from '../../../harness/checks/match.js';
import type { InboundCall } from '../../../harness/rpc/session.js';
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { connectorReport } from '../../../harness/versions/ocpp201/connector-status-report.js';
import { reportConnector } from '../provisioning/provisioning-steps.js';

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
 * Every connector of `evseIds` reported with `status` after `after`: a StatusNotification, or the
 * NotifyEvent (Connector AvailabilityState, trigger Delta) Part 2 G01.FR.07 allows instead.
 */
export async function expectReports(_t: Ctx, cp: CaseLink, o: {
  evseIds: number[]; status: string | ((evseId: number) => string); after: number; requirement: string; level?: 'MUST' | 'SHOULD'; octt?: 'fails'; within?: number;
}): Promise<InboundCall[]> {
  const out: InboundCall[] = [];
  for (const evseId of o.evseIds) {
    const status = typeof o.status === 'string' ? o.status : o.status(evseId);
    const { action, ...form } = connectorReport(evseId, CONNECTOR_ID, [status]);
    out.push(await cp.expectCall(action, {
      ...form, after: o.after, ...(o.within ? { within: o.within } : {}), ...(o.level ? { level: o.level } : {}), ...(o.octt ? { octt: o.octt } : {}),
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
  await ctx.step(o.step + 1, `The station answers ${o.answer} (step ${o.step + 1})`, () => request.replied);
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
export async function csmsUnavailableState(ctx: CsmsCtx, link: CaseLink, o: { scope: Scope; table: string; step: number; label?: string }): Promise<void> {
  const evseId = configuredEvse(ctx.cfg);
  await csmsChangesAvailability(ctx, link, {
    scope: o.scope, status: 'Inoperative', answer: 'Accepted', step: o.step,
    requirement: `${o.label ?? o.table}, reusable state Unavailable (Table 700) step 1 (tool validation)`,
  });
  await ctx.step(o.step + 2, `The station reports ${scopeLabel(o.scope, evseId)} Unavailable; the CSMS answers (steps ${o.step + 2}–${o.step + 3})`, () =>
    stationReports(link, evsesOf(ctx.cfg, o.scope, evseId), 'Unavailable', `${o.label ?? o.table}, Table 700 step 4`));
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
