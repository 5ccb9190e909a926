// Meter values (OCPP 1.6 §3.16, §4.7, errata 3.14–3.16):
// - sampled: every MeterValueSampleInterval seconds from the start of a transaction, the measurands
//   of MeterValuesSampledData, context Sample.Periodic;
// - clock-aligned: on every ClockAlignedDataInterval boundary counted from midnight UTC, for every
//   connector (with the transactionId when one runs), the measurands of MeterValuesAlignedData,
//   context Sample.Clock, timestamp the boundary;
// - transactionData of StopTransaction: Transaction.Begin and Transaction.End values plus the
//   periodic (StopTxnSampledData) and clock-aligned (StopTxnAlignedData) samples; nothing when both
//   keys are empty (§3.16.5); at most StopTransactionMaxMeterValues, dropping intermediate ones.
// Transaction-related MeterValues are queued while offline; samples taken offline for the same
// transaction go out together, in one MeterValues.req with one meterValue per sample.
// Values are strings with units; Energy.Active.Import.Register is the connector's register (Wh).

import type { Connectors } from './connectors.js';
import type { CpCore } from './core.js';
import { PHASES, VOLTAGE_V, nowIso, type Connector, type MeterValue, type Payload, type Tx } from './types.js';

const DEFAULT_MEASURAND = 'Energy.Active.Import.Register';

export class Metering {
  private readonly sampleTimers = new Map<number, NodeJS.Timeout>();
  private alignedTimer?: NodeJS.Timeout;

  constructor(private readonly core: CpCore, private readonly connectors: Connectors) {
    core.config.onChange((key) => {
      if (key === 'MeterValueSampleInterval') for (const c of connectors.all()) if (c.tx) this.startSampling(c);
      if (key === 'ClockAlignedDataInterval') this.startAligned();
    });
  }

  /** Start the clock-aligned timer (after start, or when the interval changed). */
  startAligned(): void {
    this.core.timers.cancel(this.alignedTimer);
    this.alignedTimer = undefined;
    const intervalMs = this.core.config.int('ClockAlignedDataInterval') * 1000;
    if (intervalMs <= 0 || this.core.stopped) return;
    const now = Date.now();
    const midnight = now - (now % 86_400_000);
    let next = midnight + (Math.floor((now - midnight) / intervalMs) + 1) * intervalMs;
    if (next > midnight + 86_400_000) next = midnight + 86_400_000;
    const offBy = this.core.quirks.has('clock-aligned-off-boundary') ? 750 : 0;
    this.alignedTimer = this.core.timers.after(next - now + offBy, () => {
      this.alignedTick(new Date(next + offBy).toISOString());
      this.startAligned();
    });
  }

  stopAll(): void {
    this.core.timers.cancel(this.alignedTimer);
    this.alignedTimer = undefined;
    for (const t of this.sampleTimers.values()) this.core.timers.cancel(t);
    this.sampleTimers.clear();
  }

  /** A transaction started: its Transaction.Begin value and periodic sampling. */
  transactionStarted(c: Connector, tx: Tx): void {
    const stopMeasurands = this.stopTxnMeasurands();
    if (stopMeasurands.length) tx.transactionData.push(this.sample(c, 'Transaction.Begin', stopMeasurands, tx.startedAt));
    this.startSampling(c);
  }

  /** A transaction stops: sampling ends; returns its transactionData (with Transaction.End). */
  transactionStopped(c: Connector, tx: Tx, timestamp: string, meterWh?: number): MeterValue[] | undefined {
    this.core.timers.cancel(this.sampleTimers.get(c.id));
    this.sampleTimers.delete(c.id);
    const stopMeasurands = this.stopTxnMeasurands();
    if (stopMeasurands.length === 0) return undefined;
    this.keepRoom(tx);
    tx.transactionData.push(this.sample(c, 'Transaction.End', stopMeasurands, timestamp, meterWh));
    return tx.transactionData;
  }

  /** TriggerMessage(MeterValues): the latest values of MeterValuesSampledData (§5.17, errata 3.46). */
  triggered(c: Connector | undefined): Payload {
    const payload: Payload = { connectorId: c?.id ?? 0, meterValue: [this.sample(c, 'Trigger', this.measurands('MeterValuesSampledData'))] };
    if (c?.tx?.transactionId !== undefined) payload.transactionId = c.tx.transactionId;
    return payload;
  }

  sample(c: Connector | undefined, context: string, measurands: string[], timestamp = nowIso(), energyWh?: number): MeterValue {
    const powerW = c ? c.powerW : this.connectors.all().reduce((s, k) => s + k.powerW, 0);
    const energy = energyWh ?? (c ? this.connectors.meterWh(c) : this.connectors.mainMeterWh());
    const sampledValue = measurands.map((m) => {
      switch (m) {
        case 'Power.Active.Import':
          return { value: String(Math.round(powerW)), context, measurand: m, unit: 'W' };
        case 'Current.Import':
          return { value: String(Math.round((powerW / (VOLTAGE_V * PHASES)) * 10) / 10), context, measurand: m, unit: 'A' };
        case 'Voltage':
          return { value: String(VOLTAGE_V), context, measurand: m, unit: 'V' };
        default:
          return { value: String(energy), context, measurand: DEFAULT_MEASURAND, unit: 'Wh' };
      }
    });
    return { timestamp, sampledValue };
  }

  private measurands(key: string): string[] {
    const list = this.core.config.list(key);
    return list.length ? list : [DEFAULT_MEASURAND];
  }

  /** Union of StopTxnSampledData and StopTxnAlignedData (errata 3.14: start and stop values of each). */
  private stopTxnMeasurands(): string[] {
    return [...new Set([...this.core.config.list('StopTxnSampledData'), ...this.core.config.list('StopTxnAlignedData')])];
  }

  private startSampling(c: Connector): void {
    this.core.timers.cancel(this.sampleTimers.get(c.id));
    this.sampleTimers.delete(c.id);
    const s = this.core.config.int('MeterValueSampleInterval');
    if (s <= 0 || !c.tx) return;
    const late = this.core.quirks.has('meter-values-late') ? 750 : 0;
    const measurands = (): string[] =>
      this.core.quirks.has('meter-values-ignore-sampled-data') ? [DEFAULT_MEASURAND] : this.measurands('MeterValuesSampledData');
    let sent = 0;
    this.sampleTimers.set(c.id, this.core.timers.every(s * 1000 + late, () => {
      const tx = c.tx;
      if (!tx || tx.interrupted) return;
      // Quirk: one sampled MeterValues per transaction, then silence.
      if (this.core.quirks.has('meter-values-only-once') && sent++ >= 1) return;
      this.connectors.refresh(c);
      this.sendForTransaction(c, tx, this.sample(c, 'Sample.Periodic', measurands()));
      const stopSampled = this.core.config.list('StopTxnSampledData');
      if (stopSampled.length) this.record(tx, this.sample(c, 'Sample.Periodic', stopSampled));
    }));
  }

  private alignedTick(timestamp: string): void {
    const measurands = this.measurands('MeterValuesAlignedData');
    const stopAligned = this.core.config.list('StopTxnAlignedData');
    for (const c of this.connectors.all()) {
      const tx = c.tx;
      const mv = this.sample(c, 'Sample.Clock', measurands, timestamp);
      if (tx && !tx.interrupted) {
        this.sendForTransaction(c, tx, mv);
        if (stopAligned.length) this.record(tx, this.sample(c, 'Sample.Clock', stopAligned, timestamp));
      } else if (this.core.isOnline()) {
        void this.core.enqueue('MeterValues', () => ({ connectorId: c.id, meterValue: [mv] }));
      }
    }
  }

  /** A transaction-related MeterValues; while offline, merged into the one already queued for the transaction. */
  private sendForTransaction(c: Connector, tx: Tx, mv: MeterValue): void {
    const key = `mv:${c.id}:${tx.seq}`;
    if (!this.core.isOnline()) {
      const queued = this.core.outbox.lastWithKey(key);
      if (queued) {
        (queued.data as MeterValue[]).push(mv);
        return;
      }
    }
    const values: MeterValue[] = [mv];
    void this.core.enqueue(
      'MeterValues',
      // Behind its StartTransaction in the queue: the transactionId is known by now (-1: errata 3.18).
      () => ({ connectorId: c.id, transactionId: tx.transactionId ?? -1, meterValue: values }),
      { persistent: true, key, data: values },
    );
  }

  private record(tx: Tx, mv: MeterValue): void {
    this.keepRoom(tx);
    tx.transactionData.push(mv);
  }

  /** StopTransactionMaxMeterValues: drop the oldest intermediate value, never the Transaction.Begin one. */
  private keepRoom(tx: Tx): void {
    const max = Math.max(2, this.core.config.int('StopTransactionMaxMeterValues') || 100);
    while (tx.transactionData.length >= max) tx.transactionData.splice(1, 1);
  }
}
