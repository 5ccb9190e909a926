// Part 6 §2.1's general tool rules on TransactionEventRequest, for every charging-station case:
// the first event of a transaction (in time) is eventType Started, and seqNo rises by one per event in
// the order the events happened (Part 2 §1.3.2.1: "After each TransactionEventRequest Charging Station
// SHALL increase the seqNo by 1"). Messages may arrive out of order (queued while offline, retried):
// the order judged is the events' own timestamps, and a retry (same seqNo, same content) is no event.
import type { Finding } from '../../../checks/finding.js';
import { isCall, type ModelFrame, type RpcModel } from '../../../checks/rpc-model.js';

interface TxEvent { seq: number; seqNo: number; eventType: string; time: number; frame: ModelFrame }

const REQUIREMENT_SEQ = 'OCPP 2.0.1 Part 2 §1.3.2.1: after each TransactionEventRequest the Charging Station SHALL increase the seqNo by 1; '
  + 'Part 6 §2.1 (general tool rule): the seqNo are sequentially numbered in chronological order';
const REQUIREMENT_STARTED = 'OCPP 2.0.1 Part 6 §2.1 (general tool rule): the first TransactionEventRequest of a transaction MUST contain eventType Started';

export function checkTransactionSequence(model: RpcModel): Finding[] {
  const byTx = new Map<string, TxEvent[]>();
  const seen = new Set<string>();
  for (const m of model.frames) {
    if (m.event.dir !== 'in' || !isCall(m) || m.parsed.frame.action !== 'TransactionEvent') continue;
    const p = m.parsed.frame.payload as { seqNo?: unknown; eventType?: unknown; timestamp?: unknown; transactionInfo?: { transactionId?: unknown } };
    const id = p.transactionInfo?.transactionId;
    const time = typeof p.timestamp === 'string' ? Date.parse(p.timestamp) : NaN;
    if (typeof id !== 'string' || typeof p.seqNo !== 'number' || typeof p.eventType !== 'string' || Number.isNaN(time)) continue; // the schema check speaks
    const key = `${id}\u0000${p.seqNo}\u0000${p.eventType}\u0000${time}`;
    if (seen.has(key)) continue; // a retry of the same event
    seen.add(key);
    const list = byTx.get(id) ?? [];
    list.push({ seq: m.event.seq, seqNo: p.seqNo, eventType: p.eventType, time, frame: m });
    byTx.set(id, list);
  }
  // A station counting across EVSEs interleaves two transactions' numbers: a gap filled by another
  // transaction's events in this trace is not judged (only Part 2 §1.3.2's per-EVSE counter forbids it).
  const usedBy = new Map<number, Set<string>>();
  for (const [id, events] of byTx) for (const e of events) (usedBy.get(e.seqNo) ?? usedBy.set(e.seqNo, new Set()).get(e.seqNo)!).add(id);
  const filledElsewhere = (id: string, from: number, to: number) => {
    for (let n = from + 1; n < to; n++) if (![...(usedBy.get(n) ?? [])].some((other) => other !== id)) return false;
    return true;
  };
  const findings: Finding[] = [];
  for (const [id, events] of byTx) {
    const started = events.find((e) => e.eventType === 'Started');
    // Only transactions that began in this trace: an earlier part is not ours to judge.
    if (!started) continue;
    const inTime = [...events].sort((a, b) => a.time - b.time || a.seq - b.seq);
    const first = inTime[0]!;
    if (first.eventType !== 'Started' && first.time < started.time) {
      findings.push({
        checkId: 'transaction.firstStarted', level: 'MUST', requirement: REQUIREMENT_STARTED,
        expected: `the earliest TransactionEvent of transaction ${id} has eventType Started`,
        actual: `eventType ${first.eventType} at ${new Date(first.time).toISOString()} (frame #${first.seq}) precedes the Started event (frame #${started.seq})`,
        evidence: [first.seq, started.seq],
      });
    }
    for (let i = 1; i < inTime.length; i++) {
      const [a, b] = [inTime[i - 1]!, inTime[i]!];
      if (a.time === b.time) continue; // the same instant: no order to judge
      if (b.seqNo !== a.seqNo + 1 && !(b.seqNo > a.seqNo + 1 && filledElsewhere(id, a.seqNo, b.seqNo))) {
        findings.push({
          checkId: 'transaction.seqNo', level: 'MUST', requirement: REQUIREMENT_SEQ,
          expected: `transaction ${id}: the event after seqNo ${a.seqNo} (${a.eventType}, frame #${a.seq}) has seqNo ${a.seqNo + 1}`,
          actual: `seqNo ${b.seqNo} (${b.eventType}, frame #${b.seq})`,
          evidence: [a.seq, b.seq],
        });
        break; // one finding per transaction: the rest follows from it
      }
    }
  }
  return findings;
}
