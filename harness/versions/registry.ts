// The version modules the runner can drive, by version id. Only the runner and the CLI import this.
import type { OcppVersion } from '../trace/types.js';
import { versionFacts } from './facts-registry.js';
import { OCPP16_MODULE } from './ocpp16/module.js';
import { OCPP201_MODULE } from './ocpp201/module.js';
import type { VersionModule } from './version-module.js';

const MODULES: Record<OcppVersion, VersionModule> = { '1.6': OCPP16_MODULE, '2.0.1': OCPP201_MODULE };

export function versionModule(v: string): VersionModule {
  return MODULES[versionFacts(v).id];
}

export function allVersionModules(): VersionModule[] {
  return Object.values(MODULES);
}
