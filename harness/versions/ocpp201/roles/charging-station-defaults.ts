// How the harness answers a CSMS when it plays the charging station and the case says nothing else: as
// a Core-profile AC charging station with the device model below. It only answers; what a station then
// does (a NotifyReport after GetBaseReport, a TransactionEvent after RequestStartTransaction …) the case
// scripts itself. Cases override answers per case with `link.handle(...)`.
import type { HarnessConfig } from '../../../config/types.js';
import type { HandlerTable, Link } from '../../../roles/link.js';
import { DeviceModel, type VariableEntry } from '../device-model.js';
import { certificateHandlers201, type StationCertificateStore } from './charging-station-certificates.js';

/** The harness station's device model: the Core controllers of Part 5 §5 with the variables cases use. */
export function harnessDeviceModel(cfg: HarnessConfig): VariableEntry[] {
  const rw = (component: string, variable: string, value: string, dataType: VariableEntry['dataType'], valuesList?: string): VariableEntry =>
    ({ component, variable, value, mutability: 'ReadWrite', dataType, ...(valuesList ? { valuesList } : {}) });
  const ro = (component: string, variable: string, value: string, dataType: VariableEntry['dataType']): VariableEntry =>
    ({ component, variable, value, mutability: 'ReadOnly', dataType });
  return [
    rw('OCPPCommCtrlr', 'HeartbeatInterval', String(cfg.intervals.heartbeatS), 'integer'),
    rw('OCPPCommCtrlr', 'NetworkConfigurationPriority', '1', 'SequenceList'),
    ro('OCPPCommCtrlr', 'NetworkProfileConnectionAttempts', '3', 'integer'),
    rw('OCPPCommCtrlr', 'OfflineThreshold', '60', 'integer'),
    ro('OCPPCommCtrlr', 'MessageAttempts', '3', 'integer'),
    ro('OCPPCommCtrlr', 'MessageAttemptInterval', '10', 'integer'),
    rw('OCPPCommCtrlr', 'ResetRetries', '2', 'integer'),
    rw('TxCtrlr', 'EVConnectionTimeOut', '60', 'integer'),
    rw('TxCtrlr', 'StopTxOnEVSideDisconnect', 'true', 'boolean'),
    rw('TxCtrlr', 'StopTxOnInvalidId', 'true', 'boolean'),
    rw('TxCtrlr', 'TxStartPoint', 'PowerPathClosed', 'MemberList', 'ParkingBayOccupancy,EVConnected,Authorized,DataSigned,PowerPathClosed,EnergyTransfer'),
    rw('TxCtrlr', 'TxStopPoint', 'EVConnected,Authorized', 'MemberList', 'ParkingBayOccupancy,EVConnected,Authorized,DataSigned,PowerPathClosed,EnergyTransfer'),
    rw('SampledDataCtrlr', 'TxUpdatedInterval', String(cfg.intervals.meterSampleS), 'integer'),
    rw('SampledDataCtrlr', 'TxUpdatedMeasurands', 'Energy.Active.Import.Register', 'MemberList'),
    rw('SampledDataCtrlr', 'TxEndedMeasurands', 'Energy.Active.Import.Register', 'MemberList'),
    rw('SampledDataCtrlr', 'TxStartedMeasurands', 'Energy.Active.Import.Register', 'MemberList'),
    rw('AlignedDataCtrlr', 'Interval', '900', 'integer'),
    rw('AlignedDataCtrlr', 'Measurands', 'Energy.Active.Import.Register', 'MemberList'),
    rw('AlignedDataCtrlr', 'TxEndedInterval', '900', 'integer'),
    rw('AlignedDataCtrlr', 'TxEndedMeasurands', 'Energy.Active.Import.Register', 'MemberList'),
    rw('AuthCtrlr', 'AuthorizeRemoteStart', 'true', 'boolean'),
    rw('AuthCtrlr', 'LocalAuthorizeOffline', 'true', 'boolean'),
    rw('AuthCtrlr', 'LocalPreAuthorize', 'false', 'boolean'),
    ro('DeviceDataCtrlr', 'ItemsPerMessage', '20', 'integer'),
    ro('DeviceDataCtrlr', 'BytesPerMessage', '8000', 'integer'),
    ro('ClockCtrlr', 'DateTime', new Date().toISOString(), 'dateTime'),
    rw('ClockCtrlr', 'TimeSource', 'Heartbeat', 'SequenceList'),
    ro('SecurityCtrlr', 'SecurityProfile', String(cfg.security?.profile ?? 0), 'integer'),
    rw('SecurityCtrlr', 'OrganizationName', cfg.security?.cpoName ?? 'ocpp-harness', 'string'),
  ];
}

export function deviceModelOf(link: Link, cfg: HarnessConfig): DeviceModel {
  return ((link.state.deviceModel as DeviceModel | undefined) ??= new DeviceModel(harnessDeviceModel(cfg)));
}

type VariableRef = { component?: { name?: string }; variable?: { name?: string }; attributeType?: string };

/** `certificates`: the station's store for InstallCertificate, GetInstalledCertificateIds and DeleteCertificate (M03–M05). */
export function chargingStationDefaults201(cfg: HarnessConfig, certificates?: StationCertificateStore): HandlerTable {
  return {
    ...(certificates ? certificateHandlers201(certificates) : {}),
    GetVariables: (p, _c, link) => ({
      getVariableResult: ((p.getVariableData as VariableRef[]) ?? []).map((d) => {
        const got = deviceModelOf(link, cfg).get(d.component?.name ?? '', d.variable?.name ?? '', d.attributeType);
        return {
          attributeStatus: got.status, component: d.component, variable: d.variable,
          ...(d.attributeType ? { attributeType: d.attributeType } : {}),
          ...(got.value !== undefined ? { attributeValue: got.value } : {}),
        };
      }),
    }),
    SetVariables: (p, _c, link) => ({
      setVariableResult: ((p.setVariableData as (VariableRef & { attributeValue?: string })[]) ?? []).map((d) => ({
        attributeStatus: deviceModelOf(link, cfg).set(d.component?.name ?? '', d.variable?.name ?? '', String(d.attributeValue ?? ''), d.attributeType),
        component: d.component, variable: d.variable, ...(d.attributeType ? { attributeType: d.attributeType } : {}),
      })),
    }),
    GetBaseReport: (p) => ({ status: p.reportBase === 'SummaryInventory' ? 'NotSupported' : 'Accepted' }),
    GetReport: () => ({ status: 'Accepted' }),
    Reset: () => ({ status: 'Accepted' }),
    RequestStartTransaction: () => ({ status: 'Accepted' }),
    RequestStopTransaction: () => ({ status: 'Rejected' }),
    GetTransactionStatus: () => ({ messagesInQueue: false }),
    TriggerMessage: () => ({ status: 'Accepted' }),
    SetNetworkProfile: () => ({ status: 'Accepted' }),
    ChangeAvailability: () => ({ status: 'Accepted' }),
    UnlockConnector: () => ({ status: 'Unlocked' }),
    ClearCache: () => ({ status: 'Accepted' }),
    DataTransfer: () => ({ status: 'UnknownVendorId' }),
  };
}
