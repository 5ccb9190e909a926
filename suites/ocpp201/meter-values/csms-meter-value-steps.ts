// What the block J cases with the CSMS under test share: clock-aligned readings outside a transaction
// (MeterValuesRequest and NotifyEventRequest for FiscalMetering, Part 6 TC_J_01/02_CSMS) and the
// readings an Ended TransactionEvent carries (TC_J_03/04/10/11_CSMS). The transaction itself is played
// by the reusable states of ../transactions/csms-transaction-states.ts. Not a case.
import { evseIdsOf } from '../../../harness/versions/ocpp201/module.js';
import { METER_VALUES_ANSWERED, meterValue, type SampledContext, type StationTransaction, type TxScope } from '../transactions/csms-transaction-states.js';

let eventIds = 1_000_000;

/** The clock-aligned (and sampled) interval the harness station uses: cfg.intervals.meterSampleS. */
export const intervalMs = (t: TxScope) => Math.max(1, t.cfg.intervals.meterSampleS) * 1000;

/** The latest instant on the interval's clock grid (readings stamped there are clock-aligned). */
export function alignedNow(t: TxScope, now = Date.now()): number {
  const ms = intervalMs(t);
  return Math.floor(now / ms) * ms;
}

/** Wait until the next point of the interval's grid; returns its time. */
export async function untilNextAligned(t: TxScope): Promise<number> {
  const next = alignedNow(t) + intervalMs(t);
  await t.sleep(Math.max(0, next - Date.now()));
  return next;
}

/**
 * One clock-aligned round outside a transaction: MeterValuesRequest (Sample.Clock) for evseId 0 and each
 * of `evseIds`, then one NotifyEventRequest (trigger Periodic, component FiscalMetering); the CSMS answers.
 */
export async function clockAlignedRound(t: TxScope, at: number, evseIds: number[], table: string, answerStep: number): Promise<void> {
  const timestamp = new Date(at).toISOString();
  for (const evseId of [0, ...evseIds]) {
    await t.link.call('MeterValues', { evseId, meterValue: [meterValue('Sample.Clock', { wh: 1000 + evseId, timestamp })] }, {
      requirement: `Part 6 ${table} step ${answerStep}; ${METER_VALUES_ANSWERED}`,
    });
  }
  await t.link.call('NotifyEvent', {
    generatedAt: new Date().toISOString(), seqNo: 0,
    eventData: [0, ...evseIds].map((evseId) => ({
      eventId: eventIds++, timestamp, trigger: 'Periodic', actualValue: String(1000 + evseId), eventNotificationType: 'HardWiredNotification',
      component: { name: 'FiscalMetering', ...(evseId > 0 ? { evse: { id: evseId } } : {}) }, variable: { name: 'EnergyImportRegister' },
    })),
  }, { requirement: `Part 6 ${table} step ${answerStep}: the CSMS responds to NotifyEventRequest (OCPP 2.0.1 N07)` });
}

/** The EVSEs without a transaction (all configured ones but `busy`). */
export const idleEvses = (t: TxScope, busy?: number) => evseIdsOf(t.cfg).filter((e) => e !== busy);

/**
 * The readings an Ended TransactionEvent carries (TC_J_03/04/10/11): `count` readings of `context`
 * at the interval's grid before now, and the last one a Transaction.End reading; signed when asked.
 */
export function endedMeterValues(t: TxScope, tx: StationTransaction, context: SampledContext, opts: { count?: number; signed?: boolean } = {}) {
  const ms = intervalMs(t);
  const last = alignedNow(t);
  const count = opts.count ?? 3;
  const readings = Array.from({ length: count }, (_v, i) => {
    tx.meterWh += 100;
    return meterValue(context, { wh: tx.meterWh, timestamp: new Date(last - (count - 1 - i) * ms).toISOString(), signed: opts.signed });
  });
  tx.meterWh += 10;
  return [...readings, meterValue('Transaction.End', { wh: tx.meterWh, signed: opts.signed })];
}
