// The CSMS's record of transactions, built from TransactionEventRequests (OCPP 2.0.1 Part 2 E01–E15).
// The station owns the transactionId; seqNo restarts for each transaction (E01.FR.07 note, Part 6 TC_E_53),
// so events are keyed by (station, transactionId), never by seqNo alone.

export interface TransactionRecord {
  identity: string;
  transactionId: string;
  evseId?: number;
  idToken?: { idToken: string; type: string };
  seqNos: number[];
  events: { eventType: string; triggerReason: string; seqNo: number; offline: boolean; timestamp: string }[];
  meterValueCount: number;
  ended: boolean;
}

export class TransactionLedger {
  private readonly byKey = new Map<string, TransactionRecord>();
  /** Defect "seqno-unique-per-station": a unique index on (station, seqNo), as if seqNo were global. */
  private readonly seenSeqNo = new Map<string, Set<number>>();

  constructor(private readonly seqNoUniquePerStation: boolean) {}

  /** Record one TransactionEventRequest; throws (→ InternalError) only under the seqNo defect. */
  record(identity: string, req: Record<string, unknown>): TransactionRecord {
    const info = req.transactionInfo as { transactionId: string };
    const key = `${identity}\u0000${info.transactionId}`;
    const seqNo = Number(req.seqNo);
    if (this.seqNoUniquePerStation) {
      const seen = this.seenSeqNo.get(identity) ?? new Set<number>();
      if (seen.has(seqNo)) throw new Error(`duplicate key (station, seqNo) = (${identity}, ${seqNo})`);
      seen.add(seqNo);
      this.seenSeqNo.set(identity, seen);
    }
    let tx = this.byKey.get(key);
    if (!tx) {
      tx = { identity, transactionId: info.transactionId, seqNos: [], events: [], meterValueCount: 0, ended: false };
      this.byKey.set(key, tx);
    }
    const evse = req.evse as { id: number } | undefined;
    if (evse) tx.evseId = evse.id;
    if (req.idToken) tx.idToken = req.idToken as TransactionRecord['idToken'];
    tx.seqNos.push(seqNo);
    tx.events.push({ eventType: String(req.eventType), triggerReason: String(req.triggerReason), seqNo, offline: req.offline === true, timestamp: String(req.timestamp) });
    tx.meterValueCount += Array.isArray(req.meterValue) ? req.meterValue.length : 0;
    if (req.eventType === 'Ended') tx.ended = true;
    return tx;
  }

  all(): TransactionRecord[] {
    return [...this.byKey.values()];
  }

  /** The newest transaction of a station that has not ended (an operator's "stop the running session"). */
  ongoing(identity: string): TransactionRecord | undefined {
    return this.all().filter((t) => t.identity === identity && !t.ended).pop();
  }
}
