// A small OCPP 2.0.1 device model (Part 2 §2 "Device model"; Appendices components and variables): the
// harness's own charging station keeps one to answer Get/SetVariables and GetBaseReport. Each variable
// has an Actual value and a mutability; unknown components and variables are named so, as B06/B07 ask.

export type Mutability = 'ReadOnly' | 'WriteOnly' | 'ReadWrite';

export interface VariableEntry {
  component: string;
  variable: string;
  value: string;
  mutability: Mutability;
  dataType: 'string' | 'decimal' | 'integer' | 'dateTime' | 'boolean' | 'OptionList' | 'SequenceList' | 'MemberList';
  /** Only these values may be set (OptionList / MemberList / SequenceList). */
  valuesList?: string;
}

export type GetStatus = 'Accepted' | 'Rejected' | 'UnknownComponent' | 'UnknownVariable' | 'NotSupportedAttributeType';
export type SetStatus = GetStatus | 'RebootRequired';

export class DeviceModel {
  private readonly entries = new Map<string, VariableEntry>();

  constructor(entries: VariableEntry[]) {
    for (const e of entries) this.entries.set(key(e.component, e.variable), { ...e });
  }

  all(): VariableEntry[] {
    return [...this.entries.values()];
  }

  get(component: string, variable: string, attributeType = 'Actual'): { status: GetStatus; value?: string } {
    const e = this.entries.get(key(component, variable));
    if (!e) return { status: this.hasComponent(component) ? 'UnknownVariable' : 'UnknownComponent' };
    if (attributeType !== 'Actual') return { status: 'NotSupportedAttributeType' };
    if (e.mutability === 'WriteOnly') return { status: 'Rejected' };
    return { status: 'Accepted', value: e.value };
  }

  set(component: string, variable: string, value: string, attributeType = 'Actual'): SetStatus {
    const e = this.entries.get(key(component, variable));
    if (!e) return this.hasComponent(component) ? 'UnknownVariable' : 'UnknownComponent';
    if (attributeType !== 'Actual') return 'NotSupportedAttributeType';
    if (e.mutability === 'ReadOnly' || !valid(e, value)) return 'Rejected';
    e.value = value;
    return 'Accepted';
  }

  private hasComponent(component: string): boolean {
    for (const e of this.entries.values()) if (e.component === component) return true;
    return false;
  }
}

function key(component: string, variable: string): string {
  return `${component}/${variable}`;
}

function valid(e: VariableEntry, value: string): boolean {
  switch (e.dataType) {
    case 'integer': return /^-?\d+$/.test(value);
    case 'decimal': return /^-?\d+(\.\d+)?$/.test(value);
    case 'boolean': return value === 'true' || value === 'false';
    case 'dateTime': return !Number.isNaN(Date.parse(value));
    case 'OptionList': return !e.valuesList || e.valuesList.split(',').includes(value);
    case 'MemberList':
    case 'SequenceList': return !e.valuesList || value.split(',').every((v) => e.valuesList!.split(',').includes(v));
    default: return true;
  }
}
