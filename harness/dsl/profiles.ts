// Certification profiles of every version: 1.6's feature profiles (SupportedFeatureProfiles) plus
// Security, and 2.0.1's Part 5 profiles. Which belong to a version: VersionFacts.profiles.

export const PROFILES = [
  'Core',
  'FirmwareManagement',
  'LocalAuthListManagement',
  'Reservation',
  'RemoteTrigger',
  'SmartCharging',
  'Security',
  'AdvancedSecurity',
  'AdvancedDeviceManagement',
  'AdvancedUserInterface',
  'ISO15118Support',
  'Fuzz',
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
  AdvancedSecurity: 'Advanced Security',
  AdvancedDeviceManagement: 'Advanced Device Management',
  AdvancedUserInterface: 'Advanced User Interface',
  ISO15118Support: 'ISO 15118 Support',
  Fuzz: 'Fuzz (robustness, not a certification profile)',
};

export function profileDisplayName(p: Profile): string {
  return DISPLAY[p];
}

/** Accepts `core`, `Core`, `smart-charging`, `SmartCharging`, `smart_charging` … */
export function parseProfile(text: string): Profile | undefined {
  const norm = text.replace(/[-_\s]/g, '').toLowerCase();
  return PROFILES.find((p) => p.toLowerCase() === norm);
}
