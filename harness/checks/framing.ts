// Frames from the system under test that are not OCPP-J at all.
import type { VersionFacts } from '../versions/version-facts.js';
import type { Finding } from './finding.js';
import type { RpcModel } from './rpc-model.js';

const REQUIREMENT = {
  'rpc.json': '§4.1.2: the whole message MUST be valid JSON (UTF-8)',
  'rpc.shape': '§4.2: a CALL has 4, a CALLRESULT 3, a CALLERROR 5 elements of fixed types; UniqueId at most 36 characters',
  'rpc.messageType': '§4.1.3: one of the message type numbers 2, 3, 4 MUST be used',
} as const;

export function checkFraming(model: RpcModel, facts: VersionFacts): Finding[] {
  const findings: Finding[] = [];
  // Ids the harness itself sent: an answer that carries one back, however long, only does what OCPP-J asks.
  const ours = new Set<string>();
  for (const m of model.frames) {
    if (m.event.dir === 'out' && m.event.deliberatelyInvalid) {
      const id = idOf(m.event.raw);
      if (id !== undefined) ours.add(id);
    }
  }
  for (const m of model.frames) {
    if (m.event.dir !== 'in' || m.parsed.ok) continue;
    if (m.parsed.problem === 'rpc.shape' && m.parsed.id !== undefined && ours.has(m.parsed.id) && /^\s*\[\s*[34]\s*,/.test(m.event.raw)) continue;
    findings.push({
      checkId: m.parsed.problem,
      level: 'MUST',
      requirement: `${facts.ocppJ} ${REQUIREMENT[m.parsed.problem]}`,
      expected: 'a well-formed OCPP-J message',
      actual: `${m.parsed.detail} (frame #${m.event.seq}: ${preview(m.event.raw)})`,
      evidence: [m.event.seq],
    });
  }
  return findings;
}

function idOf(raw: string): string | undefined {
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) && typeof v[1] === 'string' ? v[1] : undefined;
  } catch {
    return undefined;
  }
}

export function preview(raw: string, max = 120): string {
  return raw.length > max ? `${raw.slice(0, max)}… (${raw.length} chars)` : raw;
}
