// A <-> W conversion (§7.12): W is the total over all phases, A is per phase, so
// W = A x voltage x phases. The voltage is the nominal one of the area, not a measured value.
import type { ChargingRateUnit } from './types.js';

export interface ElectricalParameters {
  voltage: number;
  /** Used when a period has no numberPhases. */
  phases: number;
}

export const DEFAULT_ELECTRICAL: ElectricalParameters = { voltage: 230, phases: 3 };

/**
 * Converted limits are rounded DOWN to one decimal (the wire allows one, §7.14), so a converted
 * limit never allows more than the original.
 */
export function convertRate(
  value: number,
  from: ChargingRateUnit,
  to: ChargingRateUnit,
  numberPhases: number | undefined,
  electrical: ElectricalParameters,
): number {
  if (from === to) return value;
  const phases = numberPhases ?? electrical.phases;
  const converted = from === 'A' ? value * electrical.voltage * phases : value / (electrical.voltage * phases);
  return floorToTenth(converted);
}

function floorToTenth(value: number): number {
  // The epsilon keeps exact results (16 A -> 11040 W) from losing a tenth to binary rounding.
  return Math.floor(value * 10 + 1e-6) / 10;
}
