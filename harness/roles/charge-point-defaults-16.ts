// How the harness answers a CSMS when it plays the charge point and the case says nothing else.
// It only answers; what a charge point then does (start a transaction …) the case scripts itself.
import type { HarnessConfig } from '../config/types.js';
import type { HandlerTable, Link } from './link.js';

interface ConfigEntry { value: string; readonly: boolean }

export function configurationOf(link: Link, cfg: HarnessConfig): Map<string, ConfigEntry> {
  if (!link.state.configuration) {
    const entries: [string, ConfigEntry][] = [
      ['HeartbeatInterval', { value: String(cfg.intervals.heartbeatS), readonly: false }],
      ['MeterValueSampleInterval', { value: String(cfg.intervals.meterSampleS), readonly: false }],
      ['ConnectionTimeOut', { value: '30', readonly: false }],
      ['NumberOfConnectors', { value: String(cfg.connectorIds.length), readonly: true }],
      ['SupportedFeatureProfiles', { value: 'Core,RemoteTrigger', readonly: true }],
      ['MeterValuesSampledData', { value: 'Energy.Active.Import.Register', readonly: false }],
      ['AuthorizeRemoteTxRequests', { value: 'false', readonly: false }],
      ['LocalPreAuthorize', { value: 'false', readonly: false }],
      ['StopTransactionOnEVSideDisconnect', { value: 'true', readonly: false }],
      ['GetConfigurationMaxKeys', { value: '50', readonly: true }],
    ];
    link.state.configuration = new Map(entries);
  }
  return link.state.configuration as Map<string, ConfigEntry>;
}

export function chargePointDefaults16(cfg: HarnessConfig): HandlerTable {
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
    RemoteStartTransaction: () => ({ status: 'Accepted' }),
    RemoteStopTransaction: () => ({ status: 'Accepted' }),
    Reset: () => ({ status: 'Accepted' }),
    UnlockConnector: () => ({ status: 'Unlocked' }),
    ChangeAvailability: () => ({ status: 'Accepted' }),
    ClearCache: () => ({ status: 'Accepted' }),
    DataTransfer: () => ({ status: 'UnknownVendorId' }),
    TriggerMessage: () => ({ status: 'Accepted' }),
    GetLocalListVersion: () => ({ listVersion: 0 }),
    SendLocalList: () => ({ status: 'NotSupported' }),
    ReserveNow: () => ({ status: 'Rejected' }),
    CancelReservation: () => ({ status: 'Rejected' }),
    SetChargingProfile: () => ({ status: 'NotSupported' }),
    ClearChargingProfile: () => ({ status: 'Unknown' }),
    GetCompositeSchedule: () => ({ status: 'Rejected' }),
    GetDiagnostics: () => ({}),
    UpdateFirmware: () => ({}),
  };
}
