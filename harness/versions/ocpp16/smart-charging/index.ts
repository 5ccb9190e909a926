// OCPP 1.6 smart charging: composite schedules (§3.13, §5.7) and profile rules beyond the schema.
export { computeCompositeSchedule, compositeIntervals, DEFAULT_CHARGE_POINT_MAX_RATE } from './composite-schedule.js';
export { validateProfileSemantics, type ProfileContext, type ProfileProblem, type ProblemLevel } from './validate-profile.js';
export { convertRate, DEFAULT_ELECTRICAL, type ElectricalParameters } from './units.js';
export type * from './types.js';
