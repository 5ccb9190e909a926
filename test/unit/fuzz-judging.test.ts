// Fuzzing's judgement of one hostile frame (harness/fuzz): what each frame is owed per version, and
// every fuzz.* check id tripped by a hand-written trace, at the level the version's rules give it.
import { expect } from 'chai';
import { buildRpcModel } from '../../harness/checks/rpc-model.js';
import type { FuzzExpectation } from '../../harness/checks/expectation.js';
import { corpusEntry } from '../../harness/fuzz/corpus.js';
import { evaluateFuzz } from '../../harness/fuzz/fuzz-expectation.js';
import { framesOf, fuzzCaseId, owedFor } from '../../harness/fuzz/fuzz-cases.js';
import { OCPP16 } from '../../harness/versions/ocpp16/facts.js';
import { OCPP201 } from '../../harness/versions/ocpp201/facts.js';
import { TraceBuilder } from '../support/trace-builder.js';

const text = (data: string) => ({ data, binary: false });

describe('fuzz: what a hostile frame is owed', () => {
  it('a well-formed CALL is judged by the version\'s schemas: unknown action, invalid payload, valid payload', () => {
    const entry = corpusEntry('unknown-action');
    expect(owedFor(text('[2,"a","FrobnicateWidget",{}]'), entry, '1.6')).to.deep.equal({ owed: { answer: 'callError', codes: ['NotImplemented'], id: 'same' }, answerId: 'a', acceptedLevel: 'MUST' });
    expect(owedFor(text('[2,"a","FrobnicateWidget",{}]'), entry, '2.0.1').acceptedLevel).to.equal('SHOULD');
    const missing = corpusEntry('missing-required-field');
    expect(owedFor(text('[2,"b","ChangeAvailability",{}]'), missing, '1.6').owed).to.deep.include({ answer: 'callError', id: 'same' });
    expect((owedFor(text('[2,"b","ChangeAvailability",{}]'), missing, '1.6').owed as { codes: string[] }).codes[0]).to.equal('OccurenceConstraintViolation');
    expect((owedFor(text('[2,"b","ChangeAvailability",{}]'), missing, '2.0.1').owed as { codes: string[] }).codes[0]).to.equal('OccurrenceConstraintViolation');
    // The 1.6 semantic bomb (GetCompositeSchedule with connectorId) is not even valid 2.0.1: a refusal is owed there.
    const bomb = corpusEntry('semantic-bomb');
    const frame = text('[2,"c","GetCompositeSchedule",{"connectorId":0,"duration":864000000}]');
    expect(owedFor(frame, bomb, '1.6').owed).to.deep.equal({ answer: 'callResult' });
    expect(owedFor(frame, bomb, '2.0.1').owed.answer).to.equal('callError');
  });

  it('a frame whose id cannot be read is owed "-1" in 2.0.1 and nothing in 1.6', () => {
    const entry = corpusEntry('not-json');
    expect(owedFor(text('{[2,"'), entry, '2.0.1')).to.deep.include({ answerId: '-1' });
    expect(owedFor(text('{[2,"'), entry, '1.6').owed.answer).to.equal('none');
  });

  it('frames are reproducible from the seed, and differ with another seed', () => {
    const entry = corpusEntry('unknown-action');
    const a = framesOf(entry, 'csms', { seed: 7, rounds: 5 }).map((f) => String(f.data));
    expect(framesOf(entry, 'csms', { seed: 7, rounds: 5 }).map((f) => String(f.data))).to.deep.equal(a);
    expect(framesOf(entry, 'csms', { seed: 8, rounds: 5 }).map((f) => String(f.data))).to.not.deep.equal(a);
    expect(fuzzCaseId('not-json', 'ChargePoint')).to.equal('FUZZ_NOT_JSON_CS');
  });
});

describe('fuzz: each fuzz.* finding, from a trace', () => {
  function judge(answer: unknown[] | 'close' | undefined, owed: FuzzExpectation['owed'], answerId: string | undefined, facts = OCPP16, acceptedLevel: 'MUST' | 'SHOULD' = 'MUST') {
    const b = new TraceBuilder();
    const sent = b.event(0, { kind: 'frame', conn: 0, dir: 'out', raw: '[2,"x","Heartbeat",{}]', deliberatelyInvalid: true });
    if (answer === 'close') b.close(5, 'peer', 1007);
    else if (answer) b.in(5, answer);
    const until = b.event(10, { kind: 'note', text: 'observed' });
    const e: FuzzExpectation = { type: 'fuzz', entry: 'e', sentSeq: sent, untilSeq: until, owed, ...(answerId ? { answerId } : {}), acceptedLevel, requirement: 'the rule' };
    return evaluateFuzz(e, buildRpcModel(b.events), facts).map((f) => `${f.checkId}:${f.level}`);
  }
  const refuse = { answer: 'callError' as const, codes: ['FormationViolation'], id: 'same' as const };

  it('the exact code passes; another code of the version is SHOULD; no code of the version is MUST', () => {
    expect(judge([4, 'x', 'FormationViolation', '', {}], refuse, 'x')).to.deep.equal([]);
    expect(judge([4, 'x', 'GenericError', '', {}], refuse, 'x')).to.deep.equal(['fuzz.errorCode:SHOULD']);
    expect(judge([4, 'x', 'RpcFrameworkError', '', {}], refuse, 'x')).to.deep.equal(['fuzz.errorCode:MUST']);
  });

  it('a CALLRESULT where a refusal is owed: at the level the version gives it', () => {
    expect(judge([3, 'x', {}], refuse, 'x', OCPP16, 'MUST')).to.deep.equal(['fuzz.accepted:MUST']);
    expect(judge([3, 'x', {}], refuse, 'x', OCPP201, 'SHOULD')).to.deep.equal(['fuzz.accepted:SHOULD']);
  });

  it('a CALLERROR addressed to another id is fuzz.errorId (MUST)', () => {
    expect(judge([4, '', 'FormationViolation', '', {}], refuse, 'x')).to.deep.equal(['fuzz.errorId:MUST']);
  });

  it('an unreadable frame left unanswered is SHOULD in 2.0.1 (it may be dropped)', () => {
    expect(judge(undefined, { answer: 'callError', codes: ['RpcFrameworkError'], id: '-1' }, '-1', OCPP201)).to.deep.equal(['fuzz.unanswered:SHOULD']);
  });

  it('an answer to an answer is fuzz.unexpectedAnswer (SHOULD); a refused valid request fuzz.refused (SHOULD)', () => {
    expect(judge([4, 'x', 'GenericError', '', {}], { answer: 'none', why: 'dropped' }, 'x')).to.deep.equal(['fuzz.unexpectedAnswer:SHOULD']);
    expect(judge([4, 'x', 'GenericError', '', {}], { answer: 'callResult' }, 'x')).to.deep.equal(['fuzz.refused:SHOULD']);
  });

  it('invalid UTF-8 should end the connection: open is fuzz.notClosed (SHOULD), closed passes', () => {
    expect(judge(undefined, { answer: 'close', closeCode: 1007 }, undefined)).to.deep.equal(['fuzz.notClosed:SHOULD']);
    expect(judge('close', { answer: 'close', closeCode: 1007 }, undefined)).to.deep.equal([]);
  });
});

describe('fuzz: the corpus follows the version registry', () => {
  it('every entry has a rule and an owed answer for every version the harness speaks', async () => {
    const { OCPP_VERSIONS } = await import('../../harness/versions/facts-registry.js');
    const { CORPUS } = await import('../../harness/fuzz/corpus.js');
    const missing = CORPUS.flatMap((e) => OCPP_VERSIONS.filter((v) => !(v in e.rule) || !(v in e.expected)).map((v) => `${e.name} ${v}`));
    expect(missing).to.deep.equal([]);
  });
});
