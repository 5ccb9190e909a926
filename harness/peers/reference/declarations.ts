// What the built-in reference peers declare, as a certification declaration would. `--builtin`
// runs use these unless the configuration file says otherwise, so every case a reference peer
// supports runs, and the README lists the rest as NOT_APPLICABLE.
import type { Declarations } from '../../config/types.js';
import type { Profile } from '../../dsl/profiles.js';

/** Profiles the reference charge point implements (its side of each). Grows with it. */
export const BUILTIN_FEATURES: Profile[] = ['Core', 'RemoteTrigger'];

/**
 * Profiles the reference CSMS implements. A CSMS's side of most profiles is sending requests and
 * answering notifications, which the reference CSMS does for every 1.6 message.
 */
export const BUILTIN_CSMS_FEATURES: Profile[] = [
  'Core', 'FirmwareManagement', 'LocalAuthListManagement', 'Reservation', 'RemoteTrigger', 'SmartCharging',
];

export const BUILTIN_DECLARATIONS: Declarations = {
  fixedCable: false,
  reportsLockFailure: true,
  reportsUnlockFailure: true,
  reservationOfConnectorZero: false,
  authorizationCache: true,
  localAuthorizeOffline: false,
  measurands: ['Energy.Active.Import.Register'],
  firmwareTransports: ['http', 'ftp'],
};

/** The reference CSMS's side: it can ask for everything a charge point may support. */
export const BUILTIN_CSMS_DECLARATIONS: Declarations = {
  ...BUILTIN_DECLARATIONS,
  fixedCable: false,
  reservationOfConnectorZero: true,
};
