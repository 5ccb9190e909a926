// The independent 2.0.1 station's device model: the components and variables of Part 2 Appendix 3 that a
// one-EVSE, one-connector AC charger without local lists, cache or smart charging would carry. Written from
// the appendices, not from the harness's device model. Only the Actual attribute exists here.
export type DataType = 'string' | 'decimal' | 'integer' | 'dateTime' | 'boolean' | 'OptionList' | 'SequenceList' | 'MemberList';
export type Mutability = 'ReadOnly' | 'WriteOnly' | 'ReadWrite';

export interface ComponentRef { name: string; instance?: string; evse?: { id: number; connectorId?: number } }
export interface VariableRef { name: string; instance?: string }

interface Variable {
  component: ComponentRef;
  variable: VariableRef;
  value: string;
  mutability: Mutability;
  dataType: DataType;
  valuesList?: string;
  unit?: string;
  /** Set by the CSMS: the station must reboot before it takes effect (B05.FR.04). */
  rebootRequired?: boolean;
}

const MEASURANDS = 'Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage';
const POINTS = 'EVConnected,Authorized,PowerPathClosed,EnergyTransfer';
const AVAILABILITY = 'Available,Occupied,Reserved,Unavailable,Faulted';

function v(component: ComponentRef, name: string, value: string, mutability: Mutability, dataType: DataType, extra: Partial<Variable> & { instance?: string } = {}): Variable {
  const { instance, ...rest } = extra;
  return { component, variable: instance ? { name, instance } : { name }, value, mutability, dataType, ...rest };
}

function initialVariables(securityProfile: number, identity: string): Variable[] {
  const cs = { name: 'ChargingStation' };
  const evse = { name: 'EVSE', evse: { id: 1 } };
  const connector = { name: 'Connector', evse: { id: 1, connectorId: 1 } };
  const comm = { name: 'OCPPCommCtrlr' };
  const data = { name: 'DeviceDataCtrlr' };
  const clock = { name: 'ClockCtrlr' };
  const auth = { name: 'AuthCtrlr' };
  const tx = { name: 'TxCtrlr' };
  const sampled = { name: 'SampledDataCtrlr' };
  const aligned = { name: 'AlignedDataCtrlr' };
  const security = { name: 'SecurityCtrlr' };
  return [
    v(cs, 'AvailabilityState', 'Available', 'ReadOnly', 'OptionList', { valuesList: AVAILABILITY }),
    v(cs, 'Available', 'true', 'ReadOnly', 'boolean'),
    v(cs, 'SupplyPhases', '3', 'ReadOnly', 'integer'),
    v(evse, 'AvailabilityState', 'Available', 'ReadOnly', 'OptionList', { valuesList: AVAILABILITY }),
    v(evse, 'Available', 'true', 'ReadOnly', 'boolean'),
    v(evse, 'Power', '0', 'ReadOnly', 'decimal', { unit: 'W' }),
    v(evse, 'SupplyPhases', '3', 'ReadOnly', 'integer'),
    v(connector, 'AvailabilityState', 'Available', 'ReadOnly', 'OptionList', { valuesList: AVAILABILITY }),
    v(connector, 'Available', 'true', 'ReadOnly', 'boolean'),
    v(connector, 'ConnectorType', 'cType2', 'ReadOnly', 'string'),
    v(connector, 'SupplyPhases', '3', 'ReadOnly', 'integer'),
    v(comm, 'ActiveNetworkProfile', '0', 'ReadOnly', 'integer'),
    v(comm, 'FileTransferProtocols', 'HTTP,HTTPS', 'ReadOnly', 'MemberList', { valuesList: 'FTP,FTPS,HTTP,HTTPS,SFTP' }),
    v(comm, 'HeartbeatInterval', '300', 'ReadWrite', 'integer', { unit: 's' }),
    v(comm, 'MessageTimeout', '30', 'ReadOnly', 'integer', { instance: 'Default', unit: 's' }),
    v(comm, 'MessageAttemptInterval', '5', 'ReadWrite', 'integer', { instance: 'TransactionEvent', unit: 's' }),
    v(comm, 'MessageAttempts', '3', 'ReadWrite', 'integer', { instance: 'TransactionEvent' }),
    v(comm, 'NetworkConfigurationPriority', '0', 'ReadWrite', 'SequenceList', { valuesList: '0,1,2' }),
    v(comm, 'NetworkProfileConnectionAttempts', '3', 'ReadWrite', 'integer'),
    v(comm, 'OfflineThreshold', '60', 'ReadWrite', 'integer', { unit: 's' }),
    v(comm, 'ResetRetries', '2', 'ReadWrite', 'integer'),
    v(comm, 'RetryBackOffRandomRange', '0', 'ReadWrite', 'integer', { unit: 's' }),
    v(comm, 'RetryBackOffRepeatTimes', '3', 'ReadWrite', 'integer'),
    v(comm, 'RetryBackOffWaitMinimum', '1', 'ReadWrite', 'integer', { unit: 's' }),
    v(comm, 'UnlockOnEVSideDisconnect', 'true', 'ReadOnly', 'boolean'),
    v(comm, 'WebSocketPingInterval', '0', 'ReadWrite', 'integer', { unit: 's' }),
    v(data, 'ItemsPerMessage', '8', 'ReadOnly', 'integer', { instance: 'GetReport' }),
    v(data, 'ItemsPerMessage', '16', 'ReadOnly', 'integer', { instance: 'GetVariables' }),
    v(data, 'ItemsPerMessage', '16', 'ReadOnly', 'integer', { instance: 'SetVariables' }),
    v(data, 'BytesPerMessage', '65000', 'ReadOnly', 'integer', { instance: 'GetReport' }),
    v(data, 'BytesPerMessage', '65000', 'ReadOnly', 'integer', { instance: 'GetVariables' }),
    v(data, 'BytesPerMessage', '65000', 'ReadOnly', 'integer', { instance: 'SetVariables' }),
    v(clock, 'DateTime', '', 'ReadOnly', 'dateTime'),
    v(clock, 'TimeSource', 'Heartbeat', 'ReadWrite', 'SequenceList', { valuesList: 'Heartbeat,NTP,RealTimeClock' }),
    v(auth, 'Enabled', 'true', 'ReadOnly', 'boolean'),
    v(auth, 'AuthorizeRemoteStart', 'false', 'ReadWrite', 'boolean'),
    v(auth, 'LocalAuthorizeOffline', 'false', 'ReadWrite', 'boolean'),
    v(auth, 'LocalPreAuthorize', 'false', 'ReadWrite', 'boolean'),
    v(tx, 'EVConnectionTimeOut', '30', 'ReadWrite', 'integer', { unit: 's' }),
    v(tx, 'StopTxOnEVSideDisconnect', 'true', 'ReadOnly', 'boolean'),
    v(tx, 'StopTxOnInvalidId', 'true', 'ReadWrite', 'boolean'),
    v(tx, 'TxStartPoint', 'PowerPathClosed', 'ReadWrite', 'MemberList', { valuesList: POINTS }),
    v(tx, 'TxStopPoint', 'EVConnected,Authorized', 'ReadWrite', 'MemberList', { valuesList: POINTS }),
    v(sampled, 'Enabled', 'true', 'ReadWrite', 'boolean'),
    v(sampled, 'TxStartedMeasurands', 'Energy.Active.Import.Register', 'ReadWrite', 'MemberList', { valuesList: MEASURANDS }),
    v(sampled, 'TxUpdatedMeasurands', 'Energy.Active.Import.Register', 'ReadWrite', 'MemberList', { valuesList: MEASURANDS }),
    v(sampled, 'TxUpdatedInterval', '0', 'ReadWrite', 'integer', { unit: 's' }),
    v(sampled, 'TxEndedMeasurands', 'Energy.Active.Import.Register', 'ReadWrite', 'MemberList', { valuesList: MEASURANDS }),
    v(sampled, 'TxEndedInterval', '0', 'ReadWrite', 'integer', { unit: 's' }),
    v(aligned, 'Enabled', 'true', 'ReadWrite', 'boolean'),
    v(aligned, 'Measurands', 'Energy.Active.Import.Register', 'ReadWrite', 'MemberList', { valuesList: MEASURANDS }),
    v(aligned, 'Interval', '0', 'ReadWrite', 'integer', { unit: 's' }),
    v(aligned, 'TxEndedMeasurands', 'Energy.Active.Import.Register', 'ReadWrite', 'MemberList', { valuesList: MEASURANDS }),
    v(aligned, 'TxEndedInterval', '0', 'ReadWrite', 'integer', { unit: 's' }),
    v(aligned, 'SendDuringIdle', 'false', 'ReadWrite', 'boolean'),
    v(security, 'SecurityProfile', String(securityProfile), 'ReadOnly', 'integer'),
    v(security, 'OrganizationName', 'Independent Charging', 'ReadWrite', 'string'),
    v(security, 'CertificateEntries', '0', 'ReadOnly', 'integer'),
    v(security, 'Identity', identity, 'ReadOnly', 'string'),
  ];
}

export type GetVariableStatus = 'Accepted' | 'Rejected' | 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType';
export type SetVariableStatus = GetVariableStatus | 'RebootRequired';

function sameComponent(a: ComponentRef, b: ComponentRef): boolean {
  return a.name === b.name && (a.instance ?? '') === (b.instance ?? '')
    && (a.evse?.id ?? 0) === (b.evse?.id ?? 0) && (a.evse?.connectorId ?? 0) === (b.evse?.connectorId ?? 0);
}

export class DeviceModel {
  private readonly variables: Variable[];

  constructor(securityProfile: number, identity: string) {
    this.variables = initialVariables(securityProfile, identity);
  }

  private find(component: ComponentRef, variable: VariableRef): Variable | undefined {
    return this.variables.find((x) => sameComponent(x.component, component)
      && x.variable.name === variable.name && (x.variable.instance ?? '') === (variable.instance ?? ''));
  }

  private knowsComponent(component: ComponentRef): boolean {
    return this.variables.some((x) => sameComponent(x.component, component));
  }

  /** The station's own reading of a value (no CSMS rules). */
  value(component: string, variable: string, instance?: string): string {
    const found = this.find({ name: component }, instance ? { name: variable, instance } : { name: variable });
    if (!found) throw new Error(`no ${component}.${variable}`);
    return found.variable.name === 'DateTime' ? new Date().toISOString() : found.value;
  }

  number(component: string, variable: string, instance?: string): number {
    return Number(this.value(component, variable, instance));
  }

  list(component: string, variable: string): string[] {
    return this.value(component, variable).split(',').map((s) => s.trim()).filter(Boolean);
  }

  /** The station itself changes a value (status, a heartbeat interval from the CSMS). */
  update(component: ComponentRef, variable: string, value: string): void {
    const found = this.find(component, { name: variable });
    if (found) found.value = value;
  }

  /** A value the station is built with and the CSMS cannot change (a product variant). */
  fix(component: string, variable: string, value: string): void {
    const found = this.find({ name: component }, { name: variable });
    if (!found) throw new Error(`no ${component}.${variable}`);
    found.value = value;
    found.mutability = 'ReadOnly';
  }

  /** The values a list variable may take (its valuesList). */
  allowed(component: string, variable: string): string[] {
    return this.find({ name: component }, { name: variable })?.valuesList?.split(',') ?? [];
  }

  /** A product with fewer options: a smaller valuesList. */
  restrict(component: string, variable: string, valuesList: string): void {
    const found = this.find({ name: component }, { name: variable });
    if (!found) throw new Error(`no ${component}.${variable}`);
    found.valuesList = valuesList;
  }

  get(component: ComponentRef, variable: VariableRef, attributeType = 'Actual'): { status: GetVariableStatus; value?: string } {
    const found = this.find(component, variable);
    if (!found) return { status: this.knowsComponent(component) ? 'UnknownVariable' : 'UnknownComponent' };
    if (attributeType !== 'Actual') return { status: 'NotSupportedAttributeType' };
    if (found.mutability === 'WriteOnly') return { status: 'Rejected' };
    return { status: 'Accepted', value: found.variable.name === 'DateTime' ? new Date().toISOString() : found.value };
  }

  set(component: ComponentRef, variable: VariableRef, value: string, attributeType = 'Actual'): SetVariableStatus {
    const found = this.find(component, variable);
    if (!found) return this.knowsComponent(component) ? 'UnknownVariable' : 'UnknownComponent';
    if (attributeType !== 'Actual') return 'NotSupportedAttributeType';
    if (found.mutability === 'ReadOnly' || !acceptable(found, value)) return 'Rejected';
    found.value = value;
    return 'Accepted';
  }

  /** ReportData entries for GetBaseReport (B07): all, or only what the CSMS can write. */
  report(base: 'FullInventory' | 'ConfigurationInventory'): Record<string, unknown>[] {
    return this.variables
      .filter((x) => base === 'FullInventory' || x.mutability !== 'ReadOnly')
      .map((x) => {
        const attribute: Record<string, unknown> = { type: 'Actual', mutability: x.mutability, persistent: true, constant: x.mutability === 'ReadOnly' };
        if (x.mutability !== 'WriteOnly') attribute.value = x.variable.name === 'DateTime' ? new Date().toISOString() : x.value;
        const characteristics: Record<string, unknown> = { dataType: x.dataType, supportsMonitoring: false };
        if (x.valuesList) characteristics.valuesList = x.valuesList;
        if (x.unit) characteristics.unit = x.unit;
        return { component: x.component, variable: x.variable, variableAttribute: [attribute], variableCharacteristics: characteristics };
      });
  }
}

function acceptable(x: Variable, value: string): boolean {
  const allowed = x.valuesList?.split(',');
  switch (x.dataType) {
    case 'integer': return /^\d+$/.test(value);
    case 'decimal': return /^-?\d+(\.\d+)?$/.test(value);
    case 'boolean': return value === 'true' || value === 'false';
    case 'dateTime': return !Number.isNaN(Date.parse(value));
    case 'OptionList': return !allowed || allowed.includes(value);
    case 'MemberList':
    case 'SequenceList': {
      // A measurand list may be empty (nothing sampled); a Tx point list may not: no transaction would start or stop.
      if (value === '' && x.variable.name.endsWith('Measurands')) return true;
      const items = value.split(',').map((s) => s.trim());
      if (items.some((s) => s === '')) return false;
      return !allowed || items.every((s) => allowed.includes(s));
    }
    default: return value.length <= 1000;
  }
}
