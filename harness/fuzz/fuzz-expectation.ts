// Judges what a system under test did with one hostile frame (a FuzzExpectation): the answer it owed
// by the corpus entry and the version's rules — a CALLERROR with the right code and id, a CALLRESULT,
// nothing, or a close — read from the frames the trace holds after the frame was sent.
import type { FuzzExpectation } from '../checks/expectation.js';
import type { Finding } from '../checks/finding.js';
import { preview } from '../checks/framing.js';
import type { RpcModel } from '../checks/rpc-model.js';
import type { VersionFacts } from '../versions/version-facts.js';

/** Versions that let a receiver drop an invalid message (so an unanswered one is no MUST). */
const DROP_ALLOWED: Record<string, string> = {
  '2.0.1': 'OCPP-J 2.0.1 §4.2.3: a message with invalid OCPP or not conform the JSON schema may be dropped',
};

export function evaluateFuzz(e: FuzzExpectation, model: RpcModel, facts: VersionFacts): Finding[] {
  const inWindow = model.frames.filter((m) => m.event.dir === 'in' && m.event.seq > e.sentSeq && m.event.seq <= e.untilSeq);
  const answers = inWindow.filter((m) => m.parsed.ok && (m.parsed.frame.type === 3 || m.parsed.frame.type === 4)
    && e.answerId !== undefined && m.parsed.frame.id === e.answerId);
  const answer = answers[0];
  const close = model.events.find((ev) => ev.kind === 'ws-close' && ev.by === 'peer' && ev.seq > e.sentSeq && ev.seq <= e.untilSeq);
  const base = { requirement: e.requirement, step: e.step, evidence: [e.sentSeq] };
  const frameText = (seq: number) => `frame #${seq}`;
  const mayDrop = DROP_ALLOWED[facts.id];
  const owed = e.owed;
  const findings: Finding[] = [];
  const judgeCode = (code: string, codes: string[], seq: number) => {
    const level = facts.errorCodes.level(code, codes);
    if (!level) return;
    const cls = facts.errorCodes.classify(code, codes);
    findings.push({
      ...base, checkId: 'fuzz.errorCode', level, evidence: [e.sentSeq, seq],
      expected: `CALLERROR ${codes.join(' or ')} (${facts.errorCodes.tolerance})`,
      actual: `CALLERROR ${code}, ${cls === 'exact' ? 'exact' : facts.errorCodes.explain[cls]} (${frameText(seq)})`,
    });
  };
  switch (owed.answer) {
    case 'none': {
      // Nothing is owed; answering a CALLRESULT/CALLERROR with a CALLERROR is what OCPP-J never does.
      const stray = inWindow.find((m) => m.parsed.ok && m.parsed.frame.type === 4 && e.answerId !== undefined && m.parsed.frame.id === e.answerId);
      if (stray) {
        findings.push({
          ...base, checkId: 'fuzz.unexpectedAnswer', level: 'SHOULD', evidence: [e.sentSeq, stray.event.seq],
          expected: `no answer (${owed.why})`, actual: `${preview(stray.event.raw)} (${frameText(stray.event.seq)})`,
        });
      }
      break;
    }
    case 'callResult':
      if (answer?.parsed.ok && answer.parsed.frame.type === 4) {
        findings.push({
          ...base, checkId: 'fuzz.refused', level: 'SHOULD', evidence: [e.sentSeq, answer.event.seq],
          expected: 'a CALLRESULT: the request is valid, however extreme its values (a bounded, correct answer)',
          actual: `${preview(answer.event.raw)} (${frameText(answer.event.seq)})`,
        });
      }
      // No answer at all: the generic rpc.noResponse check judges a valid CALL left unanswered.
      break;
    case 'callError':
    case 'callErrorOrClose': {
      if (answer?.parsed.ok && answer.parsed.frame.type === 4) {
        judgeCode(answer.parsed.frame.code, owed.codes, answer.event.seq);
        break;
      }
      // "May refuse what it cannot hold": for a valid request (a big frame) a CALLRESULT is fine too.
      if (answer?.parsed.ok && answer.parsed.frame.type === 3 && owed.answer === 'callErrorOrClose') break;
      if (answer?.parsed.ok && answer.parsed.frame.type === 3) {
        findings.push({
          ...base, checkId: 'fuzz.accepted', level: e.acceptedLevel, evidence: [e.sentSeq, answer.event.seq],
          expected: `CALLERROR ${owed.codes.join(' or ')}: the frame breaks the rule, so it cannot be processed`,
          actual: `CALLRESULT ${preview(answer.event.raw)} (${frameText(answer.event.seq)})`,
        });
        break;
      }
      if (owed.answer === 'callErrorOrClose' && close) break;
      // An answer with another id: the right code, addressed wrongly.
      const misaddressed = inWindow.find((m) => m.parsed.ok && m.parsed.frame.type === 4);
      if (misaddressed?.parsed.ok && misaddressed.parsed.frame.type === 4 && owed.answer === 'callError') {
        findings.push({
          ...base, checkId: 'fuzz.errorId', level: 'MUST', evidence: [e.sentSeq, misaddressed.event.seq],
          expected: `a CALLERROR carrying message id ${JSON.stringify(e.answerId)}${e.answerId === '-1' ? ' (the id could not be read)' : ''}`,
          actual: `${preview(misaddressed.event.raw)} (${frameText(misaddressed.event.seq)})`,
        });
        break;
      }
      // Unanswered: a readable CALL is judged by the generic rpc.noResponse (the version's rule);
      // an unreadable one ("-1") only here, and never as a MUST (the receiver may drop it).
      if (e.answerId === '-1') {
        findings.push({
          ...base, checkId: 'fuzz.unanswered', level: 'SHOULD',
          expected: `CALLERROR ${owed.codes.join(' or ')} with message id "-1"${mayDrop ? ` (${mayDrop})` : ''}`,
          actual: close ? `the connection was closed (code ${(close as { code?: number }).code})` : 'no answer',
        });
      }
      break;
    }
    case 'close':
      if (!close) {
        findings.push({
          ...base, checkId: 'fuzz.notClosed', level: 'SHOULD',
          expected: `the receiver fails the connection (close ${owed.closeCode})`, actual: 'the connection stayed open',
        });
      }
      break;
  }
  return findings;
}
