// The configuration store (OCPP 1.6 chapter 9): every Core key plus the keys of the profiles the
// charge point implements, with the rules of §5.3 ChangeConfiguration (NotSupported for an unknown
// key, Rejected for a read-only key or a value of the wrong type or out of range, RebootRequired for
// a key that only takes effect after a reboot) and §5.8 GetConfiguration (GetConfigurationMaxKeys).

import { MAX_SECONDS, SUPPORTED_MEASURANDS, type FeatureProfile, type Payload } from './types.js';

type KeyType =
  | { kind: 'int'; min?: number; max?: number }
  | { kind: 'bool' }
  /** Comma-separated measurands; `maxKey` names the key that bounds the number of items. */
  | { kind: 'measurands'; maxKey: string }
  | { kind: 'phaseRotation' }
  | { kind: 'text' };

interface KeyDef {
  profile: FeatureProfile | 'FirmwareManagement';
  readonly: boolean;
  type: KeyType;
  value: (ctx: { connectorIds: number[]; profiles: FeatureProfile[] }) => string;
  /** The change is stored at once but takes effect after a reboot (§5.3 RebootRequired). */
  rebootRequired?: boolean;
}

const INT: KeyType = { kind: 'int', min: 0, max: MAX_SECONDS };
const BOOL: KeyType = { kind: 'bool' };
const TEXT: KeyType = { kind: 'text' };
const fixed = (v: string) => () => v;
const rw = (profile: FeatureProfile, type: KeyType, value: string, extra: Partial<KeyDef> = {}): KeyDef =>
  ({ profile, readonly: false, type, value: fixed(value), ...extra });
const ro = (profile: FeatureProfile, type: KeyType, value: string | KeyDef['value']): KeyDef =>
  ({ profile, readonly: true, type, value: typeof value === 'string' ? fixed(value) : value });

const PHASE_ROTATIONS = new Set(['NotApplicable', 'Unknown', 'RST', 'RTS', 'SRT', 'STR', 'TRS', 'TSR']);

/** Every key this charge point knows, by profile (chapter 9 and errata 3.83, 3.90, 3.91). */
const KEYS: Record<string, KeyDef> = {
  // Core (9.1)
  AllowOfflineTxForUnknownId: rw('Core', BOOL, 'false'),
  AuthorizationCacheEnabled: rw('Core', BOOL, 'true'),
  AuthorizeRemoteTxRequests: rw('Core', BOOL, 'false'),
  BlinkRepeat: rw('Core', { kind: 'int', min: 0, max: 100 }, '3'),
  ClockAlignedDataInterval: rw('Core', INT, '0'),
  ConnectionTimeOut: rw('Core', INT, '30'),
  ConnectorPhaseRotation: {
    profile: 'Core', readonly: false, type: { kind: 'phaseRotation' }, rebootRequired: true,
    value: ({ connectorIds }) => connectorIds.map((id) => `${id}.NotApplicable`).join(','),
  },
  ConnectorPhaseRotationMaxLength: ro('Core', INT, ({ connectorIds }) => String(connectorIds.length + 1)),
  GetConfigurationMaxKeys: ro('Core', INT, '50'),
  HeartbeatInterval: rw('Core', INT, '300'),
  LightIntensity: rw('Core', { kind: 'int', min: 0, max: 100 }, '100'),
  LocalAuthorizeOffline: rw('Core', BOOL, 'false'),
  LocalPreAuthorize: rw('Core', BOOL, 'false'),
  MaxEnergyOnInvalidId: rw('Core', { kind: 'int', min: 0, max: 1_000_000 }, '0'),
  MeterValuesAlignedData: rw('Core', { kind: 'measurands', maxKey: 'MeterValuesAlignedDataMaxLength' }, 'Energy.Active.Import.Register'),
  MeterValuesAlignedDataMaxLength: ro('Core', INT, '4'),
  MeterValuesSampledData: rw('Core', { kind: 'measurands', maxKey: 'MeterValuesSampledDataMaxLength' }, 'Energy.Active.Import.Register'),
  MeterValuesSampledDataMaxLength: ro('Core', INT, '4'),
  MeterValueSampleInterval: rw('Core', INT, '60'),
  MinimumStatusDuration: rw('Core', INT, '0'),
  NumberOfConnectors: ro('Core', INT, ({ connectorIds }) => String(connectorIds.length)),
  ResetRetries: rw('Core', { kind: 'int', min: 0, max: 10 }, '1'),
  StopTransactionMaxMeterValues: ro('Core', INT, '100'),
  StopTransactionOnEVSideDisconnect: rw('Core', BOOL, 'true'),
  StopTransactionOnInvalidId: rw('Core', BOOL, 'true'),
  StopTxnAlignedData: rw('Core', { kind: 'measurands', maxKey: 'StopTxnAlignedDataMaxLength' }, ''),
  StopTxnAlignedDataMaxLength: ro('Core', INT, '4'),
  StopTxnSampledData: rw('Core', { kind: 'measurands', maxKey: 'StopTxnSampledDataMaxLength' }, ''),
  StopTxnSampledDataMaxLength: ro('Core', INT, '4'),
  SupportedFeatureProfiles: ro('Core', TEXT, ({ profiles }) => profiles.join(',')),
  TransactionMessageAttempts: rw('Core', { kind: 'int', min: 1, max: 100 }, '3'),
  TransactionMessageRetryInterval: rw('Core', INT, '10'),
  UnlockConnectorOnEVSideDisconnect: rw('Core', BOOL, 'true'),
  WebSocketPingInterval: rw('Core', INT, '0'),
  // Local Auth List Management (9.2)
  LocalAuthListEnabled: rw('LocalAuthListManagement', BOOL, 'true'),
  LocalAuthListMaxLength: ro('LocalAuthListManagement', INT, '100'),
  SendLocalListMaxLength: ro('LocalAuthListManagement', INT, '20'),
  // Reservation (9.3)
  ReserveConnectorZeroSupported: ro('Reservation', BOOL, 'true'),
  // Smart Charging (9.4)
  ChargeProfileMaxStackLevel: ro('SmartCharging', INT, '10'),
  ChargingScheduleAllowedChargingRateUnit: ro('SmartCharging', TEXT, 'Current,Power'),
  ChargingScheduleMaxPeriods: ro('SmartCharging', INT, '24'),
  ConnectorSwitch3to1PhaseSupported: ro('SmartCharging', BOOL, 'false'),
  MaxChargingProfilesInstalled: ro('SmartCharging', INT, '20'),
  // Firmware Management (errata 3.90, 9.5)
  SupportedFileTransferProtocols: ro('FirmwareManagement', TEXT, 'FTP,HTTP,HTTPS'),
};

interface Entry {
  value: string;
  def: KeyDef;
  /** Read-only on this charge point although §9 allows RW (a quirk). */
  pinned?: boolean;
  /** Write-only (the whitepaper's AuthorizationKey): GetConfiguration never shows the value. */
  writeOnly?: boolean;
}

export type ChangeStatus = 'Accepted' | 'Rejected' | 'RebootRequired' | 'NotSupported';

export class ConfigStore {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(key: string, value: string) => void>();

  constructor(
    private readonly connectorIds: number[],
    profiles: FeatureProfile[],
    overrides: Record<string, string>,
  ) {
    for (const [key, def] of Object.entries(KEYS)) {
      if (!profiles.includes(def.profile)) continue;
      this.entries.set(key, { def, value: def.value({ connectorIds, profiles }) });
    }
    for (const [key, value] of Object.entries(overrides)) {
      const e = this.entries.get(key);
      if (!e) throw new Error(`unknown configuration key ${key}`);
      const normalised = this.normalise(e.def.type, value);
      if (normalised === undefined) throw new Error(`invalid value for ${key}: ${value}`);
      e.value = normalised;
    }
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): string | undefined {
    return this.entries.get(key)?.value;
  }

  int(key: string): number {
    const n = Number(this.get(key) ?? '0');
    return Number.isFinite(n) ? n : 0;
  }

  bool(key: string): boolean {
    return this.get(key) === 'true';
  }

  list(key: string): string[] {
    return (this.get(key) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  }

  /** Make a key read-only with this value (an implementation choice §9 allows for keys marked "R or RW"). */
  pin(key: string, value: string): void {
    const e = this.entries.get(key);
    if (!e) throw new Error(`unknown configuration key ${key}`);
    e.value = value;
    e.pinned = true;
  }

  /** Set a value from inside the charge point (e.g. HeartbeatInterval from BootNotification.conf). */
  setInternal(key: string, value: string): void {
    const e = this.entries.get(key);
    if (e) e.value = value;
  }

  /**
   * A key beyond chapter 9 (the Security Whitepaper's, §3.1), stored as text; its owner module
   * validates changes to it before they reach change().
   */
  define(key: string, opts: { readonly: boolean; value: string; writeOnly?: boolean }): void {
    const def: KeyDef = { profile: 'Core', readonly: opts.readonly, type: TEXT, value: fixed(opts.value) };
    this.entries.set(key, { def, value: opts.value, ...(opts.writeOnly ? { writeOnly: true } : {}) });
  }

  onChange(listener: (key: string, value: string) => void): void {
    this.listeners.add(listener);
  }

  /** §5.3 ChangeConfiguration. */
  change(key: string, value: string): ChangeStatus {
    const e = this.entries.get(key);
    if (!e) return 'NotSupported';
    if (e.def.readonly || e.pinned) return 'Rejected';
    const normalised = this.normalise(e.def.type, value);
    if (normalised === undefined) return 'Rejected';
    e.value = normalised;
    for (const l of this.listeners) l(key, normalised);
    return e.def.rebootRequired ? 'RebootRequired' : 'Accepted';
  }

  /** §5.8 GetConfiguration: all keys for an empty list; at most GetConfigurationMaxKeys keys answered. */
  getConfiguration(keys: string[]): { result: Payload; ignored: string[] } {
    const view = (key: string, e: Entry): Payload =>
      (e.writeOnly ? { key, readonly: false } : { key, readonly: e.def.readonly || !!e.pinned, value: e.value });
    if (keys.length === 0) {
      return { result: { configurationKey: [...this.entries].map(([k, e]) => view(k, e)) }, ignored: [] };
    }
    const max = Math.max(1, this.int('GetConfigurationMaxKeys'));
    const asked = keys.slice(0, max);
    const known: Payload[] = [];
    const unknown: string[] = [];
    for (const k of asked) {
      const e = this.entries.get(k);
      if (e) known.push(view(k, e));
      else unknown.push(k);
    }
    const result: Payload = { configurationKey: known };
    if (unknown.length) result.unknownKey = unknown;
    return { result, ignored: keys.slice(max) };
  }

  /** The stored form of a value, or undefined when the value is not acceptable. */
  private normalise(type: KeyType, value: string): string | undefined {
    const v = value.trim();
    switch (type.kind) {
      case 'int': {
        if (!/^-?\d+$/.test(v)) return undefined;
        const n = Number(v);
        if ((type.min !== undefined && n < type.min) || (type.max !== undefined && n > type.max)) return undefined;
        return String(n);
      }
      case 'bool':
        return /^(true|false)$/i.test(v) ? v.toLowerCase() : undefined;
      case 'measurands': {
        const items = v.split(',').map((s) => s.trim()).filter(Boolean);
        const max = this.entries.get(type.maxKey) ? this.int(type.maxKey) : Infinity;
        if (items.length > max) return undefined;
        // §3.16.4: a list with a measurand this charge point does not support is Rejected as a whole.
        return items.every((m) => SUPPORTED_MEASURANDS.has(m)) ? items.join(',') : undefined;
      }
      case 'phaseRotation': {
        const items = v.split(',').map((s) => s.trim()).filter(Boolean);
        const ok =
          items.length > 0 &&
          items.every((item) => {
            const m = /^(?:(\d+)\.)?([A-Za-z]+)$/.exec(item);
            return !!m && PHASE_ROTATIONS.has(m[2]!) && (m[1] === undefined || Number(m[1]) === 0 || this.connectorIds.includes(Number(m[1])));
          });
        return ok ? items.join(',') : undefined;
      }
      case 'text':
        return v;
    }
  }
}
