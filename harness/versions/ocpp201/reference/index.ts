// The 2.0.1 reference peers as the runner starts them.
import { defaultConfig } from '../../../config/defaults.js';
import type { Declarations } from '../../../config/types.js';
import type { BuiltinPeer, ReferenceChargePointRequest, ReferenceCsmsRequest } from '../../version-module.js';
import { CHARGING_STATION_201_QUIRKS, ReferenceChargingStation201 } from './charging-station.js';
import { ReferenceCsms201 } from './csms.js';

export const CHARGING_STATION_QUIRKS_201: readonly string[] = CHARGING_STATION_201_QUIRKS.map((q) => q.name);
export { CSMS_201_QUIRKS as CSMS_QUIRKS_201 } from './csms/quirks.js';

export async function startReferenceChargingStation201(req: ReferenceChargePointRequest): Promise<BuiltinPeer & { stop(): Promise<void> }> {
  const { cfg } = req;
  const station = new ReferenceChargingStation201({
    url: req.url, identity: cfg.identity, evses: cfg.connectorIds, password: req.password, quirks: req.quirks, log: req.log,
    lateResponseMs: req.lateResponseMs, heartbeatIntervalS: cfg.intervals.heartbeatS,
    idTokens: { accepted: [cfg.idTags.accepted], blocked: [cfg.idTags.blocked], expired: [cfg.idTags.expired], invalid: [cfg.idTags.invalid] },
  });
  await station.start();
  return { perform: (a, params) => station.perform(a, params), actions: station.actions, stop: () => station.stop() };
}

export async function startReferenceCsms201(req: ReferenceCsmsRequest): Promise<BuiltinPeer & { url: string; close(): Promise<void> }> {
  const { cfg } = req;
  const peer = new ReferenceCsms201({
    host: req.listen?.host ?? '127.0.0.1', port: req.listen?.port ?? 0, heartbeatIntervalS: cfg.intervals.heartbeatS,
    idTokens: { accepted: [cfg.idTags.accepted], blocked: [cfg.idTags.blocked], expired: [cfg.idTags.expired], invalid: [cfg.idTags.invalid] },
    password: req.password, quirks: req.quirks, log: req.log, lateResponseMs: req.lateResponseMs,
  });
  const { url } = await peer.listen();
  return { url, perform: (a, params) => peer.perform(a, { identity: cfg.identity, ...params }), actions: peer.actions, close: () => peer.close() };
}

/** What the reference charging station declares (Part 5 PICS features it supports). */
export const BUILTIN_DECLARATIONS_201: Declarations = { ...defaultConfig().declarations, pics: [] };
// C-44 Pending before Accepting, C-45/C-46 several GetVariables/SetVariables items, C-17 ConfigurationInventory,
// C-50.2 FullInventory on request, C-13 Reset per EVSE, C-16 GetTransactionStatus (E14) when asked. AQ-6 is not
// declared: it accepts unknown stations' WebSocket connections (and could answer their boot Rejected).
export const BUILTIN_CSMS_DECLARATIONS_201: Declarations = { ...defaultConfig().declarations, pics: ['C-44', 'C-45', 'C-46', 'C-17', 'C-50.2', 'C-13', 'C-16'] };
