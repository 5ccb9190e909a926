// Frames from the system under test that are not OCPP-J at all.
import type { Finding } from './finding.js';
import type { RpcModel } from './rpc-model.js';

const REQUIREMENT = {
  'rpc.json': 'OCPP-J 1.6 §4.1.2: the whole message MUST be valid JSON (UTF-8)',
  'rpc.shape': 'OCPP-J 1.6 §4.2: a CALL has 4, a CALLRESULT 3, a CALLERROR 5 elements of fixed types; UniqueId at most 36 characters',
  'rpc.messageType': 'OCPP-J 1.6 §4.1.3: one of the message type numbers 2, 3, 4 MUST be used',
} as const;

export function checkFraming(model: RpcModel): Finding[] {
  const findings: Finding[] = [];
  for (const m of model.frames) {
    if (m.event.dir !== 'in' || m.parsed.ok) continue;
    findings.push({
      checkId: m.parsed.problem,
      level: 'MUST',
      requirement: REQUIREMENT[m.parsed.problem],
      expected: 'a well-formed OCPP-J message',
      actual: `${m.parsed.detail} (frame #${m.event.seq}: ${preview(m.event.raw)})`,
      evidence: [m.event.seq],
    });
  }
  return findings;
}

export function preview(raw: string, max = 120): string {
  return raw.length > max ? `${raw.slice(0, max)}… (${raw.length} chars)` : raw;
}
