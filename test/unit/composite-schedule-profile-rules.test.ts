// validateProfileSemantics: the rules on a ChargingProfile that the JSON schema cannot express.
// Each row changes a valid profile in one way and lists exactly the rules it must break.
import { expect } from 'chai';
import type { ChargingProfile } from '../../harness/versions/ocpp16/smart-charging/types.js';
import { validateProfileSemantics, type ProfileContext } from '../../harness/versions/ocpp16/smart-charging/validate-profile.js';

function valid(): ChargingProfile {
  return {
    chargingProfileId: 7,
    transactionId: 42,
    stackLevel: 1,
    chargingProfilePurpose: 'TxProfile',
    chargingProfileKind: 'Absolute',
    validFrom: '2024-03-04T00:00:00Z',
    validTo: '2024-03-05T00:00:00Z',
    chargingSchedule: {
      duration: 7200,
      startSchedule: '2024-03-04T08:00:00Z',
      chargingRateUnit: 'A',
      chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }, { startPeriod: 3600, limit: 10 }],
    },
  };
}

function withSchedule(change: Partial<ChargingProfile['chargingSchedule']>, base: Partial<ChargingProfile> = {}): ChargingProfile {
  const p = { ...valid(), ...base };
  return { ...p, chargingSchedule: { ...p.chargingSchedule, ...change } };
}

const recurring: Partial<ChargingProfile> = { chargingProfilePurpose: 'TxDefaultProfile', transactionId: undefined, chargingProfileKind: 'Recurring', recurrencyKind: 'Daily' };

const rows: { name: string; profile: ChargingProfile; context?: ProfileContext; rules: string[]; ref?: RegExp }[] = [
  { name: 'a valid TxProfile', profile: valid(), context: { connectorId: 1 }, rules: [] },
  { name: 'a valid daily Recurring TxDefaultProfile (§3.13.7)', profile: withSchedule({ duration: 86400 }, recurring), context: { connectorId: 0 }, rules: [] },
  { name: 'first startPeriod is not 0', profile: withSchedule({ chargingSchedulePeriod: [{ startPeriod: 60, limit: 16 }] }), rules: ['period.firstNotZero'], ref: /errata 3\.45/ },
  { name: 'startPeriods not increasing', profile: withSchedule({ chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }, { startPeriod: 600, limit: 8 }, { startPeriod: 600, limit: 6 }] }), rules: ['period.notIncreasing'], ref: /§7\.14/ },
  { name: 'periods out of order', profile: withSchedule({ chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }, { startPeriod: 900, limit: 8 }, { startPeriod: 300, limit: 6 }] }), rules: ['period.notIncreasing'] },
  { name: 'no period at all', profile: withSchedule({ chargingSchedulePeriod: [] }), rules: ['schedule.noPeriods'], ref: /§7\.13/ },
  { name: 'a period at or after the duration', profile: withSchedule({ duration: 3600 }), rules: ['period.afterDuration'] },
  { name: 'a duration of 0', profile: withSchedule({ duration: 0 }), rules: ['schedule.durationNotPositive'] },
  { name: 'a TxProfile without transactionId through SetChargingProfile', profile: { ...valid(), transactionId: undefined }, rules: ['txProfile.noTransactionId'], ref: /§5\.16\.3/ },
  { name: 'a TxProfile without transactionId through RemoteStartTransaction is right', profile: { ...valid(), transactionId: undefined }, context: { via: 'RemoteStartTransaction' }, rules: [] },
  { name: 'RemoteStartTransaction with a transactionId', profile: valid(), context: { via: 'RemoteStartTransaction' }, rules: ['remoteStart.transactionId'], ref: /errata 3\.41/ },
  { name: 'RemoteStartTransaction with a TxDefaultProfile', profile: { ...valid(), transactionId: undefined, chargingProfilePurpose: 'TxDefaultProfile' }, context: { via: 'RemoteStartTransaction' }, rules: ['remoteStart.notTxProfile'], ref: /§5\.16\.2/ },
  { name: 'transactionId on a TxDefaultProfile', profile: { ...valid(), chargingProfilePurpose: 'TxDefaultProfile' }, rules: ['transactionId.notTxProfile'], ref: /§7\.8/ },
  { name: 'a Relative profile with startSchedule', profile: { ...valid(), chargingProfileKind: 'Relative' }, rules: ['relative.startSchedule'], ref: /§7\.9/ },
  { name: 'a Relative profile without startSchedule is right', profile: withSchedule({ startSchedule: undefined }, { chargingProfileKind: 'Relative' }), rules: [] },
  { name: 'an Absolute profile without startSchedule', profile: withSchedule({ startSchedule: undefined }), rules: ['absolute.noStartSchedule'] },
  { name: 'Recurring without recurrencyKind nor startSchedule', profile: withSchedule({ startSchedule: undefined }, { ...recurring, recurrencyKind: undefined }), rules: ['recurring.noRecurrencyKind', 'recurring.noStartSchedule'], ref: /§7\.37/ },
  { name: 'recurrencyKind on an Absolute profile', profile: { ...valid(), recurrencyKind: 'Weekly' }, rules: ['recurrencyKind.notRecurring'], ref: /errata 3\.56/ },
  { name: 'a daily profile longer than a day, with a period beyond it', profile: withSchedule({ duration: 90000, chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }, { startPeriod: 86400, limit: 8 }] }, recurring), rules: ['recurring.longerThanRecurrence', 'recurring.periodBeyondRecurrence'], ref: /errata 3\.44/ },
  { name: 'a weekly profile of a week is right', profile: withSchedule({ duration: 604800 }, { ...recurring, recurrencyKind: 'Weekly' }), rules: [] },
  { name: 'validTo before validFrom', profile: { ...valid(), validFrom: '2024-03-05T00:00:00Z', validTo: '2024-03-04T00:00:00Z' }, rules: ['validity.empty'] },
  { name: 'validTo equal to validFrom', profile: { ...valid(), validTo: '2024-03-04T00:00:00Z' }, rules: ['validity.empty'] },
  { name: 'an unparsable validFrom and startSchedule', profile: withSchedule({ startSchedule: 'tomorrow' }, { validFrom: '04/03/2024 noon' }), rules: ['time.unparsable', 'time.unparsable'], ref: /§3\.15/ },
  { name: 'a ChargePointMaxProfile on connector 1', profile: { ...valid(), transactionId: undefined, chargingProfilePurpose: 'ChargePointMaxProfile' }, context: { connectorId: 1 }, rules: ['connector.chargePointMaxNotZero'], ref: /§3\.13\.1/ },
  { name: 'a ChargePointMaxProfile on connector 0 is right', profile: { ...valid(), transactionId: undefined, chargingProfilePurpose: 'ChargePointMaxProfile' }, context: { connectorId: 0 }, rules: [] },
  { name: 'a TxProfile on connector 0', profile: valid(), context: { connectorId: 0 }, rules: ['connector.txProfileOnZero'], ref: /§3\.13\.1/ },
];

describe('smart-charging: validateProfileSemantics', () => {
  for (const row of rows) {
    it(`${row.name}: ${row.rules.length ? row.rules.join(', ') : 'no problem'}`, () => {
      const problems = validateProfileSemantics(row.profile, row.context);
      expect(problems.map((p) => p.rule).sort()).to.deep.equal([...row.rules].sort());
      for (const p of problems) {
        expect(p.ref, `${p.rule} cites its source`).to.match(/§\d|errata \d/);
        expect(p.message).to.be.a('string').and.not.equal('');
        expect(p.path).to.be.a('string').and.not.equal('');
      }
      if (row.ref) expect(problems.map((p) => p.ref).join(' | ')).to.match(row.ref);
    });
  }

  it('grades spec violations as errors and never-executed parts as warnings', () => {
    const levels = (profile: ChargingProfile): string[] => validateProfileSemantics(profile).map((p) => `${p.rule}:${p.level}`);
    expect(levels(withSchedule({ chargingSchedulePeriod: [{ startPeriod: 5, limit: 1 }] }))).to.deep.equal(['period.firstNotZero:error']);
    expect(levels(withSchedule({ duration: 3600 }))).to.deep.equal(['period.afterDuration:warning']);
  });

  it('does not throw on a profile that skipped schema validation', () => {
    const garbage = { chargingProfileId: 1, chargingSchedule: {} } as unknown as ChargingProfile;
    expect(validateProfileSemantics(garbage).map((p) => p.rule)).to.include('schedule.noPeriods');
  });
});
