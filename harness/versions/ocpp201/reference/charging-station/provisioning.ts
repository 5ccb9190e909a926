// Provisioning requests the reference charging station answers (B05–B10): GetVariables, SetVariables,
// GetBaseReport / GetReport (NotifyReport in parts of ItemsPerMessageGetReport, seqNo from 0, tbc on all
// but the last) and SetNetworkProfile.

import { createRPCError } from '../../../../peers/ocpp-rpc.js';
import { asRecord, int, str } from '../../../../peers/peer-util.js';
import type { StationCore } from './core.js';
import { NETWORK_SLOTS } from './default-device-model.js';
import type { VariableDef, VariableRequest } from './device-model.js';
import { nowIso, type Payload } from './types.js';

export class Provisioning {
  constructor(private readonly core: StationCore, private readonly lateResponseMs = 1500) {
    core.handle('GetVariables', (p) => {
      const answer = this.getVariables(p);
      if (!core.quirks.has('late-response')) return answer;
      return core.timers.sleep(this.lateResponseMs).then(() => answer);
    });
    core.handle('SetVariables', (p) => this.setVariables(p));
    core.handle('GetBaseReport', (p) => this.getBaseReport(p));
    core.handle('GetReport', (p) => this.getReport(p));
    core.handle('SetNetworkProfile', (p) => this.setNetworkProfile(p));
  }

  private tooMany(items: unknown[], instance: string): void {
    const max = this.core.dm.int('DeviceDataCtrlr', 'ItemsPerMessage', instance);
    if (max > 0 && items.length > max) throw createRPCError('OccurrenceConstraintViolation', `more than ItemsPerMessage${instance} (${max}) items`);
  }

  private getVariables(p: Payload): Payload {
    const data = Array.isArray(p.getVariableData) ? p.getVariableData : [];
    this.tooMany(data, 'GetVariables');
    return {
      getVariableResult: data.map((raw) => {
        const req = asRecord(raw) as unknown as VariableRequest;
        const r = this.core.dm.get(req);
        const out: Payload = { attributeStatus: r.status, component: req.component, variable: req.variable };
        out.attributeType = req.attributeType ?? 'Actual'; // B05.FR.12, B06.FR.11 (TEST patch of b-cs)
        if (r.value !== undefined) out.attributeValue = r.value;
        return out;
      }),
    };
  }

  private setVariables(p: Payload): Payload {
    const data = Array.isArray(p.setVariableData) ? p.setVariableData : [];
    this.tooMany(data, 'SetVariables');
    return {
      setVariableResult: data.map((raw) => {
        const req = asRecord(raw) as unknown as VariableRequest & { attributeValue?: unknown };
        const r = this.core.dm.set(req);
        const out: Payload = { attributeStatus: r.status, component: req.component, variable: req.variable };
        out.attributeType = req.attributeType ?? 'Actual'; // B05.FR.12, B06.FR.11 (TEST patch of b-cs)
        if (r.reasonCode) out.attributeStatusInfo = { reasonCode: r.reasonCode };
        return out;
      }),
    };
  }

  private getBaseReport(p: Payload): Payload {
    const requestId = int(p.requestId) ?? 0;
    const base = str(p.reportBase);
    if (base === 'SummaryInventory') return { status: 'NotSupported', statusInfo: { reasonCode: 'UnsupportedParam' } };
    const defs = this.core.dm.all().filter((d) => base === 'FullInventory' || d.mutability !== 'ReadOnly');
    this.core.later(() => this.sendReport(requestId, defs));
    return { status: 'Accepted' };
  }

  /** GetReport (B08), by componentVariable; criteria narrow to variables that say so. */
  private getReport(p: Payload): Payload {
    const requestId = int(p.requestId) ?? 0;
    const wanted = Array.isArray(p.componentVariable) ? p.componentVariable.map(asRecord) : [];
    const criteria = Array.isArray(p.componentCriteria) ? p.componentCriteria.filter((c): c is string => typeof c === 'string') : [];
    let defs = this.core.dm.all().filter((d) => wanted.length === 0 || wanted.some((w) => matches(d, w)));
    if (criteria.length > 0) {
      const ok = new Set(this.core.dm.all().filter((d) => criteria.includes(d.variable) && (d.read ? d.read() : d.value) === 'true').map((d) => `${d.name}|${d.evseId ?? ''}|${d.connectorId ?? ''}`));
      defs = defs.filter((d) => ok.has(`${d.name}|${d.evseId ?? ''}|${d.connectorId ?? ''}`));
    }
    if (defs.length === 0) return { status: 'EmptyResultSet' };
    this.core.later(() => this.sendReport(requestId, defs));
    return { status: 'Accepted' };
  }

  private sendReport(requestId: number, defs: readonly VariableDef[]): void {
    const per = this.core.quirks.has('notify-report-single-part') ? defs.length : Math.max(1, this.core.dm.int('DeviceDataCtrlr', 'ItemsPerMessage', 'GetReport'));
    const first = this.core.quirks.has('notify-report-seq-no-from-one') ? 1 : 0;
    const generatedAt = nowIso();
    const parts = Math.ceil(defs.length / per);
    for (let i = 0; i < parts; i++) {
      const payload: Payload = {
        requestId,
        generatedAt,
        seqNo: first + i,
        reportData: defs.slice(i * per, (i + 1) * per).map((d) => this.core.dm.reportItem(d)),
      };
      if (i < parts - 1) payload.tbc = true;
      void this.core.enqueue('NotifyReport', payload, { whilePending: true });
    }
  }

  /** SetNetworkProfile (B09): only the station's slots, OCPP20 over JSON, a security profile it can use and not below the current one. */
  private setNetworkProfile(p: Payload): Payload {
    const slot = int(p.configurationSlot) ?? -1;
    const data = asRecord(p.connectionData);
    const securityProfile = int(data.securityProfile) ?? 0;
    const current = this.core.dm.int('SecurityCtrlr', 'SecurityProfile');
    const slotOk = (NETWORK_SLOTS as readonly number[]).includes(slot) || this.core.quirks.has('network-profile-any-slot');
    if (!slotOk || str(data.ocppVersion) !== 'OCPP20' || str(data.ocppTransport) !== 'JSON' || securityProfile > 3 || securityProfile < current
      || !(securityProfile < 2 || this.core.security?.canUseProfile(securityProfile))) {
      return { status: 'Rejected' };
    }
    this.core.profiles.set(slot, {
      ocppCsmsUrl: str(data.ocppCsmsUrl) ?? '',
      securityProfile,
      messageTimeout: int(data.messageTimeout) ?? 30,
      raw: data,
    });
    return { status: 'Accepted' };
  }
}

function matches(d: VariableDef, w: Payload): boolean {
  const c = asRecord(w.component);
  const v = w.variable === undefined ? undefined : asRecord(w.variable);
  if (str(c.name) !== d.name) return false;
  if (c.instance !== undefined && c.instance !== d.instance) return false;
  const evse = c.evse === undefined ? undefined : asRecord(c.evse);
  if (evse && (evse.id !== d.evseId || (evse.connectorId !== undefined && evse.connectorId !== d.connectorId))) return false;
  if (v && str(v.name) !== d.variable) return false;
  if (v && v.instance !== undefined && v.instance !== d.variableInstance) return false;
  return true;
}
