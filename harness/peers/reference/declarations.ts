// What the built-in reference peers declare, as a certification declaration would. `--builtin`
// runs use these unless the configuration file says otherwise, so every case a reference peer
// supports runs, and the README lists the rest as NOT_APPLICABLE.
import type { Declarations } from '../../config/types.js';
import type { Profile } from '../../dsl/profiles.js';

/** Profiles the reference charge point and CSMS implement. Grows with them. */
export const BUILTIN_FEATURES: Profile[] = ['Core', 'RemoteTrigger'];

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
