// The 2.0.1 reference peers as the runner starts them.
import { defaultConfig } from '../../../config/defaults.js';
import type { Declarations } from '../../../config/types.js';
import type { ReferenceChargePointRequest, ReferenceCsmsRequest } from '../../version-module.js';

export const CHARGING_STATION_QUIRKS_201: readonly string[] = [];
export const CSMS_QUIRKS_201: readonly string[] = [];

export async function startReferenceChargingStation201(_req: ReferenceChargePointRequest): Promise<never> {
  throw new Error('the OCPP 2.0.1 reference charging station is not available yet');
}

export async function startReferenceCsms201(_req: ReferenceCsmsRequest): Promise<never> {
  throw new Error('the OCPP 2.0.1 reference CSMS is not available yet');
}

/** What the reference charging station declares (Part 5 PICS features it supports). */
export const BUILTIN_DECLARATIONS_201: Declarations = { ...defaultConfig().declarations, pics: [] };
export const BUILTIN_CSMS_DECLARATIONS_201: Declarations = { ...defaultConfig().declarations, pics: [] };
