// The composite schedule, table-driven: every fixtures/charging-profiles/*.json is one row (the
// specification's examples and the edge cases), plus rows that need code rather than data.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { compositeIntervals, computeCompositeSchedule } from '../../harness/versions/ocpp16/smart-charging/composite-schedule.js';
import type {
  ChargingRateUnit, CompositeScheduleOptions, CompositeScheduleQuery, GetCompositeScheduleConf, InstalledChargingProfile,
} from '../../harness/versions/ocpp16/smart-charging/types.js';
import { validateProfileSemantics } from '../../harness/versions/ocpp16/smart-charging/validate-profile.js';
import { SchemaRegistry } from '../../harness/schema/registry.js';

interface Fixture {
  title: string;
  refs: string[];
  installed: InstalledChargingProfile[];
  query: CompositeScheduleQuery;
  options?: CompositeScheduleOptions;
  expected: GetCompositeScheduleConf;
}

const FIXTURE_DIR = 'fixtures/charging-profiles';
const fixtures = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, fixture: JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as Fixture }));

const registry = new SchemaRegistry('1.6');

/** The limit a conf reports at `offset` seconds after scheduleStart. */
function limitInConf(conf: GetCompositeScheduleConf, offset: number): number | undefined {
  let limit: number | undefined;
  for (const p of conf.chargingSchedule?.chargingSchedulePeriod ?? []) if (p.startPeriod <= offset) limit = p.limit;
  return limit;
}

/** Relative profiles without a transaction start at the query time, so a shifted query moves them. */
function anchoredOnQuery(f: Fixture): boolean {
  return !f.query.transaction && f.installed.some((i) => i.profile.chargingProfileKind === 'Relative' || !i.profile.chargingSchedule.startSchedule);
}

describe('smart-charging: composite schedule, fixture table', () => {
  it('has the rows it promises (spec examples and edge cases)', () => {
    expect(fixtures.length).to.be.at.least(30);
    expect(fixtures.map((f) => f.file)).to.include.members([
      'Spec_3.13.1_TxProfile_Overrules_TxDefault.json',
      'Spec_3.13.2_WeeklyTxDefault_HolidayStacked.json',
      'Spec_3.13.3_ChargePointMax_TxDefault.json',
      'Spec_3.13.7_DailyTxDefault_W.json',
      // The OCTT document's own profiles and expected periods (Table 82 TC_066_CS, Table 84 TC_072_CS).
      'OCTT_Table82_TC_066_CS_x0.json',
      'OCTT_Table82_TC_066_CS_x3.json',
      'OCTT_Table84_TC_072_CS_x0.json',
      'OCTT_Table84_TC_072_CS_x3.json',
    ]);
  });

  for (const { file, fixture } of fixtures) {
    describe(`${file.replace(/\.json$/, '')}: ${fixture.title}`, () => {
      const conf = computeCompositeSchedule(fixture.installed, fixture.query, fixture.options);

      it('gives the expected GetCompositeSchedule.conf', () => {
        expect(conf).to.deep.equal(fixture.expected);
      });

      it('answers a conf the OCA schema accepts, from profiles it accepts and no spec rule forbids', () => {
        const outcome = registry.validate('GetCompositeSchedule', 'conf', conf);
        expect(outcome.errors, 'conf schema').to.deep.equal([]);
        for (const { connectorId, profile } of fixture.installed) {
          const req = registry.validate('SetChargingProfile', 'req', { connectorId, csChargingProfiles: profile });
          expect(req.errors, `profile ${profile.chargingProfileId} schema`).to.deep.equal([]);
          const errors = validateProfileSemantics(profile, { connectorId }).filter((p) => p.level === 'error');
          expect(errors, `profile ${profile.chargingProfileId} semantics`).to.deep.equal([]);
        }
      });

      // A row whose profiles start at the query time cannot be re-queried at a later instant.
      if (anchoredOnQuery(fixture)) return;
      it('agrees, instant by instant, with the composite evaluated at that instant alone', () => {
        const unit = conf.chargingSchedule?.chargingRateUnit as ChargingRateUnit;
        const start = Date.parse(fixture.query.start as string) / 1000;
        const boundaries = (conf.chargingSchedule?.chargingSchedulePeriod ?? []).map((p) => p.startPeriod);
        const samples = new Set<number>();
        for (let t = 0; t < fixture.query.duration; t += 900) samples.add(t);
        for (const b of boundaries) for (const t of [b - 1, b, b + 1]) if (t >= 0 && t < fixture.query.duration) samples.add(t);
        for (const offset of samples) {
          const alone = computeCompositeSchedule(fixture.installed, {
            ...fixture.query,
            chargingRateUnit: unit,
            start: new Date((start + offset) * 1000),
            duration: 1,
          }, fixture.options);
          expect(limitInConf(conf, offset), `limit at +${offset} s`).to.equal(limitInConf(alone, 0));
        }
      });
    });
  }
});

describe('smart-charging: composite schedule, rows in code', () => {
  const S = '2024-03-04T12:00:00Z';
  const txDefault = (limit: number): InstalledChargingProfile => ({
    connectorId: 0,
    profile: {
      chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: 'TxDefaultProfile', chargingProfileKind: 'Absolute',
      chargingSchedule: { startSchedule: S, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit }] },
    },
  });
  const query: CompositeScheduleQuery = { connectorId: 1, start: S, duration: 600 };

  const rejected: { name: string; query: CompositeScheduleQuery; options?: CompositeScheduleOptions }[] = [
    { name: 'an unknown connector (§5.7)', query: { ...query, connectorId: 3 }, options: { connectorIds: [1, 2] } },
    { name: 'a negative duration', query: { ...query, duration: -1 } },
    { name: 'a fractional duration', query: { ...query, duration: 1.5 } },
    { name: 'a start that is not a time', query: { ...query, start: 'yesterday-ish' } },
    { name: 'a unit that is neither A nor W', query: { ...query, chargingRateUnit: 'kW' as ChargingRateUnit } },
    { name: 'a transaction start that is not a time', query: { ...query, transaction: { transactionId: 1, startedAt: 'soon' } } },
  ];
  for (const row of rejected) {
    it(`is Rejected for ${row.name}, with nothing else in the conf`, () => {
      expect(computeCompositeSchedule([txDefault(10)], row.query, row.options)).to.deep.equal({ status: 'Rejected' });
      const intervals = compositeIntervals([txDefault(10)], row.query, row.options);
      expect(intervals.ok).to.equal(false);
    });
  }

  it('connector 0 is always known, even with a connector list', () => {
    expect(computeCompositeSchedule([], { ...query, connectorId: 0 }, { connectorIds: [1] }).status).to.equal('Accepted');
  });

  it('omits chargingSchedule.startSchedule (errata 3.57) unless asked to include it', () => {
    expect(computeCompositeSchedule([txDefault(10)], query).chargingSchedule).to.not.have.property('startSchedule');
    const conf = computeCompositeSchedule([txDefault(10)], query, { includeStartSchedule: true });
    expect(conf.chargingSchedule?.startSchedule).to.equal(S);
    expect(conf.scheduleStart).to.equal(S);
  });

  it('keeps no-limit stretches visible in compositeIntervals (limit undefined, no profile named)', () => {
    const [midnight] = fixtures.filter((f) => f.file === 'Recurring_Daily_AcrossMidnight.json');
    if (!midnight) throw new Error('fixture missing');
    const result = compositeIntervals(midnight.fixture.installed, midnight.fixture.query);
    if (!result.ok) throw new Error(result.reason);
    expect(result.intervals.map((i) => [i.startPeriod, i.endPeriod, i.limit])).to.deep.equal([
      [0, 7200, undefined], [7200, 21600, 24], [21600, 36000, 16], [36000, 43200, undefined],
    ]);
    expect(result.intervals[0]?.limitedBy).to.deep.equal([]);
    expect(result.intervals[1]?.limitedBy.map((r) => r.chargingProfileId)).to.deep.equal([60]);
  });

  it('names the profiles that set each limit, both when they tie', () => {
    const [spec] = fixtures.filter((f) => f.file === 'Merge_EqualAdjacentPeriods.json');
    if (!spec) throw new Error('fixture missing');
    const result = compositeIntervals(spec.fixture.installed, spec.fixture.query);
    if (!result.ok) throw new Error(result.reason);
    expect(result.intervals[0]?.limitedBy.map((r) => `${r.chargingProfilePurpose}#${r.chargingProfileId}`))
      .to.have.members(['ChargePointMaxProfile#120', 'TxDefaultProfile#121']);
  });

  it('a duration of 0 still reports the limit in force at X, as one period', () => {
    expect(computeCompositeSchedule([txDefault(10)], { ...query, duration: 0 }).chargingSchedule).to.deep.equal({
      duration: 0, chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 10 }],
    });
  });

  it('truncates a start with fractional seconds to the whole second', () => {
    expect(computeCompositeSchedule([txDefault(10)], { ...query, start: '2024-03-04T12:00:00.750Z' }).scheduleStart).to.equal(S);
  });

  it('uses the voltage and phases it is given for A <-> W (110 V, 1 phase: 10 A = 1100 W)', () => {
    const conf = computeCompositeSchedule([txDefault(10)], { ...query, chargingRateUnit: 'W' }, { voltage: 110, phases: 1 });
    expect(conf.chargingSchedule?.chargingSchedulePeriod).to.deep.equal([{ startPeriod: 0, limit: 1100 }]);
  });

  it('ignores profiles whose times cannot be parsed, or that have no period, without throwing', () => {
    const broken: InstalledChargingProfile[] = [
      { ...txDefault(5), profile: { ...txDefault(5).profile, validFrom: 'not a date' } },
      { ...txDefault(6), profile: { ...txDefault(6).profile, chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [] } } },
    ];
    const conf = computeCompositeSchedule([...broken, txDefault(10)], query);
    expect(conf.chargingSchedule?.chargingSchedulePeriod).to.deep.equal([{ startPeriod: 0, limit: 10 }]);
  });

  it('does not change its input', () => {
    const installed = fixtures.flatMap((f) => f.fixture.installed);
    const before = JSON.stringify(installed);
    computeCompositeSchedule(installed, { connectorId: 1, start: S, duration: 86400 });
    expect(JSON.stringify(installed)).to.equal(before);
  });

  it('on a tie of purpose and stack level, the profile listed later (installed last) wins', () => {
    const later = { ...txDefault(7), profile: { ...txDefault(7).profile, chargingProfileId: 2 } };
    expect(computeCompositeSchedule([txDefault(10), later], query).chargingSchedule?.chargingSchedulePeriod).to.deep.equal([{ startPeriod: 0, limit: 7 }]);
  });
});
