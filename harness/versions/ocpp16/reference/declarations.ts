// What the built-in reference peers declare, as a certification declaration would. `--builtin`
// runs use these unless the configuration file says otherwise, so every case a reference peer
// supports runs, and the README lists the rest as NOT_APPLICABLE.
import type { Declarations } from '../../../config/types.js';
import type { Profile } from '../../../dsl/profiles.js';

/** Profiles the reference charge point implements (its side of each): every 1.6 profile and the Security Whitepaper. */
export const BUILTIN_FEATURES: Profile[] = [
  'Core', 'FirmwareManagement', 'LocalAuthListManagement', 'Reservation', 'RemoteTrigger', 'SmartCharging', 'Security',
];

/**
 * Profiles the reference CSMS implements. A CSMS's side of most profiles is sending requests and
 * answering notifications, which the reference CSMS does for every 1.6 message; Security: profiles 1–3
 * (the one the run is at), CA for SignCertificate, certificates, GetLog, signed firmware.
 */
export const BUILTIN_CSMS_FEATURES: Profile[] = [
  'Core', 'FirmwareManagement', 'LocalAuthListManagement', 'Reservation', 'RemoteTrigger', 'SmartCharging', 'Security',
];

/**
 * The reference charge point: a detachable cable with a lock that reports its failures (lockFailure /
 * unlockFailure), ReserveConnectorZeroSupported, an authorization cache, offline authorization from
 * the local list and the cache (LocalAuthorizeOffline), the measurands of metering.ts, firmware and
 * diagnostics over HTTP and FTP (HTTPS works with a certificate Node trusts, so it is not declared).
 */
export const BUILTIN_DECLARATIONS: Declarations = {
  fixedCable: false,
  reportsLockFailure: true,
  reportsUnlockFailure: true,
  reservationOfConnectorZero: true,
  authorizationCache: true,
  localAuthorizeOffline: true,
  measurands: ['Energy.Active.Import.Register', 'Power.Active.Import', 'Current.Import', 'Voltage'],
  firmwareTransports: ['http', 'ftp'],
  powerLossStop: ['beforeDown', 'afterBoot'],
  securityProfiles: [1, 2, 3],
};

/** The reference CSMS's side: it can ask for everything a charge point may support. */
export const BUILTIN_CSMS_DECLARATIONS: Declarations = {
  ...BUILTIN_DECLARATIONS,
  fixedCable: false,
  reservationOfConnectorZero: true,
};
