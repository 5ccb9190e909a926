// The device model of the reference charging station (OCPP 2.0.1 Part 1 §4, Part 2 B05–B07): components
// with variables, each with an Actual attribute, its mutability and characteristics. Get/SetVariables
// resolve through here with every attribute status the tables check; NotifyReport items come from here.

export type Mutability = 'ReadOnly' | 'WriteOnly' | 'ReadWrite';
export type DataType = 'string' | 'decimal' | 'integer' | 'dateTime' | 'boolean' | 'OptionList' | 'SequenceList' | 'MemberList';

export interface ComponentRef {
  name: string;
  instance?: string;
  evseId?: number;
  connectorId?: number;
}

export interface VariableDef extends ComponentRef {
  variable: string;
  variableInstance?: string;
  dataType: DataType;
  mutability: Mutability;
  value: string;
  unit?: string;
  valuesList?: string;
  minLimit?: number;
  maxLimit?: number;
  /** Setting it answers RebootRequired: the value takes effect after the next boot. */
  rebootRequired?: boolean;
  /** A MemberList that may be empty (e.g. the measurand lists). */
  allowEmpty?: boolean;
  /** Further check of a new value (on top of the data type); false: Rejected InvalidValue. */
  accept?: (value: string) => boolean;
  /** The value is computed when read (AvailabilityState, ClockCtrlr.DateTime…). */
  read?: () => string;
}

export type AttributeStatus = 'Accepted' | 'Rejected' | 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType' | 'RebootRequired';

export interface VariableRequest {
  component: { name?: unknown; instance?: unknown; evse?: { id?: unknown; connectorId?: unknown } };
  variable: { name?: unknown; instance?: unknown };
  attributeType?: unknown;
}

export interface Resolution {
  status: 'found' | 'UnknownComponent' | 'UnknownVariable';
  def?: VariableDef;
}

/** Options that make the model misbehave (quirks), decided by the owner. */
export interface DeviceModelQuirks {
  unknownComponentAsUnknownVariable?: boolean;
  attributeTypeIgnored?: boolean;
  readOnlySetAccepted?: boolean;
}

const componentKey = (c: ComponentRef): string => `${c.name}\u0000${c.instance ?? ''}\u0000${c.evseId ?? ''}\u0000${c.connectorId ?? ''}`;

export class DeviceModel {
  private readonly defs: VariableDef[] = [];
  private readonly listeners: Array<(def: VariableDef, value: string) => void> = [];

  constructor(readonly quirks: DeviceModelQuirks = {}) {}

  define(def: VariableDef): void {
    this.defs.push(def);
  }

  all(): readonly VariableDef[] {
    return this.defs;
  }

  onChange(fn: (def: VariableDef, value: string) => void): void {
    this.listeners.push(fn);
  }

  /** The variable of a station-wide component (no evse), by names. */
  find(component: string, variable: string, variableInstance?: string): VariableDef | undefined {
    return this.defs.find(
      (d) => d.name === component && d.evseId === undefined && d.variable === variable && (d.variableInstance ?? '') === (variableInstance ?? ''),
    );
  }

  str(component: string, variable: string, variableInstance?: string): string {
    const d = this.find(component, variable, variableInstance);
    if (!d) throw new Error(`device model has no ${component}.${variable}`);
    return d.read ? d.read() : d.value;
  }

  int(component: string, variable: string, variableInstance?: string): number {
    const n = Number(this.str(component, variable, variableInstance));
    return Number.isFinite(n) ? n : 0;
  }

  bool(component: string, variable: string, variableInstance?: string): boolean {
    return this.find(component, variable, variableInstance) !== undefined && this.str(component, variable, variableInstance) === 'true';
  }

  list(component: string, variable: string, variableInstance?: string): string[] {
    return this.str(component, variable, variableInstance).split(',').map((s) => s.trim()).filter((s) => s !== '');
  }

  /** Change a value from inside the station (e.g. HeartbeatInterval from the boot answer); no checks. */
  setInternal(component: string, variable: string, value: string, variableInstance?: string): void {
    const d = this.find(component, variable, variableInstance);
    if (!d || d.value === value) return;
    d.value = value;
    for (const l of this.listeners) l(d, value);
  }

  resolve(req: VariableRequest): Resolution {
    const name = typeof req.component.name === 'string' ? req.component.name : '';
    const instance = typeof req.component.instance === 'string' ? req.component.instance : undefined;
    const evseId = typeof req.component.evse?.id === 'number' ? req.component.evse.id : undefined;
    const connectorId = typeof req.component.evse?.connectorId === 'number' ? req.component.evse.connectorId : undefined;
    const key = componentKey({ name, instance, evseId, connectorId });
    const ofComponent = this.defs.filter((d) => componentKey(d) === key);
    if (ofComponent.length === 0) return { status: this.quirks.unknownComponentAsUnknownVariable ? 'UnknownVariable' : 'UnknownComponent' };
    const vName = typeof req.variable.name === 'string' ? req.variable.name : '';
    const vInstance = typeof req.variable.instance === 'string' ? req.variable.instance : undefined;
    const named = ofComponent.filter((d) => d.variable === vName);
    // Without an instance: the variable without one, else the only variable of that name.
    const def = vInstance !== undefined
      ? named.find((d) => d.variableInstance === vInstance)
      : named.find((d) => d.variableInstance === undefined) ?? (named.length === 1 ? named[0] : undefined);
    return def ? { status: 'found', def } : { status: 'UnknownVariable' };
  }

  /** GetVariables for one item: its status and value. */
  get(req: VariableRequest): { status: AttributeStatus; value?: string } {
    const r = this.resolve(req);
    if (r.status !== 'found' || !r.def) return { status: r.status as AttributeStatus };
    const type = req.attributeType ?? 'Actual';
    if (type !== 'Actual' && !this.quirks.attributeTypeIgnored) return { status: 'NotSupportedAttributeType' };
    if (r.def.mutability === 'WriteOnly') return { status: 'Rejected' };
    return { status: 'Accepted', value: r.def.read ? r.def.read() : r.def.value };
  }

  /** SetVariables for one item: its status (and a reason code when Rejected). */
  set(req: VariableRequest & { attributeValue?: unknown }): { status: AttributeStatus; reasonCode?: string } {
    const r = this.resolve(req);
    if (r.status !== 'found' || !r.def) return { status: r.status as AttributeStatus };
    const def = r.def;
    const type = req.attributeType ?? 'Actual';
    if (type !== 'Actual' && !this.quirks.attributeTypeIgnored) return { status: 'NotSupportedAttributeType' };
    if (def.mutability === 'ReadOnly') {
      return this.quirks.readOnlySetAccepted ? { status: 'Accepted' } : { status: 'Rejected', reasonCode: 'ReadOnly' };
    }
    const value = typeof req.attributeValue === 'string' ? req.attributeValue : '';
    if (!validValue(def, value)) return { status: 'Rejected', reasonCode: 'InvalidValue' };
    if (def.value !== value) {
      def.value = value;
      for (const l of this.listeners) l(def, value);
    }
    return { status: def.rebootRequired ? 'RebootRequired' : 'Accepted' };
  }

  /** The NotifyReport item of one variable (WriteOnly values are left out, B07 / TC_B_53). */
  reportItem(def: VariableDef): Record<string, unknown> {
    const component: Record<string, unknown> = { name: def.name };
    if (def.instance !== undefined) component.instance = def.instance;
    if (def.evseId !== undefined) component.evse = def.connectorId !== undefined ? { id: def.evseId, connectorId: def.connectorId } : { id: def.evseId };
    const variable: Record<string, unknown> = { name: def.variable };
    if (def.variableInstance !== undefined) variable.instance = def.variableInstance;
    const attribute: Record<string, unknown> = { type: 'Actual', mutability: def.mutability, persistent: true, constant: def.mutability === 'ReadOnly' && !def.read };
    if (def.mutability !== 'WriteOnly') attribute.value = def.read ? def.read() : def.value;
    const characteristics: Record<string, unknown> = { dataType: def.dataType, supportsMonitoring: false };
    if (def.unit) characteristics.unit = def.unit;
    if (def.minLimit !== undefined) characteristics.minLimit = def.minLimit;
    if (def.maxLimit !== undefined) characteristics.maxLimit = def.maxLimit;
    if (def.valuesList !== undefined) characteristics.valuesList = def.valuesList;
    return { component, variable, variableAttribute: [attribute], variableCharacteristics: characteristics };
  }
}

const inList = (def: VariableDef, v: string): boolean => (def.valuesList ?? '').split(',').map((s) => s.trim()).includes(v);

/** Does the value fit the variable's data type, limits and values list (B05.FR.07)? */
export function validValue(def: VariableDef, value: string): boolean {
  if (value.length > 1000) return false;
  let ok: boolean;
  switch (def.dataType) {
    case 'integer':
      ok = /^-?\d+$/.test(value) && withinLimits(def, Number(value));
      break;
    case 'decimal':
      ok = /^-?\d+(\.\d+)?$/.test(value) && withinLimits(def, Number(value));
      break;
    case 'boolean':
      ok = value === 'true' || value === 'false';
      break;
    case 'dateTime':
      ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value));
      break;
    case 'OptionList':
      ok = inList(def, value);
      break;
    case 'MemberList':
    case 'SequenceList': {
      const items = value.split(',').map((s) => s.trim());
      ok = value === '' ? !!def.allowEmpty : items.every((i) => inList(def, i)) && new Set(items).size === items.length;
      break;
    }
    default:
      ok = def.maxLimit === undefined || value.length <= def.maxLimit;
  }
  return ok && (def.accept ? def.accept(value) : true);
}

function withinLimits(def: VariableDef, n: number): boolean {
  return (def.minLimit === undefined || n >= def.minLimit) && (def.maxLimit === undefined || n <= def.maxLimit);
}
