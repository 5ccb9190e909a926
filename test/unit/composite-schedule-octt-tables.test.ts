// The OCTT 1.6 test case document's own smart-charging examples, in both units: the profiles of Table
// 82 (TC_066_CS) and Table 84 (TC_072_CS) built the way the cases build them must give exactly the
// document's expected periods (W: the limits x1000, as the tables' notes say), for several x (the time
// between the schedules' start and the request). Also the reference charge point's own composite.
import { expect } from 'chai';
import { computeCompositeSchedule } from '../../harness/versions/ocpp16/smart-charging/composite-schedule.js';
import type { ChargingRateUnit, InstalledChargingProfile } from '../../harness/versions/ocpp16/smart-charging/types.js';
import { compositeSchedule, type InstalledProfile } from '../../harness/versions/ocpp16/reference/charge-point/composite-schedule.js';
import { predictComposite, tableProfile } from '../../suites/ocpp16/smart-charging/smart-charging-steps.js';

const T0 = Date.parse('2024-03-04T12:00:00Z') / 1000;
const TX = { transactionId: 66, startedAt: new Date((T0 - 30) * 1000).toISOString() };

function table82(unit: ChargingRateUnit): InstalledChargingProfile[] {
  const common = { stackLevel: 0, startS: T0, unit, numberPhases: 3 };
  return [
    tableProfile({ ...common, connectorId: 0, chargingProfileId: 1, purpose: 'ChargePointMaxProfile', duration: 86400, periods: [[0, 10]] }),
    tableProfile({ ...common, connectorId: 1, chargingProfileId: 2, purpose: 'TxDefaultProfile', duration: 300, validToS: T0 + 401, periods: [[0, 6], [60, 10], [120, 8], [180, 15], [260, 8]] }),
    tableProfile({ ...common, connectorId: 1, chargingProfileId: 3, purpose: 'TxProfile', transactionId: 66, duration: 260, validToS: T0 + 401, periods: [[0, 8], [50, 11], [140, 16], [200, 6], [240, 12]] }),
  ];
}

function table84(unit: ChargingRateUnit): InstalledChargingProfile[] {
  const common = { connectorId: 1, purpose: 'TxDefaultProfile' as const, startS: T0, unit, numberPhases: 3, validToS: T0 + 401 };
  return [
    tableProfile({ ...common, chargingProfileId: 1, stackLevel: 0, duration: 400, periods: [[0, 6], [100, 8], [200, 10]] }),
    tableProfile({ ...common, chargingProfileId: 2, stackLevel: 1, duration: 150, periods: [[0, 7], [100, 9]] }),
  ];
}

const scale = (unit: ChargingRateUnit, periods: [number, number][]) =>
  periods.map(([startPeriod, limit]) => ({ startPeriod, limit: unit === 'W' ? limit * 1000 : limit, numberPhases: 3 }));

const rows = [
  { table: 'Table 82 (TC_066_CS)', profiles: table82, duration: 400, transaction: TX, expected: (x: number): [number, number][] => [[0, 8], [50 - x, 10], [200 - x, 6], [240 - x, 10]] },
  { table: 'Table 84 (TC_072_CS)', profiles: table84, duration: 350, transaction: undefined, expected: (x: number): [number, number][] => [[0, 7], [100 - x, 9], [150 - x, 8], [200 - x, 10]] },
];

describe('smart-charging: the OCTT document\'s expected composite schedules', () => {
  for (const row of rows) {
    for (const unit of ['A', 'W'] as const) {
      for (const x of [0, 2, 5]) {
        it(`${row.table} in ${unit}, x = ${x} s: exactly the document's periods`, () => {
          const conf = computeCompositeSchedule(row.profiles(unit), {
            connectorId: 1, duration: row.duration, chargingRateUnit: unit, start: new Date((T0 + x) * 1000), transaction: row.transaction,
          });
          expect(conf.chargingSchedule?.chargingSchedulePeriod).to.deep.equal(scale(unit, row.expected(x)));
        });

        it(`${row.table} in ${unit}, x = ${x} s: the reference charge point's composite agrees`, () => {
          const ip = (i: InstalledChargingProfile): InstalledProfile => ({ connectorId: i.connectorId, profile: i.profile as InstalledProfile['profile'], installedAt: T0 * 1000 });
          const all = row.profiles(unit).map(ip);
          const from = (T0 + x) * 1000;
          const periods = compositeSchedule({
            max: all.filter((p) => p.profile.chargingProfilePurpose === 'ChargePointMaxProfile'),
            tx: all.filter((p) => p.profile.chargingProfilePurpose === 'TxProfile'),
            txDefault: all.filter((p) => p.profile.chargingProfilePurpose === 'TxDefaultProfile'),
            relativeTo: Date.parse(TX.startedAt), fallback: { A: 16, W: 11040 },
          }, from, row.duration, unit);
          expect(periods).to.deep.equal(scale(unit, row.expected(x)));
        });
      }
    }
  }

  it('Table 82: after the TxProfile\'s 260 s the TxDefaultProfile does not come back (§3.13.1)', () => {
    const conf = computeCompositeSchedule(table82('A'), { connectorId: 1, duration: 400, start: new Date(T0 * 1000), transaction: TX });
    const at = (t: number) => conf.chargingSchedule!.chargingSchedulePeriod.filter((p) => p.startPeriod <= t).pop()!.limit;
    expect(at(270)).to.equal(10); // the TxDefaultProfile says 8 A there
  });

  it('the case prediction matches the document for every candidate Time X, in W too', () => {
    const sentAtMs = (T0 + 3) * 1000;
    const prediction = predictComposite(table82('W'), { connectorId: 1, duration: 400, unit: 'W', transaction: { connectorId: 1, transactionId: 66, startedAt: TX.startedAt, requestedSeq: 0 } },
      sentAtMs, [1], { maxTimeDeviationS: 2, toleranceMs: 500 });
    for (const c of prediction.candidates) {
      const x = Date.parse(c.x) / 1000 - T0;
      expect(c.periods, c.x).to.deep.equal(scale('W', [[0, 8], [50 - x, 10], [200 - x, 6], [240 - x, 10]]).map(({ startPeriod, limit }) => ({ startPeriod, limit })));
    }
    expect(prediction.matcher['chargingSchedule.chargingRateUnit']).to.equal('W');
    expect(prediction.matcher['chargingSchedule.duration']).to.equal(400);
  });
});
