// Meter values of the reference charging station (J01 clock-aligned, J02 sampled): the sampled values of
// one EVSE for a list of measurands, and the clock that ticks on every multiple of
// AlignedDataCtrlr.Interval counted from midnight (UTC).

import type { StationCore } from './core.js';
import { VOLTAGE_V, type Evse } from './evses.js';
import type { Payload } from './types.js';

const UNITS: Record<string, string> = {
  'Energy.Active.Import.Register': 'Wh',
  'Power.Active.Import': 'W',
  'Current.Import': 'A',
  Voltage: 'V',
};

export type ReadingContext = 'Sample.Periodic' | 'Sample.Clock' | 'Transaction.Begin' | 'Transaction.End' | 'Trigger';

/** One MeterValueType of an EVSE for the given measurands (Energy.Active.Import.Register when empty). */
export function meterValue(evse: Evse, measurands: readonly string[], context: ReadingContext, timestamp = new Date()): Payload {
  const list = measurands.length > 0 ? measurands : ['Energy.Active.Import.Register'];
  const read = (m: string): number => {
    switch (m) {
      case 'Power.Active.Import':
        return evse.powerW;
      case 'Current.Import':
        return Math.round((evse.powerW / VOLTAGE_V / 3) * 10) / 10;
      case 'Voltage':
        return VOLTAGE_V;
      default:
        return evse.meterWh;
    }
  };
  return {
    timestamp: timestamp.toISOString(),
    sampledValue: list.map((m) => ({ value: read(m), context, measurand: m, location: 'Outlet', unitOfMeasure: { unit: UNITS[m] ?? 'Wh' } })),
  };
}

/** Ticks on every multiple of AlignedDataCtrlr.Interval since midnight; re-armed when the interval changes. */
export class AlignedClock {
  private timer?: NodeJS.Timeout;
  /** The boundary of the last tick: a timer that fires a hair early re-arms for 1 ms and would tick it twice. */
  private lastAt = 0;

  constructor(private readonly core: StationCore, private readonly onTick: (at: Date) => void) {
    core.dm.onChange((def) => {
      if (def.name === 'AlignedDataCtrlr' && (def.variable === 'Interval' || def.variable === 'TxEndedInterval')) this.arm();
    });
  }

  /** The shortest of the aligned intervals in use (s), 0 when none. */
  private intervalS(): number {
    const all = [this.core.dm.int('AlignedDataCtrlr', 'Interval'), this.core.dm.int('AlignedDataCtrlr', 'TxEndedInterval')].filter((n) => n > 0);
    return all.length > 0 ? Math.min(...all) : 0;
  }

  arm(): void {
    this.core.timers.cancel(this.timer);
    this.timer = undefined;
    const s = this.intervalS();
    if (s <= 0 || this.core.stopped || this.core.quirks.has('no-meter-values')) return;
    const ms = s * 1000;
    const unaligned = this.core.quirks.has('aligned-meter-values-unaligned');
    const wait = unaligned ? ms + 1500 : ms - (Date.now() % ms);
    this.timer = this.core.timers.after(wait, () => {
      const at = unaligned ? new Date() : new Date(Math.round(Date.now() / ms) * ms);
      this.arm();
      if (at.getTime() <= this.lastAt) return; // that boundary was read already
      this.lastAt = at.getTime();
      this.onTick(at);
    });
  }

  stop(): void {
    this.core.timers.cancel(this.timer);
    this.timer = undefined;
  }
}

/** Is `at` on a multiple of `seconds` since midnight? (which aligned series a tick feeds) */
export function onMultiple(at: Date, seconds: number): boolean {
  return seconds > 0 && Math.round(at.getTime() / 1000) % seconds === 0;
}
