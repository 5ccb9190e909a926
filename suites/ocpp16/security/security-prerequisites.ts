// Prerequisites the Security tables share across both sides. Not a case (discovery only loads TC_… / X… files).
import type { CaseContextBase } from '../../../harness/dsl/context.js';
import type { Sut } from '../../../harness/trace/types.js';

/**
 * The signed-firmware tables (96/97 with the charge point under test, 187/188 with the CSMS) also need the
 * Firmware Management feature profile: a SUT that does not declare it is NOT_APPLICABLE, never FAIL.
 */
export function requireFirmwareManagement(t: Pick<CaseContextBase, 'cfg' | 'notApplicable'>, table: number, sut: Sut): void {
  const features = t.cfg.featuresBySut?.[sut] ?? t.cfg.features;
  const who = sut === 'ChargePoint' ? 'the charge point supports the FirmwareManagement' : 'the CSMS supports the Firmware Management';
  if (!features.includes('FirmwareManagement')) t.notApplicable(`Table ${table} prerequisite: ${who} feature profile (not declared in features)`);
}
