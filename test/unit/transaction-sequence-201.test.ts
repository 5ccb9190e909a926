// Part 6 §2.1's general tool rules on TransactionEvent (2.0.1): seqNo one up per event in time order,
// the first event Started. Hand-written traces with the exact findings expected.
import { expect } from 'chai';
import { buildRpcModel } from '../../harness/checks/rpc-model.js';
import { checkTransactionSequence } from '../../harness/versions/ocpp201/checks/transaction-sequence.js';
import { TraceBuilder } from '../support/trace-builder.js';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
const tx = (id: string, seqNo: number, eventType: string, second: number) =>
  [2, `m-${id}-${seqNo}-${second}`, 'TransactionEvent', { eventType, timestamp: at(second), triggerReason: 'Authorized', seqNo, transactionInfo: { transactionId: id } }];

function judged(frames: unknown[][]): string[] {
  const b = new TraceBuilder();
  frames.forEach((f, i) => b.in(i * 10, f));
  return checkTransactionSequence(buildRpcModel(b.events)).map((f) => `${f.checkId}:${f.level}`);
}

describe('2.0.1 transaction sequence (Part 6 §2.1 general tool rules)', () => {
  it('0, 1, 2 in time order passes; so does a station starting above 0 (continuously increasing is allowed)', () => {
    expect(judged([tx('A', 0, 'Started', 1), tx('A', 1, 'Updated', 2), tx('A', 2, 'Ended', 3)])).to.deep.equal([]);
    expect(judged([tx('A', 17, 'Started', 1), tx('A', 18, 'Ended', 3)])).to.deep.equal([]);
  });

  it('events sent out of order (a queue) are judged by their timestamps', () => {
    expect(judged([tx('A', 0, 'Started', 1), tx('A', 2, 'Ended', 3), tx('A', 1, 'Updated', 2)])).to.deep.equal([]);
  });

  it('a retry of the same event is no second event', () => {
    expect(judged([tx('A', 0, 'Started', 1), tx('A', 0, 'Started', 1), tx('A', 1, 'Ended', 2)])).to.deep.equal([]);
  });

  it('a skipped number is a MUST finding, one per transaction', () => {
    expect(judged([tx('A', 0, 'Started', 1), tx('A', 2, 'Updated', 2), tx('A', 4, 'Ended', 3)])).to.deep.equal(['transaction.seqNo:MUST']);
  });

  it('seqNo falling in time order (the newest event numbered first) is a finding', () => {
    expect(judged([tx('A', 1, 'Started', 1), tx('A', 0, 'Updated', 2)])).to.deep.equal(['transaction.seqNo:MUST']);
  });

  it('a gap filled by another transaction of the trace (a station-wide counter) is not judged', () => {
    expect(judged([tx('A', 0, 'Started', 1), tx('B', 1, 'Started', 2), tx('A', 2, 'Ended', 3), tx('B', 3, 'Ended', 4)])).to.deep.equal([]);
  });

  it('an Updated event earlier in time than the Started one is a MUST finding; a transaction begun before the trace is not judged', () => {
    expect(judged([tx('A', 1, 'Started', 2), tx('A', 0, 'Updated', 1)])).to.include('transaction.firstStarted:MUST');
    expect(judged([tx('Z', 5, 'Updated', 1), tx('Z', 7, 'Ended', 2)])).to.deep.equal([]);
  });
});
