// Built-in defaults: values that suit the built-in reference peers and keep runs fast.
// A --config file and command-line flags override them field by field.
import type { Profile } from '../dsl/profiles.js';
import type { HarnessConfig } from './types.js';

/** Feature profiles assumed when neither the file nor the command line names any. */
export const DEFAULT_FEATURES: readonly Profile[] = Object.freeze(['Core', 'RemoteTrigger'] as const);

/** A fresh default configuration (callers may mutate it). */
export function defaultConfig(): HarnessConfig {
  return {
    identity: 'CP001',
    connectorIds: [1],
    features: [...DEFAULT_FEATURES],
    declarations: {
      fixedCable: false,
      reportsLockFailure: true,
      reportsUnlockFailure: true,
      reservationOfConnectorZero: false,
      authorizationCache: true,
      localAuthorizeOffline: false,
      measurands: ['Energy.Active.Import.Register'],
      firmwareTransports: ['http', 'ftp'],
      // Not assumed: a charger does one or the other, and the two power-failure cases need to know which.
      powerLossStop: [],
    },
    idTags: {
      accepted: 'ACCEPTED01',
      invalid: 'INVALID01',
      blocked: 'BLOCKED01',
      expired: 'EXPIRED01',
    },
    configurationKeys: {
      readOnly: { key: 'NumberOfConnectors' },
      writable: { key: 'MeterValueSampleInterval', value: '5' },
    },
    intervals: { heartbeatS: 2, bootRetryS: 1, meterSampleS: 1 },
    timeouts: { connectMs: 10_000, responseMs: 3_000, messageMs: 5_000, operatorMs: 120_000, reconnectBackoffMs: 1_000 },
    smartCharging: { stackLevel: 0, numberPhases: 3, durationS: 300, maxTimeDeviationS: 2 },
    toleranceMs: 500,
    sutControl: { type: 'manual' },
    knownIssues: [],
  };
}
