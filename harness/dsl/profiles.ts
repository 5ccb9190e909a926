// OCPP 1.6 feature profiles (the values of the SupportedFeatureProfiles key) plus Security.

export const PROFILES = [
  'Core',
  'FirmwareManagement',
  'LocalAuthListManagement',
  'Reservation',
  'RemoteTrigger',
  'SmartCharging',
  'Security',
] as const;

export type Profile = (typeof PROFILES)[number];

const DISPLAY: Record<Profile, string> = {
  Core: 'Core',
  FirmwareManagement: 'Firmware Management',
  LocalAuthListManagement: 'Local Auth List Management',
  Reservation: 'Reservation',
  RemoteTrigger: 'Remote Trigger',
  SmartCharging: 'Smart Charging',
  Security: 'Security',
};

export function profileDisplayName(p: Profile): string {
  return DISPLAY[p];
}

/** Accepts `core`, `Core`, `smart-charging`, `SmartCharging`, `smart_charging` … */
export function parseProfile(text: string): Profile | undefined {
  const norm = text.replace(/[-_\s]/g, '').toLowerCase();
  return PROFILES.find((p) => p.toLowerCase() === norm);
}
