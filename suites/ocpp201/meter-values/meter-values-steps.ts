// Shared steps of the 2.0.1 meter-value cases (block J, charging station under test): device-model
// variables set for a case and restored after it, the transaction the cases need, and the matchers that
// judge a meterValue list (context, a sampledValue per configured measurand, the interval between
// timestamps).
//
// The transaction steps are the minimum of Part 6 §2.18 reusable states EVConnectedPreSession,
// EnergyTransferStarted, StopAuthorized (local) and EVDisconnected / ParkingBayUnoccupied: they drive
// the station there and wait for the state; they do not judge the states' own tool validations. Swap
// them for suites/ocpp201/transactions/charging-station-states.ts once that is on main.
import { mismatches, type MatchValue, type Matcher } from '../../../harness/checks/match.js';
import type { CaseLink } from '../../../harness/dsl/case-link.js';
import type { ChargePointSutContext } from '../../../harness/dsl/context.js';
import type { InboundCall } from '../../../harness/rpc/session.js';

type Ctx = ChargePointSutContext;

export const EAIR = 'Energy.Active.Import.Register';

export interface VariableSetting {
  component: string;
  variable: string;
  value: string;
  /** The table says "(If implemented)": a station that refuses it goes on without it. */
  optional?: boolean;
}

interface Applied { component: string; variable: string; original: string }

/** What a GetVariables/SetVariables result says about one variable. */
function resultFor(payload: Record<string, unknown>, list: string, s: { component: string; variable: string }): Record<string, unknown> | undefined {
  const results = Array.isArray(payload[list]) ? (payload[list] as Record<string, unknown>[]) : [];
  return results.find((r) => (r.component as { name?: string } | undefined)?.name === s.component && (r.variable as { name?: string } | undefined)?.name === s.variable);
}

/**
 * The table's Before configuration: read each variable, set it, and return the restore step. A required
 * variable the station does not accept makes the case NOT_APPLICABLE (the station cannot be put in the
 * state the table needs), after what was already set is restored.
 */
export async function configure(t: Ctx, link: CaseLink, settings: VariableSetting[]): Promise<() => Promise<void>> {
  const read = await link.call('GetVariables', {
    getVariableData: settings.map((s) => ({ component: { name: s.component }, variable: { name: s.variable } })),
  }, { requirement: 'OCPP 2.0.1 B06 (Get Variables): the charging station answers GetVariablesRequest with a GetVariablesResponse' });
  const applied: Applied[] = [];
  const restore = async () => {
    if (!link.isOpen || applied.length === 0) return;
    await link.call('SetVariables', {
      setVariableData: applied.map((a) => ({ attributeType: 'Actual', attributeValue: a.original, component: { name: a.component }, variable: { name: a.variable } })),
    });
  };
  for (const s of settings) {
    const current = resultFor(read.payload, 'getVariableResult', s);
    const original = current?.attributeStatus === 'Accepted' && typeof current.attributeValue === 'string' ? current.attributeValue : undefined;
    if (original === s.value) continue;
    const set = await link.call('SetVariables', {
      setVariableData: [{ attributeType: 'Actual', attributeValue: s.value, component: { name: s.component }, variable: { name: s.variable } }],
    }, { requirement: 'OCPP 2.0.1 B05 (Set Variables): the charging station answers SetVariablesRequest with a SetVariablesResponse' });
    const status = resultFor(set.payload, 'setVariableResult', s)?.attributeStatus;
    if (status === 'Accepted') {
      if (original !== undefined) applied.push({ component: s.component, variable: s.variable, original });
      continue;
    }
    if (s.optional) continue;
    await restore();
    t.notApplicable(`the table's Before state needs ${s.component}.${s.variable} = "${s.value}", and the charging station answered ${String(status ?? 'no result for it')}`);
  }
  return restore;
}

/** The current value of a variable, or undefined when the station does not report it. */
export async function readVariable(link: CaseLink, component: string, variable: string): Promise<string | undefined> {
  const read = await link.call('GetVariables', { getVariableData: [{ component: { name: component }, variable: { name: variable } }] }, {
    requirement: 'OCPP 2.0.1 B06 (Get Variables): the charging station answers GetVariablesRequest with a GetVariablesResponse',
  });
  const r = resultFor(read.payload, 'getVariableResult', { component, variable });
  return r?.attributeStatus === 'Accepted' && typeof r.attributeValue === 'string' ? r.attributeValue : undefined;
}

/** The measurands the cases configure: the declared ones (declarations.measurands), Energy.Active.Import.Register when none. */
export function measurandsOf(cfg: Ctx['cfg']): string[] {
  return cfg.declarations.measurands.length > 0 ? cfg.declarations.measurands : [EAIR];
}

/**
 * "sampledValue must contain an element per configured measurand; the measurand field may be omitted for
 * Energy.Active.Import.Register" (the J tables), as a matcher of a sampledValue list.
 */
export function perMeasurand(measurands: string[]): MatchValue {
  return { someItem: measurands.map((m): Matcher => ({ measurand: m === EAIR ? { oneOf: [EAIR], optional: true } : m })) };
}

/** A timestamp `intervalS` after `previous` (± tolerance), or — another message of the same reading — the same instant. */
export function nextTimestamp(previous: string, intervalS: number, toleranceMs: number, sameAllowed = true): MatchValue {
  const t = Date.parse(previous);
  const at = (ms: number) => new Date(ms).toISOString();
  const next: MatchValue = { notBefore: at(t + intervalS * 1000 - toleranceMs), notAfter: at(t + intervalS * 1000 + toleranceMs) };
  return sameAllowed ? { anyOf: [{ notBefore: at(t), notAfter: at(t) }, next] } : next;
}

export type MeterValueList = { timestamp?: string; sampledValue?: { context?: string }[] }[];

/**
 * context Sample.Periodic: Part 2's SampledValueType makes it the default, so a sampledValue without a
 * context is a Sample.Periodic one (as the J tables let the default measurand be left out).
 */
export const SAMPLE_PERIODIC: MatchValue = { oneOf: ['Sample.Periodic'], optional: true };

/** A sampledValue's context, its default (Sample.Periodic) when absent. */
export const contextOf = (sv: { context?: string } | undefined): string | undefined => (sv ? sv.context ?? 'Sample.Periodic' : undefined);

export function meterValuesOf(call: InboundCall): MeterValueList {
  const mv = (call.frame.payload as { meterValue?: unknown }).meterValue;
  return Array.isArray(mv) ? (mv as MeterValueList) : [];
}

/**
 * The interval rule over the meterValue elements of one message whose first sampledValue has `context`
 * (e.g. the Sample.Clock readings a TransactionEvent Ended collects): each such timestamp one interval
 * after the one before. A matcher over that message.
 */
export function intervalsWithin(list: MeterValueList, context: string, intervalS: number, toleranceMs: number): Matcher {
  const m: Matcher = {};
  let previous: string | undefined;
  list.forEach((mv, i) => {
    if (contextOf(mv.sampledValue?.[0]) !== context || typeof mv.timestamp !== 'string') return;
    if (previous !== undefined) m[`meterValue.${i}.timestamp`] = nextTimestamp(previous, intervalS, toleranceMs, false);
    previous = mv.timestamp;
  });
  return m;
}

export interface Transaction { transactionId: string; started: InboundCall }

const idTokenOf = (cfg: Ctx['cfg']) => ({ idToken: cfg.idTags.accepted, type: 'ISO14443' });

/**
 * Reusable states EVConnectedPreSession + EnergyTransferStarted (Part 6 §2.18): the EV plugged in on
 * `evseId` and the configured valid idToken presented (`authorizeFirst`: the other way round, a transaction
 * that starts before the EVSE is known is then possible), until a TransactionEvent of the transaction
 * reports chargingState Charging. `first` names the TransactionEvent the case judges: by default the
 * Started one, or the first one that carries the EVSE (TC_J_08).
 */
export async function energyTransferStarted(t: Ctx, link: CaseLink, evseId: number, opts: {
  authorizeFirst?: boolean;
  first?: 'Started' | 'withEvse';
  match?: Matcher;
  requirement?: string;
} = {}): Promise<Transaction> {
  const { cfg } = t;
  const after = link.mark(`reusable state EnergyTransferStarted on EVSE ${evseId}`);
  if (opts.authorizeFirst) {
    await t.sut.do('presentIdToken', { evseId, idToken: idTokenOf(cfg) });
    await t.sut.do('plugIn', { evseId, connectorId: 1 });
  } else {
    await t.sut.do('plugIn', { evseId, connectorId: 1 });
    await t.sut.do('presentIdToken', { evseId, idToken: idTokenOf(cfg) });
  }
  const started = await link.expectCall('TransactionEvent', {
    after, within: cfg.timeouts.messageMs,
    where: opts.first === 'withEvse' ? { 'evse.id': evseId } : { eventType: 'Started' },
    ...(opts.match ? { match: opts.match } : {}),
    requirement: opts.requirement ?? 'Part 6 §2.18 reusable state EnergyTransferStarted: the charging station starts a transaction (OCPP 2.0.1 E01–E04)',
  });
  const transactionId = String((started.frame.payload as { transactionInfo?: { transactionId?: unknown } }).transactionInfo?.transactionId);
  const chargingState = (started.frame.payload as { transactionInfo?: { chargingState?: unknown } }).transactionInfo?.chargingState;
  if (chargingState !== 'Charging') {
    await link.expectCall('TransactionEvent', {
      after, within: cfg.timeouts.messageMs,
      where: { 'transactionInfo.transactionId': transactionId, 'transactionInfo.chargingState': 'Charging' },
      requirement: 'Part 6 §2.18 reusable state EnergyTransferStarted: a TransactionEvent reports chargingState Charging (OCPP 2.0.1 E01–E04)',
    });
  }
  return { transactionId, started };
}

/**
 * Reusable states StopAuthorized (local: the same idToken presented again), EVDisconnected and
 * ParkingBayUnoccupied (Part 6 §2.18): until the TransactionEvent Ended of the transaction, which the case
 * judges with `match` (given the call, so a matcher can read what the message holds).
 */
export async function endTransaction(t: Ctx, link: CaseLink, evseId: number, tx: Transaction, opts: {
  match?: (ended: InboundCall) => Matcher;
  requirement?: string;
  level?: 'MUST' | 'SHOULD';
} = {}): Promise<InboundCall> {
  const { cfg } = t;
  const from = markHere(link, `reusable state ParkingBayUnoccupied on EVSE ${evseId}: the transaction ends`);
  const after = from.seq;
  await t.sut.do('presentIdToken', { evseId, idToken: idTokenOf(cfg) });
  await t.sut.do('unplug', { evseId, connectorId: 1 });
  const where = { eventType: 'Ended', 'transactionInfo.transactionId': tx.transactionId };
  // Watch for the Ended event first, then judge it: the matcher may depend on what it holds.
  const seen = await observe(t, link, 'TransactionEvent', where, from, cfg.timeouts.messageMs);
  const ended = await link.expectCall('TransactionEvent', {
    after, within: seen ? 0 : cfg.timeouts.messageMs, where,
    ...(seen && opts.match ? { match: opts.match(seen) } : {}),
    ...(opts.level ? { level: opts.level } : {}),
    requirement: opts.requirement ?? 'Part 6 §2.18 reusable states StopAuthorized / EVDisconnected / ParkingBayUnoccupied: the transaction ends with a TransactionEvent Ended (OCPP 2.0.1 E06)',
  });
  return ended;
}

/** A point in the case: its trace seq (for expectations) and how many CALLs the link had received (for watching). */
export interface Mark { seq: number; index: number }

export function markHere(link: CaseLink, text: string): Mark {
  return { seq: link.mark(text), index: link.link.calls.length };
}

/**
 * Watch (without judging) for an inbound CALL of `action` after event `after` whose payload meets `where`,
 * up to `withinMs`: the case then records the expectation that judges it, with a matcher that may depend
 * on what arrived (and on what arrived before it).
 */
export async function observe(t: Ctx, link: CaseLink, action: string, where: Matcher, from: Mark, withinMs: number, skip: readonly InboundCall[] = []): Promise<InboundCall | undefined> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const found = link.link.calls.slice(from.index).find((c) => c.frame.action === action && !skip.includes(c) && mismatches(c.frame.payload, where).length === 0);
    if (found) return found;
    if (Date.now() >= deadline || !link.isOpen) return undefined;
    await t.sleep(50);
  }
}

/** Run the case body, then restore what it configured (also when the body fails). */
export async function withRestore(restore: () => Promise<void>, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } finally {
    await restore().catch(() => undefined);
  }
}

/**
 * Judge a series of CALLs as they come: each one that meets `where` (from `from` on, up to `durationMs`,
 * at most `count`) is recorded as an expectation with the matcher `match` builds from it and the one
 * before (e.g. the interval between their timestamps). None at all is one unmet expectation (`minCount`
 * 0: nothing recorded). Returns the judged CALLs.
 */
export async function judgeSeries(t: Ctx, link: CaseLink, opts: {
  action: string;
  where: Matcher;
  from: Mark;
  count: number;
  durationMs: number;
  match: (current: InboundCall, previous: InboundCall | undefined) => Matcher;
  requirement: string;
  level?: 'MUST' | 'SHOULD';
  minCount?: number;
}): Promise<InboundCall[]> {
  const judged: InboundCall[] = [];
  const deadline = Date.now() + opts.durationMs;
  while (judged.length < opts.count) {
    const next = await observe(t, link, opts.action, opts.where, opts.from, Math.max(0, deadline - Date.now()), judged);
    if (!next) break;
    await link.expectCall(opts.action, {
      after: opts.from.seq, within: 0, where: opts.where, match: opts.match(next, judged[judged.length - 1]),
      requirement: opts.requirement, ...(opts.level ? { level: opts.level } : {}),
    });
    judged.push(next);
  }
  if (judged.length < (opts.minCount ?? 1)) {
    await link.expectCall(opts.action, {
      after: opts.from.seq, within: 0, where: opts.where, requirement: opts.requirement, ...(opts.level ? { level: opts.level } : {}),
    }).catch(() => undefined);
  }
  return judged;
}

/** The first meterValue's timestamp of a CALL. */
export function firstTimestamp(call: InboundCall): string | undefined {
  return meterValuesOf(call)[0]?.timestamp;
}
