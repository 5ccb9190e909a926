// A <-> W conversion (§7.12): W = A x voltage x phases, rounded down to one decimal; and how times are read.
import { expect } from 'chai';
import { toEpochSeconds } from '../../harness/versions/ocpp16/smart-charging/time.js';
import { convertRate, DEFAULT_ELECTRICAL } from '../../harness/versions/ocpp16/smart-charging/units.js';
import type { ChargingRateUnit } from '../../harness/versions/ocpp16/smart-charging/types.js';

const rows: [number, ChargingRateUnit, ChargingRateUnit, number | undefined, number][] = [
  [16, 'A', 'W', undefined, 11040], // 3 phases assumed (§7.12)
  [16, 'A', 'W', 1, 3680],
  [11040, 'W', 'A', undefined, 16],
  [11000, 'W', 'A', 3, 15.9], // 15.94 rounded down: never more than the original
  [6000, 'W', 'A', 3, 8.6], // 8.695 rounded down
  [7400, 'W', 'A', 1, 32.1], // 32.17
  [8.1, 'A', 'W', 2, 3726],
  [10, 'A', 'A', 1, 10],
  [0, 'W', 'A', 3, 0],
];

describe('smart-charging: convertRate', () => {
  for (const [value, from, to, phases, expected] of rows) {
    it(`${value} ${from} on ${phases ?? 'default (3)'} phase(s) = ${expected} ${to}`, () => {
      expect(convertRate(value, from, to, phases, DEFAULT_ELECTRICAL)).to.equal(expected);
    });
  }

  it('uses the given voltage', () => {
    expect(convertRate(10, 'A', 'W', 1, { voltage: 120, phases: 3 })).to.equal(1200);
  });
});

describe('smart-charging: reading times', () => {
  const rows: [string, number | undefined][] = [
    ['2024-03-04T12:00:00Z', 1709553600],
    ['2024-03-04T12:00:00.999Z', 1709553600], // fractions truncated: whole seconds on the wire
    ['2024-03-04T14:00:00+02:00', 1709553600],
    ['2024-03-04T14:00:00+0200', 1709553600],
    ['2024-03-04T12:00:00', 1709553600], // no offset: UTC, whatever the machine's time zone
    ['2024-03-04T12:00', 1709553600],
    ['04/03/2024 12:00', undefined], // not ISO 8601 (§3.15)
    ['2024-03-04', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of rows) {
    it(`${JSON.stringify(text)} -> ${expected}`, () => {
      expect(toEpochSeconds(text)).to.equal(expected);
    });
  }
});
