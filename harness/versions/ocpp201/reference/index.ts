// The 2.0.1 reference peers as the runner starts them.
import { defaultConfig } from '../../../config/defaults.js';
import type { Declarations } from '../../../config/types.js';
import { builtinChargePointSecurity } from '../../../runner/builtin-security.js';
import { securityProfile, serverSecurity } from '../../../security/security-settings.js';
import type { BuiltinPeer, ReferenceChargePointRequest, ReferenceCsmsRequest } from '../../version-module.js';
import { CHARGING_STATION_201_QUIRKS, ReferenceChargingStation201, type ReferenceChargingStation201Options } from './charging-station.js';
import { ReferenceCsms201 } from './csms.js';

export const CHARGING_STATION_QUIRKS_201: readonly string[] = CHARGING_STATION_201_QUIRKS.map((q) => q.name);
export { CSMS_201_QUIRKS as CSMS_QUIRKS_201 } from './csms/quirks.js';

/** `variant`: options of a conforming station that chose otherwise where the specification allows (the harness's own tests). */
export async function startReferenceChargingStation201(req: ReferenceChargePointRequest, variant: Partial<ReferenceChargingStation201Options> = {}): Promise<BuiltinPeer & { stop(): Promise<void> }> {
  const { cfg } = req;
  // At the run's security profile, trusting the run's CSMS root (and presenting its client certificate at 3).
  const security = await builtinChargePointSecurity(cfg);
  // A variant's security options (e.g. AdditionalRootCertificateCheck false) go on top of the run's TLS material.
  const { security: securityVariant, ...rest } = variant;
  const station = new ReferenceChargingStation201({
    ...(security ? {
      security: {
        profile: security.profile, csmsRoots: security.centralSystemRoots, manufacturerRoots: security.manufacturerRoots,
        ...(security.clientCertificate ? { clientCertificate: security.clientCertificate } : {}),
        ...securityVariant,
      },
    } : {}),
    url: req.url, identity: cfg.identity, evses: cfg.connectorIds, password: req.password, quirks: req.quirks, log: req.log,
    lateResponseMs: req.lateResponseMs, heartbeatIntervalS: cfg.intervals.heartbeatS,
    // Its MessageTimeout is the run's response timeout: the E13 retry cases (TC_E_41/42_CS) wait it out
    // before every resend, and 30 s would make them the slowest cases of the run.
    messageTimeoutS: Math.max(1, Math.ceil(cfg.timeouts.responseMs / 1000)),
    idTokens: { accepted: [cfg.idTags.accepted], blocked: [cfg.idTags.blocked], expired: [cfg.idTags.expired], invalid: [cfg.idTags.invalid] },
    ...rest,
  });
  await station.start();
  return { perform: (a, params) => station.perform(a, params), actions: station.actions, stop: () => station.stop() };
}

export async function startReferenceCsms201(req: ReferenceCsmsRequest): Promise<BuiltinPeer & { url: string; close(): Promise<void> }> {
  const { cfg } = req;
  // At the run's security profile, with the run's PKI (its server certificates; at 3 the CA of the stations' certificates).
  const security = securityProfile(cfg) > 0 ? await serverSecurity(cfg) : undefined;
  const peer = new ReferenceCsms201({
    ...(security ? { security } : {}),
    host: req.listen?.host ?? '127.0.0.1', port: req.listen?.port ?? 0, heartbeatIntervalS: cfg.intervals.heartbeatS,
    idTokens: { accepted: [cfg.idTags.accepted], blocked: [cfg.idTags.blocked], expired: [cfg.idTags.expired], invalid: [cfg.idTags.invalid] },
    password: req.password, quirks: req.quirks, log: req.log, lateResponseMs: req.lateResponseMs,
  });
  const { url } = await peer.listen();
  return { url, perform: (a, params) => peer.perform(a, { identity: cfg.identity, ...params }), actions: peer.actions, close: () => peer.close() };
}

/** What the reference charging station declares (Part 5 PICS features it supports). */
export const BUILTIN_DECLARATIONS_201: Declarations = {
  ...defaultConfig().declarations,
  pics: [
    // Block E: TxStartPoint members (C-09.x; not DataSigned: its meter does not sign) and TxStopPoint members
    // (C-10.x), both configurable (C-51, C-52); offline authorization (C-01); StopTxOnEVSideDisconnect and
    // UnlockOnEVSideDisconnect writable either way (C-06.x, C-12.x); GetTransactionStatus (C-16); RFID
    // ISO14443 (C-30); an authorization cache (C-49); DisableRemoteAuthorization (C-58); socket outlets,
    // so a detachable cable (HFS-1), charging IEC 61851-1 EVs (AQ-9).
    'C-01', 'C-06.1', 'C-06.2', 'C-09.1', 'C-09.2', 'C-09.4', 'C-09.5', 'C-09.6',
    'C-10.1', 'C-10.2', 'C-10.3', 'C-10.4', 'C-10.5', 'C-12.1', 'C-12.2', 'C-16', 'C-30', 'C-49', 'C-51', 'C-52', 'C-58',
    'HFS-1', 'AQ-9',
    // Block B: Reset per EVSE (C-13); reconnect after NetworkProfileConnectionAttempts failed (C-47).
    'C-13', 'C-47',
    // Block J: AlignedDataCtrlr.SendDuringIdle is writable (C-28); its meter does not sign (no C-42).
    'C-28',
    // Security: AdditionalRootCertificateCheck (AS-2), for the migration to a new CSMS root (TC_B_47_CS).
    'AS-2',
    // Block F: TriggerMessage for MeterValues, TransactionEvent, LogStatusNotification and
    // FirmwareStatusNotification (always Idle: it uploads no logs, installs no firmware), StatusNotification
    // and BootNotification (C-29.1–C-29.6); remote start with an ISO14443 idToken (C-36); AuthorizeRemoteStart
    // writable either way (C-48.1, C-48.2). No cable lock before authorization (no AQ-2).
    'C-29.1', 'C-29.2', 'C-29.3', 'C-29.4', 'C-29.5', 'C-29.6', 'C-36', 'C-48.1', 'C-48.2',
  ],
  // Security profiles 1–3 (TLS with the run's PKI at 2 and 3).
  securityProfiles: [1, 2, 3],
};
// C-44 Pending before Accepting, C-45/C-46 several GetVariables/SetVariables items, C-17 ConfigurationInventory,
// C-50.2 FullInventory on request, C-13 Reset per EVSE, C-16 GetTransactionStatus (E14) when asked. AQ-6 is not
// declared: it accepts unknown stations' WebSocket connections (and could answer their boot Rejected).
// C-29.1–C-29.5: it sends TriggerMessage for any message it is asked to (block F).
// Security profiles 1–3: the reference CSMS (csms-http-server) serves Basic auth, TLS and client certificates (block A).
export const BUILTIN_CSMS_DECLARATIONS_201: Declarations = { ...defaultConfig().declarations, pics: ['C-44', 'C-45', 'C-46', 'C-17', 'C-50.2', 'C-13', 'C-16', 'C-29.1', 'C-29.2', 'C-29.3', 'C-29.4', 'C-29.5'], securityProfiles: [1, 2, 3] };
