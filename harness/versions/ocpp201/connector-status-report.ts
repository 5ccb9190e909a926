// OCPP 2.0.1 connector status reports. Part 2 lets a station report a connector's status change with a
// StatusNotificationRequest or with a NotifyEventRequest of the Connector's AvailabilityState, trigger Delta
// (G01.FR.03–07, H02.FR.04/06; Part 6's reusable state Booted and TC_B_51 list both messages). One place
// builds the expectation of either form and reads what a CALL of either form reports.
import type { CallForm } from '../../checks/expectation.js';
import type { Matcher, MatchValue } from '../../checks/match.js';

export interface ConnectorStatusReport {
  evseId: number;
  connectorId: number;
  status: string;
}

/** The Connector component's AvailabilityState of one connector (its connectorId may be left out by a one-connector EVSE). */
function availabilityItem(evseId: number, connectorId: number): Matcher {
  return {
    'component.name': 'Connector', 'component.evse.id': evseId, 'component.evse.connectorId': { oneOf: [connectorId], optional: true },
    'variable.name': 'AvailabilityState',
  };
}

/**
 * A connector's report as an expectation: StatusNotification {evseId, connectorId} carrying one of
 * `statuses` — or a NotifyEvent whose eventData reports that connector's AvailabilityState as one of them
 * with trigger Delta. Without `statuses`, any report of the connector counts.
 */
export function connectorReport(evseId: number, connectorId: number, statuses?: readonly string[]): CallForm & { alternatives: CallForm[] } {
  const item = availabilityItem(evseId, connectorId);
  if (!statuses) {
    return { action: 'StatusNotification', where: { evseId, connectorId }, alternatives: [{ action: 'NotifyEvent', where: { eventData: { someItem: item } } }] };
  }
  const status: MatchValue = statuses.length === 1 ? statuses[0]! : { oneOf: [...statuses] };
  return {
    action: 'StatusNotification', where: { evseId, connectorId }, match: { connectorStatus: status },
    alternatives: [{ action: 'NotifyEvent', where: { eventData: { someItem: item } }, match: { eventData: { someItem: { ...item, actualValue: status, trigger: 'Delta' } } } }],
  };
}

/** The connector statuses a StatusNotification or NotifyEvent (AvailabilityState of Connector components) reports. */
export function reportedConnectorStatuses(action: string, payload: unknown): ConnectorStatusReport[] {
  const p = (payload ?? {}) as Record<string, unknown>;
  if (action === 'StatusNotification') {
    return typeof p.evseId === 'number' && typeof p.connectorId === 'number' && typeof p.connectorStatus === 'string'
      ? [{ evseId: p.evseId, connectorId: p.connectorId, status: p.connectorStatus }] : [];
  }
  if (action !== 'NotifyEvent' || !Array.isArray(p.eventData)) return [];
  const out: ConnectorStatusReport[] = [];
  for (const raw of p.eventData) {
    const e = (raw ?? {}) as { component?: { name?: unknown; evse?: { id?: unknown; connectorId?: unknown } }; variable?: { name?: unknown }; actualValue?: unknown };
    if (e.component?.name !== 'Connector' || e.variable?.name !== 'AvailabilityState' || typeof e.actualValue !== 'string') continue;
    const evseId = e.component.evse?.id;
    if (typeof evseId !== 'number') continue;
    const connectorId = typeof e.component.evse?.connectorId === 'number' ? e.component.evse.connectorId : 1;
    out.push({ evseId, connectorId, status: e.actualValue });
  }
  return out;
}
