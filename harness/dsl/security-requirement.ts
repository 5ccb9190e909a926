// Which security profile a case needs the charger connected at (the OCTT Security tables'
// prerequisites), against what the charger declares it supports and what the run is configured for.
import type { Declarations } from '../config/types.js';
import type { CaseMeta } from './define-case.js';

export type ConnectionProfile = 0 | 1 | 2 | 3;

/** The profiles the charger supports: the declaration, else the one the run is configured at (if any). */
export function supportedSecurityProfiles(declared: Declarations, configured: number): number[] {
  return declared.securityProfiles ?? (configured > 0 ? [configured] : []);
}

/**
 * Why the case cannot run on this environment, or undefined when it can. `by`: 'declaration' when the
 * charger does not support any profile the case needs; 'configuration' when it does but the run
 * connects it at another one.
 */
export function securityProfileMismatch(meta: Pick<CaseMeta, 'securityProfiles'>, declared: Declarations, configured: number, connectedAt: number):
  { by: 'declaration' | 'configuration'; reason: string } | undefined {
  const needed = meta.securityProfiles;
  if (!needed) return undefined;
  const supported = supportedSecurityProfiles(declared, configured);
  if (!needed.some((p) => supported.includes(p))) {
    return { by: 'declaration', reason: `needs a system under test supporting security profile ${needed.join(' or ')} (declaration securityProfiles: ${supported.join(', ') || 'none'})` };
  }
  if (!needed.includes(connectedAt as ConnectionProfile)) {
    return { by: 'configuration', reason: `needs the connection at security profile ${needed.join(' or ')}; this run connects at profile ${connectedAt} (configure security.profile ${needed[0]})` };
  }
  return undefined;
}

/**
 * With --builtin the harness can run the reference charge point at any profile it supports: the
 * configured one when the case allows it, else the first the case names that is supported.
 */
export function builtinProfileFor(meta: Pick<CaseMeta, 'securityProfiles'>, declared: Declarations, configured: number): number {
  const needed = meta.securityProfiles;
  if (!needed || needed.includes(configured as ConnectionProfile)) return configured;
  const supported = supportedSecurityProfiles(declared, configured);
  return needed.find((p) => supported.includes(p)) ?? configured;
}
