// How the harness answers a CSMS when it plays the charge point and the case says nothing else: as a
// capable charge point of every 1.6 profile (Core, Firmware Management, Local Auth List Management,
// Reservation, Smart Charging, Remote Trigger). It only answers, keeping the bookkeeping a charge
// point keeps (local list and its version, reservations, charging profiles); what a charge point then
// does (start a transaction, report a status …) the case scripts itself, and tells the memory about it
// (`startedTransaction`, `stoppedTransaction`, `reservationEnded`). Cases override answers per case
// with `link.handle(...)`.
import type { HarnessConfig } from '../../../config/types.js';
import { computeCompositeSchedule } from '../smart-charging/index.js';
import type { ChargingProfile, ChargingRateUnit, InstalledChargingProfile } from '../smart-charging/index.js';
import type { HandlerTable, Link } from '../../../roles/link.js';

interface ConfigEntry { value: string; readonly: boolean }

/** The longest composite schedule the harness (as charge point) computes: 31 days. */
export const COMPOSITE_HORIZON_S = 31 * 24 * 3600;

export function configurationOf(link: Link, cfg: HarnessConfig): Map<string, ConfigEntry> {
  if (!link.state.configuration) {
    const entries: [string, ConfigEntry][] = [
      ['HeartbeatInterval', { value: String(cfg.intervals.heartbeatS), readonly: false }],
      ['MeterValueSampleInterval', { value: String(cfg.intervals.meterSampleS), readonly: false }],
      ['ConnectionTimeOut', { value: '30', readonly: false }],
      ['NumberOfConnectors', { value: String(cfg.connectorIds.length), readonly: true }],
      ['SupportedFeatureProfiles', { value: 'Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger', readonly: true }],
      ['MeterValuesSampledData', { value: 'Energy.Active.Import.Register', readonly: false }],
      ['AuthorizeRemoteTxRequests', { value: 'false', readonly: false }],
      ['LocalPreAuthorize', { value: 'false', readonly: false }],
      ['StopTransactionOnEVSideDisconnect', { value: 'true', readonly: false }],
      ['GetConfigurationMaxKeys', { value: '50', readonly: true }],
      // Local Auth List Management (§9.2)
      ['LocalAuthListEnabled', { value: 'true', readonly: false }],
      ['LocalAuthListMaxLength', { value: '100', readonly: true }],
      ['SendLocalListMaxLength', { value: '100', readonly: true }],
      // Reservation (§9.3)
      ['ReserveConnectorZeroSupported', { value: 'true', readonly: true }],
      // Smart Charging (§9.4)
      ['ChargeProfileMaxStackLevel', { value: '10', readonly: true }],
      ['ChargingScheduleAllowedChargingRateUnit', { value: 'Current,Power', readonly: true }],
      ['ChargingScheduleMaxPeriods', { value: '24', readonly: true }],
      ['MaxChargingProfilesInstalled', { value: '10', readonly: true }],
    ];
    link.state.configuration = new Map(entries);
  }
  return link.state.configuration as Map<string, ConfigEntry>;
}

export interface Reservation {
  reservationId: number;
  connectorId: number;
  idTag: string;
  parentIdTag?: string;
  expiryDate: string;
}

/** What the harness charge point remembers on one connection (a reconnect starts afresh, like a reboot). */
export interface ChargePointMemory {
  /** Local Authorization List (§3.5.2): its version and entries (idTag → idTagInfo). */
  localList: { version: number; entries: Map<string, Record<string, unknown>> };
  reservations: Map<number, Reservation>;
  /** Installed charging profiles, by chargingProfileId. */
  chargingProfiles: Map<number, InstalledChargingProfile>;
  /** Running transactions by connectorId (the case reports them: it sends StartTransaction itself). */
  transactions: Map<number, { transactionId: number; startedAt: string }>;
  /** The TxProfile of an accepted RemoteStartTransaction, applied to the transaction it starts (§5.16.2). */
  remoteStartProfile?: InstalledChargingProfile;
}

export function chargePointMemory(link: Link): ChargePointMemory {
  if (!link.state.memory16) {
    const memory: ChargePointMemory = {
      localList: { version: 0, entries: new Map() },
      reservations: new Map(),
      chargingProfiles: new Map(),
      transactions: new Map(),
    };
    link.state.memory16 = memory;
  }
  return link.state.memory16 as ChargePointMemory;
}

/**
 * The case started a transaction on `connectorId` (StartTransaction accepted): a reservation it used
 * ends (§5.13), and the profile of the RemoteStartTransaction that asked for it applies (§5.16.2).
 */
export function startedTransaction(link: Link, connectorId: number, transactionId: number, reservationId?: number): void {
  const memory = chargePointMemory(link);
  memory.transactions.set(connectorId, { transactionId, startedAt: new Date().toISOString() });
  if (reservationId !== undefined) memory.reservations.delete(reservationId);
  const pending = memory.remoteStartProfile;
  if (pending?.connectorId === connectorId) {
    memory.chargingProfiles.set(pending.profile.chargingProfileId, pending);
    memory.remoteStartProfile = undefined;
  }
}

/** The case stopped the transaction on `connectorId`: its TxProfiles cease to be valid (§3.13.1, §7.10). */
export function stoppedTransaction(link: Link, connectorId: number): void {
  const memory = chargePointMemory(link);
  memory.transactions.delete(connectorId);
  for (const [id, installed] of memory.chargingProfiles) {
    if (installed.connectorId === connectorId && installed.profile.chargingProfilePurpose === 'TxProfile') memory.chargingProfiles.delete(id);
  }
}

/** A reservation ended on the charge point itself (used, expired, cancelled locally). */
export function reservationEnded(link: Link, reservationId: number): void {
  chargePointMemory(link).reservations.delete(reservationId);
}

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function knownConnector(cfg: HarnessConfig, connectorId: number | undefined): boolean {
  return connectorId !== undefined && cfg.connectorIds.includes(connectorId);
}

/** Live reservations: an expired one has ended (§5.13). */
function liveReservations(memory: ChargePointMemory): Reservation[] {
  const now = Date.now();
  for (const [id, r] of memory.reservations) {
    const expiry = Date.parse(r.expiryDate);
    if (Number.isFinite(expiry) && expiry <= now) memory.reservations.delete(id);
  }
  return [...memory.reservations.values()];
}

export function chargePointDefaults16(cfg: HarnessConfig): HandlerTable {
  const intKey = (link: Link, key: string, fallback: number) => {
    const parsed = Number.parseInt(configurationOf(link, cfg).get(key)?.value ?? '', 10);
    return Number.isFinite(parsed) ? parsed : fallback;
  };

  return {
    GetConfiguration: (p, _c, link) => {
      const store = configurationOf(link, cfg);
      const wanted = Array.isArray(p.key) ? (p.key as string[]) : [...store.keys()];
      const configurationKey = wanted.filter((k) => store.has(k))
        .map((key) => ({ key, readonly: store.get(key)!.readonly, value: store.get(key)!.value }));
      const unknownKey = wanted.filter((k) => !store.has(k));
      return unknownKey.length ? { configurationKey, unknownKey } : { configurationKey };
    },
    ChangeConfiguration: (p, _c, link) => {
      const entry = configurationOf(link, cfg).get(p.key as string);
      if (!entry) return { status: 'NotSupported' };
      if (entry.readonly) return { status: 'Rejected' };
      entry.value = String(p.value);
      return { status: 'Accepted' };
    },
    // §5.11, §5.16.2: a profile in RemoteStartTransaction must be a TxProfile without transactionId.
    RemoteStartTransaction: (p, _c, link) => {
      const connectorId = num(p.connectorId);
      if (connectorId !== undefined && !knownConnector(cfg, connectorId)) return { status: 'Rejected' };
      const profile = p.chargingProfile as ChargingProfile | undefined;
      if (profile && (profile.chargingProfilePurpose !== 'TxProfile' || profile.transactionId !== undefined)) return { status: 'Rejected' };
      if (profile) chargePointMemory(link).remoteStartProfile = { connectorId: connectorId ?? cfg.connectorIds[0], profile };
      return { status: 'Accepted' };
    },
    RemoteStopTransaction: () => ({ status: 'Accepted' }),
    Reset: () => ({ status: 'Accepted' }),
    UnlockConnector: () => ({ status: 'Unlocked' }),
    ChangeAvailability: () => ({ status: 'Accepted' }),
    ClearCache: () => ({ status: 'Accepted' }),
    DataTransfer: () => ({ status: 'UnknownVendorId' }),

    // Remote Trigger (§5.17): every message it can send is Accepted; BootNotification after an accepted
    // boot is Rejected (errata 3.35, RECOMMENDED); a connector it does not have is Rejected.
    TriggerMessage: (p) => {
      if (p.requestedMessage === 'BootNotification') return { status: 'Rejected' };
      const connectorId = num(p.connectorId);
      if (connectorId !== undefined && !knownConnector(cfg, connectorId)) return { status: 'Rejected' };
      return { status: 'Accepted' };
    },

    // Local Auth List Management (§5.10, §5.15): 0 = empty list (§5.10).
    GetLocalListVersion: (_p, _c, link) => {
      const { localList } = chargePointMemory(link);
      return { listVersion: localList.entries.size === 0 ? 0 : localList.version };
    },
    SendLocalList: (p, _c, link) => {
      if (configurationOf(link, cfg).get('LocalAuthListEnabled')?.value !== 'true') return { status: 'NotSupported' };
      const { localList } = chargePointMemory(link);
      const version = num(p.listVersion);
      const list = Array.isArray(p.localAuthorizationList) ? (p.localAuthorizationList as Record<string, unknown>[]) : [];
      const idTags = list.map((e) => str(e.idTag)?.toLowerCase()); // IdToken is case-insensitive (§7.28)
      // Errata 3.52: 0 and -1 are not list versions; §6.41: idTags unique; §7.1: idTagInfo required in a Full update.
      if (version === undefined || version < 1 || new Set(idTags).size !== idTags.length || idTags.includes(undefined)) return { status: 'Failed' };
      if (list.length > intKey(link, 'SendLocalListMaxLength', 100)) return { status: 'Failed' };
      if (p.updateType === 'Full') {
        if (list.some((e) => e.idTagInfo === undefined)) return { status: 'Failed' };
        if (list.length > intKey(link, 'LocalAuthListMaxLength', 100)) return { status: 'Failed' };
        localList.entries = new Map(list.map((e) => [e.idTag as string, e.idTagInfo as Record<string, unknown>]));
        localList.version = version;
        return { status: 'Accepted' };
      }
      // Differential (§7.47): a version not above the current one is a mismatch.
      if (version <= localList.version) return { status: 'VersionMismatch' };
      const entries = new Map(localList.entries);
      for (const e of list) {
        const existing = [...entries.keys()].find((k) => k.toLowerCase() === (e.idTag as string).toLowerCase());
        if (existing !== undefined) entries.delete(existing);
        if (e.idTagInfo !== undefined) entries.set(e.idTag as string, e.idTagInfo as Record<string, unknown>);
      }
      if (entries.size > intKey(link, 'LocalAuthListMaxLength', 100)) return { status: 'Failed' };
      localList.entries = entries;
      localList.version = version;
      return { status: 'Accepted' };
    },

    // Reservation (§5.13, §5.1).
    ReserveNow: (p, _c, link) => {
      const memory = chargePointMemory(link);
      const connectorId = num(p.connectorId);
      const reservationId = num(p.reservationId);
      if (connectorId === undefined || reservationId === undefined) return { status: 'Rejected' };
      if (connectorId === 0 ? configurationOf(link, cfg).get('ReserveConnectorZeroSupported')?.value !== 'true' : !knownConnector(cfg, connectorId)) {
        return { status: 'Rejected' };
      }
      // The same reservationId replaces that reservation; another live one on the connector makes it Occupied.
      const others = liveReservations(memory).filter((r) => r.reservationId !== reservationId);
      if (connectorId === 0 ? others.length >= cfg.connectorIds.length : others.some((r) => r.connectorId === connectorId || r.connectorId === 0 && cfg.connectorIds.length === 1)) {
        return { status: 'Occupied' };
      }
      if (memory.transactions.has(connectorId) || (connectorId === 0 && memory.transactions.size >= cfg.connectorIds.length)) return { status: 'Occupied' };
      memory.reservations.set(reservationId, {
        reservationId, connectorId, idTag: String(p.idTag), expiryDate: String(p.expiryDate),
        ...(typeof p.parentIdTag === 'string' ? { parentIdTag: p.parentIdTag } : {}),
      });
      return { status: 'Accepted' };
    },
    CancelReservation: (p, _c, link) => {
      const memory = chargePointMemory(link);
      const reservationId = num(p.reservationId);
      const known = liveReservations(memory).some((r) => r.reservationId === reservationId);
      if (!known || reservationId === undefined) return { status: 'Rejected' };
      memory.reservations.delete(reservationId);
      return { status: 'Accepted' };
    },

    // Smart Charging (§3.13, §5.5, §5.7, §5.16).
    SetChargingProfile: (p, _c, link) => {
      const memory = chargePointMemory(link);
      const connectorId = num(p.connectorId);
      const profile = p.csChargingProfiles as ChargingProfile | undefined;
      if (connectorId === undefined || !profile) return { status: 'Rejected' };
      if (connectorId !== 0 && !knownConnector(cfg, connectorId)) return { status: 'Rejected' };
      const purpose = profile.chargingProfilePurpose;
      if (purpose === 'ChargePointMaxProfile' && connectorId !== 0) return { status: 'Rejected' };
      if (purpose === 'TxProfile') {
        // §3.13.1: only on a connector > 0 with a running transaction; §7.8: a transactionId must be that one.
        const tx = memory.transactions.get(connectorId);
        if (connectorId === 0 || !tx) return { status: 'Rejected' };
        if (profile.transactionId !== undefined && profile.transactionId !== tx.transactionId) return { status: 'Rejected' };
      }
      if (profile.stackLevel > intKey(link, 'ChargeProfileMaxStackLevel', 10)) return { status: 'Rejected' };
      if ((profile.chargingSchedule?.chargingSchedulePeriod?.length ?? 0) > intKey(link, 'ChargingScheduleMaxPeriods', 24)) return { status: 'Rejected' };
      // §5.16.3/§5.16.4: the same chargingProfileId, or the same stackLevel and purpose (on that connector, §3.13.1), is replaced.
      for (const [id, installed] of memory.chargingProfiles) {
        const same = id === profile.chargingProfileId || (installed.connectorId === connectorId
          && installed.profile.stackLevel === profile.stackLevel && installed.profile.chargingProfilePurpose === purpose);
        if (same) memory.chargingProfiles.delete(id);
      }
      if (memory.chargingProfiles.size >= intKey(link, 'MaxChargingProfilesInstalled', 10)) return { status: 'Rejected' };
      memory.chargingProfiles.set(profile.chargingProfileId, { connectorId, profile });
      return { status: 'Accepted' };
    },
    // Errata 3.25: no field clears all; otherwise every profile matching all given fields.
    ClearChargingProfile: (p, _c, link) => {
      const memory = chargePointMemory(link);
      let cleared = 0;
      for (const [id, installed] of memory.chargingProfiles) {
        const matches = (p.id === undefined || p.id === id)
          && (p.connectorId === undefined || p.connectorId === installed.connectorId)
          && (p.chargingProfilePurpose === undefined || p.chargingProfilePurpose === installed.profile.chargingProfilePurpose)
          && (p.stackLevel === undefined || p.stackLevel === installed.profile.stackLevel);
        if (matches) {
          memory.chargingProfiles.delete(id);
          cleared += 1;
        }
      }
      return { status: cleared > 0 ? 'Accepted' : 'Unknown' };
    },
    GetCompositeSchedule: (p, _c, link) => {
      const memory = chargePointMemory(link);
      const connectorId = num(p.connectorId) ?? -1;
      const tx = memory.transactions.get(connectorId);
      // A schedule for 27 years of daily recurrences blocked the event loop for 7 s (8.8 MB answer);
      // the harness answers for at most COMPOSITE_HORIZON_S and says so in the answer's duration.
      const duration = Math.max(0, Math.min(num(p.duration) ?? 0, COMPOSITE_HORIZON_S));
      return { ...computeCompositeSchedule([...memory.chargingProfiles.values()], {
        connectorId, start: new Date(), duration,
        ...(p.chargingRateUnit !== undefined ? { chargingRateUnit: p.chargingRateUnit as ChargingRateUnit } : {}),
        ...(tx ? { transaction: tx } : {}),
      }, { connectorIds: cfg.connectorIds }) };
    },

    GetDiagnostics: () => ({}),
    UpdateFirmware: () => ({}),
  };
}
