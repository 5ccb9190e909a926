// The variables the reference charging station reports: what the B, E, J and P tables read and set,
// as a typical AC charger with socket outlets would have them (Part 2 appendices, "Referenced
// Components and Variables"). Computed values (AvailabilityState, DateTime) read live state.

import { CERTIFICATE_ENTRIES_MAX } from './certificates.js';
import { DeviceModel, type DeviceModelQuirks, type VariableDef } from './device-model.js';

export const TX_POINTS = 'ParkingBayOccupancy,EVConnected,Authorized,PowerPathClosed,EnergyTransfer';
export const MEASURANDS = 'Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage';
export const CLOCK_SOURCES = 'Heartbeat,NTP,GPS,RealTimeClock,MobileNetwork,RadioTimeTransmitter';
/** Network profile slots the station has (SetNetworkProfile accepts these only). */
export const NETWORK_SLOTS = [1, 2] as const;

export interface DeviceModelInputs {
  evses: number[];
  identity: string;
  vendor: string;
  model: string;
  heartbeatIntervalS: number;
  messageTimeoutS: number;
  securityProfile: number;
  /** SecurityCtrlr.AdditionalRootCertificateCheck. */
  additionalRootCertificateCheck: boolean;
  /** Certificates installed (SecurityCtrlr.CertificateEntries). */
  certificateEntries: () => number;
  stationAvailability: () => string;
  evseAvailability: (evseId: number) => string;
  connectorAvailability: (evseId: number, connectorId: number) => string;
  /** NetworkConfigurationPriority may name only slots that hold a profile. */
  slotHasProfile: (slot: number) => boolean;
}

type Def = Omit<VariableDef, 'name' | 'variable'>;

export function buildDeviceModel(inputs: DeviceModelInputs, quirks: DeviceModelQuirks): DeviceModel {
  const dm = new DeviceModel(quirks);
  const add = (component: string, variable: string, def: Def): void => dm.define({ name: component, variable, ...def });
  const rw = (dataType: VariableDef['dataType'], value: string, extra: Partial<Def> = {}): Def => ({ dataType, value, mutability: 'ReadWrite', ...extra });
  const ro = (dataType: VariableDef['dataType'], value: string, extra: Partial<Def> = {}): Def => ({ dataType, value, mutability: 'ReadOnly', ...extra });
  const seconds = { unit: 's', minLimit: 0, maxLimit: 86400 };

  // OCPPCommCtrlr
  add('OCPPCommCtrlr', 'ActiveNetworkProfile', ro('integer', '1'));
  add('OCPPCommCtrlr', 'FileTransferProtocols', ro('MemberList', 'HTTP,HTTPS', { valuesList: 'FTP,FTPS,HTTP,HTTPS,SFTP' }));
  add('OCPPCommCtrlr', 'HeartbeatInterval', rw('integer', String(inputs.heartbeatIntervalS), { ...seconds, minLimit: 1 }));
  add('OCPPCommCtrlr', 'MessageTimeout', ro('integer', String(inputs.messageTimeoutS), { variableInstance: 'Default', unit: 's' }));
  add('OCPPCommCtrlr', 'MessageAttemptInterval', rw('integer', '10', { variableInstance: 'TransactionEvent', ...seconds }));
  add('OCPPCommCtrlr', 'MessageAttempts', rw('integer', '3', { variableInstance: 'TransactionEvent', minLimit: 1, maxLimit: 10 }));
  add('OCPPCommCtrlr', 'NetworkConfigurationPriority', rw('SequenceList', '1', {
    valuesList: '1,2',
    rebootRequired: true,
    accept: (v) => v.split(',').every((s) => inputs.slotHasProfile(Number(s))),
  }));
  add('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', rw('integer', '3', { minLimit: 1, maxLimit: 100 }));
  add('OCPPCommCtrlr', 'OfflineThreshold', rw('integer', '60', seconds));
  add('OCPPCommCtrlr', 'QueueAllMessages', ro('boolean', 'false'));
  add('OCPPCommCtrlr', 'ResetRetries', rw('integer', '2', { minLimit: 0, maxLimit: 10 }));
  add('OCPPCommCtrlr', 'RetryBackOffRandomRange', rw('integer', '0', seconds));
  add('OCPPCommCtrlr', 'RetryBackOffRepeatTimes', rw('integer', '3', { minLimit: 0, maxLimit: 20 }));
  add('OCPPCommCtrlr', 'RetryBackOffWaitMinimum', rw('integer', '0', seconds));
  add('OCPPCommCtrlr', 'UnlockOnEVSideDisconnect', rw('boolean', 'true'));
  add('OCPPCommCtrlr', 'WebSocketPingInterval', rw('integer', '0', seconds));

  // TxCtrlr
  add('TxCtrlr', 'EVConnectionTimeOut', rw('integer', '60', seconds));
  add('TxCtrlr', 'MaxEnergyOnInvalidId', rw('integer', '0', { unit: 'Wh', minLimit: 0 }));
  add('TxCtrlr', 'StopTxOnEVSideDisconnect', rw('boolean', 'true'));
  add('TxCtrlr', 'StopTxOnInvalidId', rw('boolean', 'true'));
  add('TxCtrlr', 'TxBeforeAcceptedEnabled', ro('boolean', 'false'));
  add('TxCtrlr', 'TxStartPoint', rw('MemberList', 'PowerPathClosed', { valuesList: TX_POINTS }));
  add('TxCtrlr', 'TxStopPoint', rw('MemberList', 'EVConnected,Authorized', { valuesList: TX_POINTS }));

  // SampledDataCtrlr and AlignedDataCtrlr (0 s: off until a test sets an interval)
  const measurands = (value: string): Def => rw('MemberList', value, { valuesList: MEASURANDS, allowEmpty: true });
  add('SampledDataCtrlr', 'Available', ro('boolean', 'true'));
  add('SampledDataCtrlr', 'Enabled', rw('boolean', 'true'));
  add('SampledDataCtrlr', 'SignReadings', ro('boolean', 'false'));
  add('SampledDataCtrlr', 'RegisterValuesWithoutPhases', ro('boolean', 'true'));
  add('SampledDataCtrlr', 'TxEndedInterval', rw('integer', '0', seconds));
  add('SampledDataCtrlr', 'TxEndedMeasurands', measurands('Energy.Active.Import.Register'));
  add('SampledDataCtrlr', 'TxStartedMeasurands', measurands('Energy.Active.Import.Register'));
  add('SampledDataCtrlr', 'TxUpdatedInterval', rw('integer', '0', seconds));
  add('SampledDataCtrlr', 'TxUpdatedMeasurands', measurands('Energy.Active.Import.Register,Power.Active.Import'));
  add('AlignedDataCtrlr', 'Available', ro('boolean', 'true'));
  add('AlignedDataCtrlr', 'Enabled', rw('boolean', 'true'));
  add('AlignedDataCtrlr', 'Interval', rw('integer', '0', seconds));
  add('AlignedDataCtrlr', 'Measurands', measurands('Energy.Active.Import.Register'));
  add('AlignedDataCtrlr', 'SendDuringIdle', rw('boolean', 'false'));
  add('AlignedDataCtrlr', 'SignReadings', ro('boolean', 'false'));
  add('AlignedDataCtrlr', 'TxEndedInterval', rw('integer', '0', seconds));
  add('AlignedDataCtrlr', 'TxEndedMeasurands', measurands('Energy.Active.Import.Register'));

  // AuthCtrlr and AuthCacheCtrlr
  add('AuthCtrlr', 'AuthorizeRemoteStart', rw('boolean', 'false'));
  add('AuthCtrlr', 'Enabled', rw('boolean', 'true'));
  add('AuthCtrlr', 'LocalAuthorizeOffline', rw('boolean', 'true'));
  add('AuthCtrlr', 'LocalPreAuthorize', rw('boolean', 'false'));
  add('AuthCtrlr', 'OfflineTxForUnknownIdEnabled', rw('boolean', 'false'));
  add('AuthCtrlr', 'DisableRemoteAuthorization', rw('boolean', 'false'));
  add('AuthCacheCtrlr', 'Available', ro('boolean', 'true'));
  add('AuthCacheCtrlr', 'Enabled', rw('boolean', 'true'));

  // DeviceDataCtrlr
  for (const [instance, items] of [['GetReport', '10'], ['GetVariables', '20'], ['SetVariables', '20']] as const) {
    add('DeviceDataCtrlr', 'ItemsPerMessage', ro('integer', items, { variableInstance: instance }));
    add('DeviceDataCtrlr', 'BytesPerMessage', ro('integer', '65000', { variableInstance: instance }));
  }
  add('DeviceDataCtrlr', 'ConfigurationValueSize', ro('integer', '1000'));
  add('DeviceDataCtrlr', 'ReportingValueSize', ro('integer', '1000'));
  add('DeviceDataCtrlr', 'ValueSize', ro('integer', '1000'));

  // ClockCtrlr
  add('ClockCtrlr', 'DateTime', ro('dateTime', '', { read: () => new Date().toISOString() }));
  add('ClockCtrlr', 'NextTimeOffsetTransitionDateTime', rw('dateTime', '2027-03-28T01:00:00.000Z'));
  add('ClockCtrlr', 'TimeSource', rw('SequenceList', 'Heartbeat', { valuesList: CLOCK_SOURCES }));

  // SecurityCtrlr
  add('SecurityCtrlr', 'BasicAuthPassword', { dataType: 'string', value: '', mutability: 'WriteOnly', minLimit: 16, maxLimit: 40, accept: (v) => v.length >= 16 && v.length <= 40 });
  add('SecurityCtrlr', 'AdditionalRootCertificateCheck', ro('boolean', String(inputs.additionalRootCertificateCheck)));
  add('SecurityCtrlr', 'CertificateEntries', ro('integer', '0', { maxLimit: CERTIFICATE_ENTRIES_MAX, read: () => String(inputs.certificateEntries()) }));
  add('SecurityCtrlr', 'Identity', ro('string', inputs.identity));
  add('SecurityCtrlr', 'OrganizationName', rw('string', 'ocpp-harness', { maxLimit: 64 }));
  add('SecurityCtrlr', 'SecurityProfile', ro('integer', String(inputs.securityProfile)));

  // ChargingStation, EVSE, Connector
  const availability = 'Available,Occupied,Reserved,Unavailable,Faulted';
  add('ChargingStation', 'AvailabilityState', ro('OptionList', '', { valuesList: availability, read: inputs.stationAvailability }));
  add('ChargingStation', 'Available', ro('boolean', 'true'));
  add('ChargingStation', 'Model', ro('string', inputs.model));
  add('ChargingStation', 'SupplyPhases', ro('integer', '3'));
  add('ChargingStation', 'VendorName', ro('string', inputs.vendor));
  for (const evseId of inputs.evses) {
    const evse = { evseId };
    add('EVSE', 'AllowReset', ro('boolean', 'true', evse));
    add('EVSE', 'AvailabilityState', ro('OptionList', '', { ...evse, valuesList: availability, read: () => inputs.evseAvailability(evseId) }));
    add('EVSE', 'Available', ro('boolean', 'true', evse));
    add('EVSE', 'Power', ro('decimal', '22000', { ...evse, unit: 'W', maxLimit: 22000 }));
    add('EVSE', 'SupplyPhases', ro('integer', '3', evse));
    const connector = { evseId, connectorId: 1 };
    add('Connector', 'AvailabilityState', ro('OptionList', '', { ...connector, valuesList: availability, read: () => inputs.connectorAvailability(evseId, 1) }));
    add('Connector', 'Available', ro('boolean', 'true', connector));
    add('Connector', 'ConnectorType', ro('string', 'sType2', connector));
    add('Connector', 'SupplyPhases', ro('integer', '3', connector));
  }
  return dm;
}
