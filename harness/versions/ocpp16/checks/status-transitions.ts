// Generic check: the statuses a charge point reports follow the 1.6 transition table. Pure, over
// the recorded trace: every StatusNotification.req the system under test sent (inbound CALLs),
// per connection and connectorId, compared with the one before it.
import {
  allowedNext, CONNECTOR_0_STATUSES, isAllowedTransition, isConnectorStatus, type ConnectorStatus,
} from '../model/connector-status.js';
import type { Finding } from '../../../checks/finding.js';
import { isCall, type RpcModel } from '../../../checks/rpc-model.js';

const REQUIREMENT = 'OCPP 1.6 §4.9 StatusNotification: a connector changes status only along the transition table '
  + '("State From \\ To", with B6 from errata sheet §3.20); connector 0 only takes Available, Unavailable or Faulted';

/**
 * A new connection starts fresh (after a reboot any first status is fine). Frames whose connectorId
 * or status is not valid 1.6 are left to the schema check and do not change the state followed here.
 */
export function checkStatusTransitions(model: RpcModel): Finding[] {
  const findings: Finding[] = [];
  const last = new Map<string, { status: ConnectorStatus; seq: number }>();
  for (const m of model.frames) {
    if (m.event.dir !== 'in' || !isCall(m) || m.action !== 'StatusNotification') continue;
    const payload = m.parsed.frame.payload as { connectorId?: unknown; status?: unknown } | null;
    const connectorId = payload?.connectorId;
    const status = payload?.status;
    if (typeof connectorId !== 'number' || !Number.isInteger(connectorId) || connectorId < 0 || !isConnectorStatus(status)) continue;
    const seq = m.event.seq;
    if (connectorId === 0) {
      if (!CONNECTOR_0_STATUSES.includes(status)) {
        findings.push({
          checkId: 'status.transition', level: 'MUST', requirement: REQUIREMENT,
          expected: `connector 0: one of ${CONNECTOR_0_STATUSES.join(', ')}`,
          actual: `connector 0: ${status} (frame #${seq})`,
          evidence: [seq],
        });
        continue; // the charge point cannot be in that status: keep following the last valid one
      }
    }
    const key = `${m.event.conn ?? -1}:${connectorId}`;
    const prev = last.get(key);
    last.set(key, { status, seq });
    if (!prev || isAllowedTransition(prev.status, status)) continue;
    const next = connectorId === 0
      ? CONNECTOR_0_STATUSES.filter((s) => s !== prev.status)
      : allowedNext(prev.status);
    findings.push({
      checkId: 'status.transition', level: 'MUST', requirement: REQUIREMENT,
      expected: `connector ${connectorId}: one of ${next.join(', ')} after ${prev.status}`,
      actual: `${prev.status} → ${status} (frame #${seq})`,
      // The offending frame first: the finding belongs to the step it arrived in, and sorts there.
      evidence: [seq, prev.seq],
    });
  }
  return findings;
}
