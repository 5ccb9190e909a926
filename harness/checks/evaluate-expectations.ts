// Pure evaluation of the expectations a case recorded. The live waiters and `rejudge` both call
// this, so what the run decided and what a re-judgement decides cannot differ.
import type { ExpectEvent, TraceEvent } from '../trace/types.js';
import { evaluateFuzz } from '../fuzz/fuzz-expectation.js';
import type { VersionFacts } from '../versions/version-facts.js';
import type { CallExpectation, CallForm, ErrorExpectation, Expectation, QuietExpectation, ReconnectExpectation, ResultExpectation } from './expectation.js';
import type { Finding } from './finding.js';
import { preview } from './framing.js';
import { describeMatcher, mismatches } from './match.js';
import { evaluateMeterValues } from '../versions/ocpp16/checks/meter-values-expectation.js';
import { isCall, type ModelFrame, type RpcModel } from './rpc-model.js';
import { evaluateSecurity } from './security-expectation.js';
import { evaluateTransfer } from './transfer-expectation.js';

export interface CallEvaluation {
  status: 'met' | 'unmet' | 'pending';
  /** The inbound CALL that satisfied (or, with findings, answered) the expectation. */
  match?: ModelFrame;
  findings: Finding[];
  /** Absolute case time (ms) after which the expectation can no longer be met. */
  deadlineMs: number;
}

export function deadlineOf(e: CallExpectation, events: TraceEvent[]): number {
  const anchor = events[e.window.anchorSeq];
  return (anchor?.t ?? 0) + e.window.maxMs + e.window.toleranceMs + e.window.graceMs;
}

export function evaluateCall(e: CallExpectation, model: RpcModel): CallEvaluation {
  const anchorT = model.events[e.window.anchorSeq]?.t ?? 0;
  const deadlineMs = deadlineOf(e, model.events);
  const taken = new Set(e.exclude ?? []);
  const inboundCalls = model.frames.filter((m) =>
    m.event.dir === 'in' && isCall(m) && m.event.seq > e.afterSeq && !taken.has(m.event.seq) &&
    (e.conn === undefined || m.event.conn === e.conn));
  const forms = formsOf(e);
  const formOf = (m: ModelFrame) => forms.find((f) => m.action === f.action && mismatches(payloadOf(m), f.where).length === 0);
  const match = inboundCalls.find((m) => m.event.t <= deadlineMs && formOf(m) !== undefined);
  const findings: Finding[] = [];
  const level = e.level ?? 'MUST';
  const what = forms.map((f) => `${f.action}${f.where ? ` (${describeMatcher(f.where)})` : ''}`).join(' or ');

  if (e.forbid) {
    const until = match ? match.event.seq : Infinity;
    const forbidden = inboundCalls.filter((m) =>
      m.event.seq < until && m.event.t <= deadlineMs && m !== match && isForbidden(m.action!, e));
    if (forbidden.length) {
      findings.push({
        checkId: 'sequence.forbidden', level, step: e.step, requirement: e.requirement,
        expected: `no ${e.forbid.actions === '*' ? 'other request' : e.forbid.actions.join('/')} before ${what}: ${e.forbid.why}`,
        actual: forbidden.map((m) => `${m.action} at +${(m.event.t - anchorT).toFixed(0)} ms (frame #${m.event.seq})`).join('; '),
        evidence: forbidden.map((m) => m.event.seq),
      });
    }
  }

  if (!match) {
    const ended = model.endMs >= deadlineMs;
    if (ended) {
      findings.push({
        checkId: 'sequence.missing', level, step: e.step, requirement: e.requirement,
        expected: `${what} within ${windowText(e)}`,
        actual: describeNearMisses(inboundCalls, e, anchorT),
        evidence: inboundCalls.filter((m) => forms.some((f) => f.action === m.action)).map((m) => m.event.seq),
      });
    }
    return { status: ended ? 'unmet' : 'pending', findings, deadlineMs };
  }

  const after = match.event.t - anchorT;
  const timingLevel = e.timingLevel ?? level;
  if (e.window.minMs !== undefined && after < e.window.minMs - e.window.toleranceMs) {
    findings.push({
      checkId: 'timing.notBefore', level: timingLevel, ...(e.timingOctt ? { octt: e.timingOctt } : {}), step: e.step, requirement: e.requirement,
      expected: `${e.action} ≥ ${fmtS(e.window.minMs)} after event #${e.window.anchorSeq} (tolerance ${fmtS(e.window.toleranceMs)})`,
      actual: `${match.action} at +${fmtS(after)} (frame #${match.event.seq})`,
      evidence: [e.window.anchorSeq, match.event.seq],
    });
  }
  if (after > e.window.maxMs + e.window.toleranceMs) {
    findings.push({
      checkId: 'timing.notAfter', level: timingLevel, ...(e.timingOctt ? { octt: e.timingOctt } : {}), step: e.step, requirement: e.requirement,
      expected: `${e.action} ≤ ${fmtS(e.window.maxMs)} after event #${e.window.anchorSeq} (tolerance ${fmtS(e.window.toleranceMs)})`,
      actual: `${match.action} at +${fmtS(after)} (frame #${match.event.seq})`,
      evidence: [e.window.anchorSeq, match.event.seq],
    });
  }
  const wrong = mismatches(payloadOf(match), formOf(match)!.match);
  if (wrong.length) {
    const finding = mismatchFinding(e, wrong, match);
    if (e.matchLevel) finding.level = e.matchLevel;
    if (e.matchLevel === 'SHOULD' && level === 'MUST') finding.octt = 'not-checked';
    findings.push(finding);
  }
  return { status: 'met', match, findings, deadlineMs };
}

function evaluateQuiet(e: QuietExpectation, model: RpcModel): Finding[] {
  const f = e.forbid;
  const forbidden = model.frames.filter((m) =>
    m.event.dir === 'in' && isCall(m) && m.event.seq > e.afterSeq && m.event.seq < e.beforeSeq &&
    (e.conn === undefined || m.event.conn === e.conn) && !f.except?.includes(m.action!) &&
    (f.actions === '*' || f.actions.includes(m.action!)));
  if (!forbidden.length) return [];
  const anchorT = model.events[e.afterSeq]?.t ?? 0;
  return [{
    checkId: 'sequence.forbidden', level: e.level ?? 'MUST', step: e.step, requirement: e.requirement,
    expected: `no ${f.actions === '*' ? 'request' : f.actions.join('/')} between event #${e.afterSeq} and event #${e.beforeSeq}: ${f.why}`,
    actual: forbidden.map((m) => `${m.action} at +${(m.event.t - anchorT).toFixed(0)} ms (frame #${m.event.seq})`).join('; '),
    evidence: forbidden.map((m) => m.event.seq),
  }];
}

function evaluateResult(e: ResultExpectation, model: RpcModel): Finding[] {
  const answer = model.bySeq.get(e.callSeq)?.answer;
  if (!answer || !answer.parsed.ok) return []; // no answer: rpc.noResponse reports it
  const frame = answer.parsed.frame;
  if (frame.type === 4) {
    return [{
      checkId: 'payload.mismatch', level: e.level ?? 'MUST', step: e.step, requirement: e.requirement,
      expected: `CALLRESULT to ${e.action}${e.match ? ` with ${describeMatcher(e.match)}` : ''}`,
      actual: `CALLERROR ${frame.code} "${frame.description}" (frame #${answer.event.seq})`,
      evidence: [e.callSeq, answer.event.seq],
    }];
  }
  const wrong = mismatches(frame.payload, e.match);
  return wrong.length ? [mismatchFinding(e, wrong, answer)] : [];
}

function evaluateError(e: ErrorExpectation, model: RpcModel, facts: VersionFacts): Finding[] {
  const answer = model.bySeq.get(e.callSeq)?.answer;
  if (!answer || !answer.parsed.ok) return [];
  const frame = answer.parsed.frame;
  const base = { step: e.step, requirement: e.requirement, evidence: [e.callSeq, answer.event.seq] };
  const expected = `CALLERROR ${e.exact.join(' or ')}`;
  if (frame.type !== 4) {
    return [{ ...base, checkId: 'rpc.expectedCallError', level: e.level ?? 'MUST', expected,
      actual: `CALLRESULT ${preview(JSON.stringify(frame.payload), 80)} (frame #${answer.event.seq})` }];
  }
  // One written rule per version (harness/versions/<v>/error-codes.ts), never a per-case list.
  const rules = facts.errorCodes;
  const level = rules.level(frame.code, e.exact);
  if (!level) return [];
  const cls = rules.classify(frame.code, e.exact);
  return [{
    ...base, checkId: 'rpc.errorCode', level,
    expected: `${expected} (${rules.tolerance})`,
    actual: `CALLERROR ${frame.code}, ${cls === 'exact' ? 'exact' : rules.explain[cls]} (frame #${answer.event.seq})`,
  }];
}

/** Findings of every expectation recorded in the trace. */
export function evaluateExpectations(model: RpcModel, facts: VersionFacts): Finding[] {
  const findings: Finding[] = [];
  for (const event of model.events) {
    if (event.kind !== 'expect') continue;
    findings.push(...evaluateOne((event as ExpectEvent).expectation, model, facts));
  }
  return findings;
}

export function evaluateOne(e: Expectation, model: RpcModel, facts: VersionFacts): Finding[] {
  const findings = evaluateRaw(e, model, facts);
  const octt = octtOf(e);
  for (const f of findings) f.octt ??= octt;
  return findings;
}

/** A tool validation of the table unless the case says otherwise; SHOULD-level checks are ours by default. */
export function octtOf(e: Expectation): 'fails' | 'not-checked' {
  return e.octt ?? ((e.level ?? 'MUST') === 'MUST' ? 'fails' : 'not-checked');
}

function evaluateRaw(e: Expectation, model: RpcModel, facts: VersionFacts): Finding[] {
  switch (e.type) {
    case 'call': return evaluateCall(e, model).findings;
    case 'quiet': return evaluateQuiet(e, model);
    case 'callResult': return evaluateResult(e, model);
    case 'callError': return evaluateError(e, model, facts);
    case 'meterValues': return evaluateMeterValues(e, model);
    case 'transfer': return evaluateTransfer(e, model.events);
    case 'reconnect': return evaluateReconnect(e, model.events);
    case 'security': return evaluateSecurity(e, model.events);
    case 'fuzz': return evaluateFuzz(e, model, facts);
  }
}

function isForbidden(action: string, e: CallExpectation): boolean {
  const f = e.forbid!;
  if (f.except?.includes(action)) return false;
  return f.actions === '*' ? !formsOf(e).some((form) => form.action === action) : f.actions.includes(action);
}

/** The expected CALL's own form first, then the alternatives the specification allows. */
function formsOf(e: CallExpectation): CallForm[] {
  return [{ action: e.action, where: e.where, match: e.match }, ...(e.alternatives ?? [])];
}

function payloadOf(m: ModelFrame): unknown {
  return m.parsed.ok && m.parsed.frame.type !== 4 ? m.parsed.frame.payload : undefined;
}

function mismatchFinding(e: Expectation, wrong: [string, string, unknown][], frame: ModelFrame): Finding {
  return {
    checkId: 'payload.mismatch', level: e.level ?? 'MUST', step: e.step, requirement: e.requirement,
    expected: wrong.map(([path, exp]) => `${path} = ${exp}`).join('; '),
    actual: `${wrong.map(([path, , act]) => `${path} = ${act === undefined ? '(absent)' : JSON.stringify(act)}`).join('; ')} (frame #${frame.event.seq})`,
    evidence: [frame.event.seq],
  };
}

function windowText(e: CallExpectation): string {
  const min = e.window.minMs !== undefined ? `${fmtS(e.window.minMs)}–` : '';
  return `${min}${fmtS(e.window.maxMs)} after event #${e.window.anchorSeq}`;
}

function describeNearMisses(calls: ModelFrame[], e: CallExpectation, anchorT: number): string {
  const actions = formsOf(e).map((f) => f.action);
  const name = actions.join(' or ');
  const same = calls.filter((m) => actions.includes(m.action!));
  if (same.length === 0) {
    const others = calls.slice(0, 5).map((m) => m.action).join(', ');
    return `no ${name} arrived${others ? ` (received meanwhile: ${others})` : ''}`;
  }
  return `${name} arrived but not as expected: ${same.slice(0, 3).map((m) =>
    `+${fmtS(m.event.t - anchorT)} ${preview(JSON.stringify(payloadOf(m)), 80)} (frame #${m.event.seq})`).join('; ')}`;
}

export function fmtS(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The connection attempts after the anchor (accepted or refused upgrades), judged by their spacing. */
export function evaluateReconnect(e: ReconnectExpectation, events: TraceEvent[]): Finding[] {
  const anchor = events[e.anchorSeq];
  if (!anchor) return [];
  const attempts = events.filter((ev) => ev.seq > e.anchorSeq
    && ((ev.kind === 'ws-open' && !ev.inherited) || (ev.kind === 'ws-error' && ev.status !== undefined)));
  const at = (i: number) => (i === 0 ? anchor.t : attempts[i - 1]?.t);
  const t = at(e.nth);
  const before = at(e.nth - 1);
  if (t === undefined || before === undefined) return []; // no attempt: the case waits for the connection itself
  const gap = t - before;
  const previousGap = e.nth >= 2 ? before - (at(e.nth - 2) ?? anchor.t) : undefined;
  const minimum = Math.max(e.minMs ?? 0, e.minFactor !== undefined && previousGap !== undefined ? e.minFactor * previousGap : 0);
  if (gap >= minimum - e.toleranceMs) return [];
  const what = e.nth === 1 ? `event #${e.anchorSeq}` : `connection attempt ${e.nth - 1}`;
  return [{
    checkId: 'timing.notBefore', level: e.level ?? 'MUST', step: e.step, requirement: e.requirement,
    expected: `connection attempt ${e.nth} ≥ ${fmtS(minimum)} after ${what}${e.minFactor !== undefined && previousGap !== undefined ? ` (${e.minFactor} × the previous ${fmtS(previousGap)})` : ''} (tolerance ${fmtS(e.toleranceMs)})`,
    actual: `after ${fmtS(gap)} (event #${attempts[e.nth - 1]!.seq})`,
    evidence: [attempts[e.nth - 1]!.seq],
  }];
}
