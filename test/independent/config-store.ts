// The independent charge point's configuration keys (OCPP 1.6 §9.1, Core profile), with the rules a
// charger applies to ChangeConfiguration: unknown → NotSupported, read-only → Rejected, a value of the wrong
// kind → Rejected (§5.3).
type Kind = 'int' | 'bool' | 'csl' | 'string';

interface Key { value: string; readonly: boolean; kind: Kind }

const MEASURANDS = ['Energy.Active.Import.Register', 'Power.Active.Import', 'Current.Import', 'Voltage'];

export class ConfigStore {
  private readonly keys = new Map<string, Key>([
    ['AuthorizeRemoteTxRequests', { value: 'false', readonly: true, kind: 'bool' }],
    ['ClockAlignedDataInterval', { value: '0', readonly: false, kind: 'int' }],
    ['ConnectionTimeOut', { value: '30', readonly: false, kind: 'int' }],
    ['ConnectorPhaseRotation', { value: '1.RST', readonly: false, kind: 'csl' }],
    ['GetConfigurationMaxKeys', { value: '50', readonly: true, kind: 'int' }],
    ['HeartbeatInterval', { value: '300', readonly: false, kind: 'int' }],
    ['LocalAuthorizeOffline', { value: 'false', readonly: false, kind: 'bool' }],
    ['LocalPreAuthorize', { value: 'false', readonly: false, kind: 'bool' }],
    ['MeterValuesAlignedData', { value: 'Energy.Active.Import.Register', readonly: false, kind: 'csl' }],
    ['MeterValuesSampledData', { value: 'Energy.Active.Import.Register', readonly: false, kind: 'csl' }],
    ['MeterValueSampleInterval', { value: '60', readonly: false, kind: 'int' }],
    ['NumberOfConnectors', { value: '1', readonly: true, kind: 'int' }],
    ['ResetRetries', { value: '3', readonly: false, kind: 'int' }],
    ['StopTransactionOnEVSideDisconnect', { value: 'true', readonly: true, kind: 'bool' }],
    ['StopTransactionOnInvalidId', { value: 'true', readonly: false, kind: 'bool' }],
    ['StopTxnAlignedData', { value: '', readonly: false, kind: 'csl' }],
    ['StopTxnSampledData', { value: '', readonly: false, kind: 'csl' }],
    ['SupportedFeatureProfiles', { value: 'Core', readonly: true, kind: 'csl' }],
    ['TransactionMessageAttempts', { value: '3', readonly: false, kind: 'int' }],
    ['TransactionMessageRetryInterval', { value: '10', readonly: false, kind: 'int' }],
    ['UnlockConnectorOnEVSideDisconnect', { value: 'true', readonly: false, kind: 'bool' }],
  ]);

  get(key: string): string | undefined {
    return this.keys.get(key)?.value;
  }

  /** A value the charger itself is built with (not a ChangeConfiguration). */
  override(name: string, value: string): void {
    this.keys.get(name)!.value = value;
  }

  /** The CSMS's BootNotification interval overrides the heartbeat interval (§4.2.1). */
  setHeartbeatInterval(seconds: number): void {
    this.keys.get('HeartbeatInterval')!.value = String(seconds);
  }

  change(name: string, value: string): 'Accepted' | 'Rejected' | 'NotSupported' {
    const key = this.keys.get(name);
    if (!key) return 'NotSupported';
    if (key.readonly || !valid(name, key.kind, value)) return 'Rejected';
    key.value = value;
    return 'Accepted';
  }

  read(names: string[] | undefined): { configurationKey: { key: string; readonly: boolean; value: string }[]; unknownKey?: string[] } {
    const wanted = names && names.length > 0 ? names : [...this.keys.keys()];
    const configurationKey = wanted.filter((k) => this.keys.has(k)).map((k) => ({ key: k, readonly: this.keys.get(k)!.readonly, value: this.keys.get(k)!.value }));
    const unknownKey = wanted.filter((k) => !this.keys.has(k));
    return unknownKey.length > 0 ? { configurationKey, unknownKey } : { configurationKey };
  }
}

function valid(name: string, kind: Kind, value: string): boolean {
  if (kind === 'int') return /^\d+$/.test(value);
  if (kind === 'bool') return value === 'true' || value === 'false';
  if (name.endsWith('SampledData') || name.endsWith('AlignedData')) {
    return value === '' || value.split(',').every((m) => MEASURANDS.includes(m.trim()));
  }
  return true;
}
