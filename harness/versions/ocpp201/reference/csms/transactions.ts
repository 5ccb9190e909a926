// What the CSMS remembers of the transactions its stations report (E01–E14): enough to answer, to
// stop one remotely, and to let a tester see what arrived.

import { asRecord, int, str } from './shared.js';

export interface KnownTransaction {
  identity: string;
  transactionId: string;
  evseId?: number;
  connectorId?: number;
  /** The last idToken the station reported for it. */
  idToken?: { idToken: string; type: string };
  /** Every seqNo received, in arrival order. */
  seqNos: number[];
  /** eventType/triggerReason of every TransactionEvent received, in arrival order. */
  events: Array<{ eventType: string; triggerReason: string; offline: boolean }>;
  chargingState?: string;
  stoppedReason?: string;
  ended: boolean;
  /** How many meterValue entries arrived with it (signed ones counted apart). */
  meterValues: number;
  signedMeterValues: number;
}

export class TransactionBook {
  private readonly byKey = new Map<string, KnownTransaction>();

  /** Record one TransactionEventRequest; returns the transaction it belongs to. */
  record(identity: string, request: Record<string, unknown>): KnownTransaction {
    const info = asRecord(request.transactionInfo);
    const transactionId = str(info.transactionId) ?? '';
    const key = `${identity}\u0000${transactionId}`;
    let tx = this.byKey.get(key);
    if (!tx) {
      tx = { identity, transactionId, seqNos: [], events: [], ended: false, meterValues: 0, signedMeterValues: 0 };
      this.byKey.set(key, tx);
    }
    const evse = asRecord(request.evse);
    if (int(evse.id) !== undefined) tx.evseId = int(evse.id);
    if (int(evse.connectorId) !== undefined) tx.connectorId = int(evse.connectorId);
    const token = asRecord(request.idToken);
    if (typeof token.idToken === 'string' && typeof token.type === 'string') tx.idToken = { idToken: token.idToken, type: token.type };
    if (typeof request.seqNo === 'number') tx.seqNos.push(request.seqNo);
    tx.events.push({ eventType: str(request.eventType) ?? '', triggerReason: str(request.triggerReason) ?? '', offline: request.offline === true });
    if (str(info.chargingState)) tx.chargingState = str(info.chargingState);
    if (str(info.stoppedReason)) tx.stoppedReason = str(info.stoppedReason);
    if (request.eventType === 'Ended') tx.ended = true;
    for (const mv of Array.isArray(request.meterValue) ? request.meterValue : []) {
      tx.meterValues++;
      if (hasSignedValue(mv)) tx.signedMeterValues++;
    }
    return tx;
  }

  /** The transactions of `identity` (all stations without), in the order first seen. */
  list(identity?: string): KnownTransaction[] {
    return [...this.byKey.values()].filter((t) => identity === undefined || t.identity === identity);
  }

  /** The most recently started transaction of `identity` that has not ended. */
  lastOngoing(identity: string): KnownTransaction | undefined {
    return this.list(identity).filter((t) => !t.ended).pop();
  }

  /** The most recent transaction of `identity`, ended or not. */
  last(identity: string): KnownTransaction | undefined {
    return this.list(identity).pop();
  }
}

/** Does a MeterValue carry a signedMeterValue in one of its sampledValues? */
export function hasSignedValue(meterValue: unknown): boolean {
  const sampled = asRecord(meterValue).sampledValue;
  return Array.isArray(sampled) && sampled.some((s) => asRecord(s).signedMeterValue !== undefined);
}
