// Message-id pairing, one outstanding CALL at a time, and response times.
import type { VersionFacts } from '../versions/version-facts.js';
import type { JudgingSettings } from '../trace/types.js';
import type { Finding } from './finding.js';
import { preview } from './framing.js';
import { isAnswerableCall, isCall, type ModelFrame, type RpcModel } from './rpc-model.js';

export function checkUnknownMessageIds(model: RpcModel): Finding[] {
  return model.frames
    .filter((m) => m.event.dir === 'in' && m.parsed.ok && m.parsed.frame.type !== 2 && !m.answers && !m.answersGarbage)
    .map((m) => ({
      checkId: 'rpc.messageId.unknown',
      level: 'MUST' as const,
      requirement: 'OCPP-J 1.6 §4.1.4: the message ID of a CALLRESULT or CALLERROR MUST equal that of the CALL it answers',
      expected: 'the id of one of our unanswered CALLs',
      actual: `id ${JSON.stringify(m.parsed.ok ? m.parsed.frame.id : '?')} matches no unanswered CALL (frame #${m.event.seq}: ${preview(m.event.raw)})`,
      evidence: [m.event.seq],
    }));
}

/** A CALLERROR that answers our CALL with "" or "-1" although that CALL's id was readable. */
export function checkPlaceholderIds(model: RpcModel): Finding[] {
  return model.frames
    .filter((m) => m.event.dir === 'in' && m.placeholderIdFor)
    .map((m) => {
      const call = m.placeholderIdFor!;
      const id = call.malformedCallId ?? (call.parsed.ok ? call.parsed.frame.id : '?');
      return {
        checkId: 'rpc.messageId.callError',
        level: 'MUST' as const,
        requirement: 'OCPP-J 1.6 §4.1.4: the message ID of a CALLERROR MUST equal that of the CALL it answers; the CALL\'s id was readable',
        expected: `CALLERROR with id ${JSON.stringify(id)} (frame #${call.event.seq})`,
        actual: `CALLERROR with id ${JSON.stringify(m.parsed.ok ? m.parsed.frame.id : '?')} (frame #${m.event.seq}: ${preview(m.event.raw)})`,
        evidence: [call.event.seq, m.event.seq],
      };
    });
}

export function checkSingleOutstandingCall(model: RpcModel, settings: JudgingSettings): Finding[] {
  const findings: Finding[] = [];
  const inboundCalls = model.frames.filter((m) => m.event.dir === 'in' && isCall(m));
  for (const m of inboundCalls) {
    const earlier = inboundCalls.find((p) =>
      p.event.seq < m.event.seq &&
      p.event.conn === m.event.conn &&
      (!p.answer || p.answer.event.seq > m.event.seq) &&
      // The sender's own timeout ends its wait; ours stands in for it, so near that bound the timing tolerance applies.
      m.event.t - p.event.t < settings.responseTimeoutMs - settings.toleranceMs);
    if (!earlier) continue;
    findings.push({
      checkId: 'rpc.singleOutstandingCall',
      level: 'SHOULD',
      requirement: 'OCPP-J 1.6 §4.1.1: a CALL SHOULD NOT be sent while an earlier CALL is unanswered and not timed out',
      expected: `no new CALL until ${earlier.action} (frame #${earlier.event.seq}) is answered`,
      actual: `${m.action} sent at +${(m.event.t - earlier.event.t).toFixed(1)} ms while ${earlier.action} was unanswered (frame #${m.event.seq})`,
      evidence: [earlier.event.seq, m.event.seq],
    });
  }
  return findings;
}

export function checkResponseTimes(model: RpcModel, settings: JudgingSettings, facts: VersionFacts): Finding[] {
  const findings: Finding[] = [];
  for (const m of model.frames) {
    // Also a frame of another message type that a case expects a CALLERROR for (OCPP-J 2.0.1 §4.4).
    if (m.event.dir !== 'out' || !(isAnswerableCall(m) || expectsCallError(model, m.event.seq))) continue;
    if (m.answer) {
      const took = m.answer.event.t - m.event.t;
      if (took > settings.responseTimeoutMs) {
        findings.push({
          checkId: 'rpc.responseTime',
          level: 'MUST',
          requirement: `a CALL is answered within the configured response timeout (${settings.responseTimeoutMs} ms)`,
          expected: `answer to ${m.action ?? 'the malformed CALL'} within ${settings.responseTimeoutMs} ms`,
          actual: `answered after ${took.toFixed(1)} ms (frames #${m.event.seq} → #${m.answer.event.seq})`,
          evidence: [m.event.seq, m.answer.event.seq],
        });
      }
    } else if (model.endMs - m.event.t >= settings.responseTimeoutMs) {
      // The version decides what is owed to a CALL broken on purpose (1.6: a CALLERROR; 2.0.1 may drop it);
      // a case that names the spec's permission to drop its CALL says so itself.
      const invalid = facts.unansweredInvalidCall(m.malformedCallId !== undefined, m.event.deliberatelyInvalid === true);
      const mayDrop = dropAllowedFor(model, m.event.seq);
      const otherType = isAnswerableCall(m) ? undefined : expectedErrorRequirement(model, m.event.seq);
      // An answer that came, but under a placeholder id no pairing could give to this frame, is named.
      const placeholder = unpairedPlaceholderAnswer(model, m);
      findings.push({
        checkId: 'rpc.noResponse',
        // A frame of an unknown message type the case expected a CALLERROR to: §4.4 of 2.0.1 makes that answer a SHALL.
        level: mayDrop ? 'SHOULD' : otherType ? 'MUST' : invalid?.level ?? 'MUST',
        ...(mayDrop ? { octt: 'not-checked' as const } : {}),
        requirement: mayDrop ?? otherType ?? invalid?.requirement ?? `${facts.ocppJ} §4.2: every CALL is answered with a CALLRESULT or CALLERROR carrying its message id`,
        expected: `an answer to ${m.action ?? 'the malformed CALL'} (frame #${m.event.seq})`,
        actual: placeholder
          ? `no answer carrying its message id in the ${(model.endMs - m.event.t).toFixed(0)} ms the trace covers after it; frame #${placeholder.event.seq} is a CALLERROR with message id ${JSON.stringify(placeholder.parsed.ok ? placeholder.parsed.frame.id : '')}, which answers no frame of ours`
          : `no answer in the ${(model.endMs - m.event.t).toFixed(0)} ms the trace covers after it`,
        evidence: placeholder ? [m.event.seq, placeholder.event.seq] : [m.event.seq],
      });
    }
  }
  return findings;
}

/** The first CALLERROR after `m`, on its connection, with a placeholder id ("-1" or "") paired with no CALL of ours. */
function unpairedPlaceholderAnswer(model: RpcModel, m: ModelFrame): ModelFrame | undefined {
  return model.frames.find((x) => x.event.dir === 'in' && x.event.seq > m.event.seq && x.event.conn === m.event.conn
    && x.parsed.ok && x.parsed.frame.type === 4 && (x.parsed.frame.id === '-1' || x.parsed.frame.id === '') && !x.answers);
}

/** The reason the receiver may drop our CALL at `seq` unanswered, when the case that sent it said so. */
function dropAllowedFor(model: RpcModel, seq: number): string | undefined {
  for (const e of model.events) {
    if (e.kind === 'expect' && e.expectation.type === 'callError' && e.expectation.callSeq === seq && e.expectation.mayDrop) return e.expectation.mayDrop;
  }
  return undefined;
}

/** Did the case expect a CALLERROR to the frame at `seq`? */
function expectsCallError(model: RpcModel, seq: number): boolean {
  return expectedErrorRequirement(model, seq) !== undefined;
}

/** The requirement of the CALLERROR the case expected to the frame at `seq`. */
function expectedErrorRequirement(model: RpcModel, seq: number): string | undefined {
  for (const e of model.events) {
    if (e.kind === 'expect' && e.expectation.type === 'callError' && e.expectation.callSeq === seq) return e.expectation.requirement;
  }
  return undefined;
}
