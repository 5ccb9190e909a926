// The hostile frame corpus (harness/fuzz/corpus.ts) is what the bench, the tests and a later fuzz mode
// draw from: every entry is named, cites its rule per version, expects only codes that version has,
// and the generator is reproducible from its seed.
import { expect } from 'chai';
import { CORPUS, corpusEntry, hostileFrames, type ExpectedAnswer } from '../../harness/fuzz/corpus.js';
import { ERROR_CODES_16 } from '../../harness/versions/ocpp16/error-codes.js';

/** OCPP-J 2.0.1 Part 4 §4.3 Table 8 (names only). */
const ERROR_CODES_201 = [
  'FormatViolation', 'GenericError', 'InternalError', 'MessageTypeNotSupported', 'NotImplemented', 'NotSupported',
  'OccurrenceConstraintViolation', 'PropertyConstraintViolation', 'ProtocolError', 'RpcFrameworkError', 'SecurityError',
  'TypeConstraintViolation',
];

const codesOf = (e: ExpectedAnswer): string[] => ('codes' in e ? e.codes : []);

describe('the hostile frame corpus', () => {
  it('has unique names, a rule per version, and expects only codes of that version', () => {
    const names = CORPUS.map((e) => e.name);
    expect(new Set(names).size).to.equal(names.length);
    for (const entry of CORPUS) {
      expect(entry.rule['1.6'], entry.name).to.match(/OCPP-J 1\.6|edge/);
      expect(entry.rule['2.0.1'], entry.name).to.match(/OCPP-J 2\.0\.1|edge/);
      for (const code of codesOf(entry.expected['1.6'])) expect(ERROR_CODES_16 as readonly string[], `${entry.name} 1.6`).to.include(code);
      for (const code of codesOf(entry.expected['2.0.1'])) expect(ERROR_CODES_201, `${entry.name} 2.0.1`).to.include(code);
    }
    // The version differences the specs make: 2.0.1 answers an unreadable id with "-1" and RpcFrameworkError.
    expect(corpusEntry('not-json').expected['2.0.1']).to.deep.equal({ answer: 'callError', codes: ['RpcFrameworkError'], id: '-1' });
    expect(corpusEntry('not-json').expected['1.6'].answer).to.equal('none');
    expect(codesOf(corpusEntry('unknown-message-type').expected['2.0.1'])).to.deep.equal(['MessageTypeNotSupported']);
  });

  it('the same seed gives the same frames; another seed others', () => {
    const run = (seed: number) => [...hostileFrames({ seed, count: 300, sender: 'chargePoint', depth: [100, 200] })]
      .map((f) => `${f.entry.name}:${typeof f.data === 'string' ? f.data : f.data.toString('base64')}`);
    expect(run(7)).to.deep.equal(run(7));
    expect(run(7)).to.not.deep.equal(run(8));
  });

  it('draws by weight, only from the entries asked for, and makes what each entry says', () => {
    const frames = [...hostileFrames({ seed: 1, count: 2000, sender: 'csms', weights: { 'big-frame': 0, 'deep-nesting': 0 } })];
    const drawn = new Set(frames.map((f) => f.entry.name));
    expect(drawn.has('big-frame')).to.equal(false);
    expect(drawn.has('invalid-utf8')).to.equal(false); // weight 0 unless asked for
    expect(drawn.size).to.be.greaterThan(15);
    for (const f of frames.filter((x) => x.entry.name === 'binary-frame')) expect(f.binary).to.equal(true);
    for (const f of frames.filter((x) => x.entry.name === 'not-json')) expect(() => JSON.parse(f.data as string)).to.throw();
    const big = [...hostileFrames({ seed: 3, count: 2, sender: 'chargePoint', entries: ['big-frame'], bigBytes: [1000, 2000] })];
    for (const f of big) expect((f.data as string).length).to.be.within(1000, 2000);
    expect(() => hostileFrames({ seed: 1, count: 1, sender: 'csms', entries: ['no-such-entry'] }).next()).to.throw(/no corpus entry/);
  });
});
