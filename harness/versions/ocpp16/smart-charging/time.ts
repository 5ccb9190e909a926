// Instants as whole epoch seconds: startPeriod and duration are whole seconds on the wire, so a
// finer clock would only produce periods that cannot be written back.

/** ISO 8601 date-time (§3.15), offset optional. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * undefined for anything that is not an ISO 8601 date-time. A date-time without an offset is read as
 * UTC (§3.14 recommends UTC), never as the local time of the machine: results must not depend on it.
 */
export function toEpochSeconds(value: Date | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  let ms = Number.NaN;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'string' && ISO_DATE_TIME.test(value)) ms = Date.parse(HAS_OFFSET.test(value) ? value : `${value}Z`);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

export function isoFromEpochSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export const SECONDS_PER_DAY = 86_400;
export const SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;
