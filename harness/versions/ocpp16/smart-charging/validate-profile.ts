// Rules on a ChargingProfile that the JSON schema cannot express. Each problem cites its source.
import { SECONDS_PER_DAY, SECONDS_PER_WEEK, toEpochSeconds } from './time.js';
import type { ChargingProfile } from './types.js';

/** error: the specification forbids it; warning: allowed, but part of it can never take effect. */
export type ProblemLevel = 'error' | 'warning';

export interface ProfileProblem {
  /** Stable id, `<area>.<rule>`. */
  rule: string;
  level: ProblemLevel;
  /** Dotted path of the field at fault, from the profile. */
  path: string;
  message: string;
  /** Where the rule is written (section of OCPP 1.6 edition 2, or the errata sheet). */
  ref: string;
}

export interface ProfileContext {
  /** The connectorId it is (to be) installed on. Connector rules are checked only when given. */
  connectorId?: number;
  /** How it reaches the charge point. Default SetChargingProfile. */
  via?: 'SetChargingProfile' | 'RemoteStartTransaction';
}

export function validateProfileSemantics(profile: ChargingProfile, context: ProfileContext = {}): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const add = (rule: string, level: ProblemLevel, path: string, message: string, ref: string): void => {
    problems.push({ rule, level, path, message, ref });
  };
  checkTimes(profile, add);
  checkPeriods(profile, add);
  checkKind(profile, add);
  checkPurpose(profile, context, add);
  return problems;
}

type Add = (rule: string, level: ProblemLevel, path: string, message: string, ref: string) => void;

function checkTimes(profile: ChargingProfile, add: Add): void {
  const fields: [string, string | undefined][] = [
    ['validFrom', profile.validFrom],
    ['validTo', profile.validTo],
    ['chargingSchedule.startSchedule', profile.chargingSchedule?.startSchedule],
  ];
  for (const [path, value] of fields) {
    if (value !== undefined && toEpochSeconds(value) === undefined) add('time.unparsable', 'error', path, `${JSON.stringify(value)} is not an ISO 8601 date-time`, '§3.15');
  }
  const from = toEpochSeconds(profile.validFrom);
  const to = toEpochSeconds(profile.validTo);
  if (from !== undefined && to !== undefined && from >= to) {
    add('validity.empty', 'error', 'validTo', `validTo ${profile.validTo} is not after validFrom ${profile.validFrom}: the profile is never valid`, '§7.8');
  }
}

function checkPeriods(profile: ChargingProfile, add: Add): void {
  const schedule = profile.chargingSchedule;
  const periods = Array.isArray(schedule?.chargingSchedulePeriod) ? schedule.chargingSchedulePeriod : [];
  const path = 'chargingSchedule.chargingSchedulePeriod';
  if (periods.length === 0) {
    add('schedule.noPeriods', 'error', path, 'a charging schedule needs at least one period', '§7.13');
    return;
  }
  if (periods[0]?.startPeriod !== 0) {
    add('period.firstNotZero', 'error', `${path}.0.startPeriod`, `the first period starts at ${periods[0]?.startPeriod}, not 0`, '§7.13; errata 3.45, 3.70');
  }
  periods.forEach((p, i) => {
    const previous = periods[i - 1];
    if (previous && !(p.startPeriod > previous.startPeriod)) {
      add('period.notIncreasing', 'error', `${path}.${i}.startPeriod`, `startPeriod ${p.startPeriod} does not follow ${previous.startPeriod}: each period ends where the next starts`, '§7.14');
    }
  });
  const duration = schedule.duration;
  if (duration !== undefined && duration <= 0) {
    add('schedule.durationNotPositive', 'error', 'chargingSchedule.duration', `duration ${duration} leaves no time for any period`, '§7.13');
  } else if (duration !== undefined) {
    periods.forEach((p, i) => {
      if (p.startPeriod >= duration) add('period.afterDuration', 'warning', `${path}.${i}.startPeriod`, `startPeriod ${p.startPeriod} is at or after the duration ${duration}: never executed`, '§7.13');
    });
  }
}

function checkKind(profile: ChargingProfile, add: Add): void {
  const kind = profile.chargingProfileKind;
  const startSchedule = profile.chargingSchedule?.startSchedule;
  if (kind !== 'Recurring' && profile.recurrencyKind !== undefined) {
    add('recurrencyKind.notRecurring', 'error', 'recurrencyKind', `recurrencyKind is set on a ${kind} profile`, '§7.8; errata 3.56');
  }
  if (kind === 'Relative' && startSchedule !== undefined) {
    add('relative.startSchedule', 'error', 'chargingSchedule.startSchedule', 'a Relative profile starts at a point the charge point determines; startSchedule must be absent', '§7.9, §7.13');
  }
  if (kind === 'Absolute' && startSchedule === undefined) {
    add('absolute.noStartSchedule', 'warning', 'chargingSchedule.startSchedule', 'an Absolute profile without startSchedule has no fixed point in time; it runs from the start of charging', '§7.9, §7.13');
  }
  if (kind !== 'Recurring') return;
  if (profile.recurrencyKind === undefined) add('recurring.noRecurrencyKind', 'error', 'recurrencyKind', 'a Recurring profile needs recurrencyKind Daily or Weekly', '§7.9, §7.37');
  if (startSchedule === undefined) add('recurring.noStartSchedule', 'error', 'chargingSchedule.startSchedule', 'a Recurring profile repeats from startSchedule, which is absent', '§7.37');
  const every = profile.recurrencyKind === 'Daily' ? SECONDS_PER_DAY : profile.recurrencyKind === 'Weekly' ? SECONDS_PER_WEEK : undefined;
  if (every === undefined) return;
  const duration = profile.chargingSchedule?.duration;
  if (duration !== undefined && duration > every) {
    add('recurring.longerThanRecurrence', 'warning', 'chargingSchedule.duration', `duration ${duration} exceeds the ${profile.recurrencyKind} recurrence (${every} s): the remainder is not executed`, 'errata 3.44');
  }
  (profile.chargingSchedule?.chargingSchedulePeriod ?? []).forEach((p, i) => {
    if (p.startPeriod >= every) {
      add('recurring.periodBeyondRecurrence', 'warning', `chargingSchedule.chargingSchedulePeriod.${i}.startPeriod`, `startPeriod ${p.startPeriod} is beyond the ${profile.recurrencyKind} recurrence (${every} s): never executed`, 'errata 3.44');
    }
  });
}

function checkPurpose(profile: ChargingProfile, context: ProfileContext, add: Add): void {
  const purpose = profile.chargingProfilePurpose;
  const via = context.via ?? 'SetChargingProfile';
  if (purpose !== 'TxProfile' && profile.transactionId !== undefined) {
    add('transactionId.notTxProfile', 'error', 'transactionId', `transactionId is only valid on a TxProfile, not on a ${purpose}`, '§7.8');
  }
  if (via === 'RemoteStartTransaction') {
    if (purpose !== 'TxProfile') add('remoteStart.notTxProfile', 'error', 'chargingProfilePurpose', `a profile in RemoteStartTransaction must be a TxProfile, not ${purpose}`, '§5.16.2');
    if (profile.transactionId !== undefined) add('remoteStart.transactionId', 'error', 'transactionId', 'the transaction does not exist yet: transactionId must not be set in RemoteStartTransaction', '§5.16.2; errata 3.41');
  } else if (purpose === 'TxProfile' && profile.transactionId === undefined) {
    add('txProfile.noTransactionId', 'warning', 'transactionId', 'a TxProfile set through SetChargingProfile without transactionId is not tied to a transaction; it applies to whichever one runs on the connector', '§5.16.3, §7.8');
  }
  if (context.connectorId === undefined) return;
  if (purpose === 'ChargePointMaxProfile' && context.connectorId !== 0) {
    add('connector.chargePointMaxNotZero', 'error', 'connectorId', `a ChargePointMaxProfile can only be set on connector 0, not ${context.connectorId}`, '§3.13.1');
  }
  if (purpose === 'TxProfile' && context.connectorId === 0) {
    add('connector.txProfileOnZero', 'error', 'connectorId', 'a TxProfile can only be set on a connector > 0', '§3.13.1');
  }
}
