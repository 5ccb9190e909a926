// Every OCPP version the harness speaks, by its id ("1.6", "2.0.1"). Only this file lists them.
import type { OcppVersion } from '../trace/types.js';
import { OCPP16 } from './ocpp16/facts.js';
import { OCPP201 } from './ocpp201/facts.js';
import type { VersionFacts } from './version-facts.js';

const FACTS: Record<OcppVersion, VersionFacts> = { '1.6': OCPP16, '2.0.1': OCPP201 };

export const OCPP_VERSIONS = Object.keys(FACTS) as OcppVersion[];

export function isOcppVersion(v: string): v is OcppVersion {
  return Object.hasOwn(FACTS, v);
}

/** The facts of a version; throws naming the versions there are. */
export function versionFacts(v: string): VersionFacts {
  if (!isOcppVersion(v)) throw new Error(`OCPP ${v} is not supported (supported: ${OCPP_VERSIONS.join(', ')})`);
  return FACTS[v];
}

/** The version whose subprotocol this is (`ocpp2.0.1` → 2.0.1). */
export function versionOfSubprotocol(p: string): VersionFacts | undefined {
  return Object.values(FACTS).find((f) => f.subprotocol === p);
}
