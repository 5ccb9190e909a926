// Every request and response the system under test sends, against the OCA schema of its action.
import type { SchemaRegistry } from '../schema/registry.js';
import type { Finding } from './finding.js';
import { preview } from './framing.js';
import type { RpcModel } from './rpc-model.js';

export function checkSchemas(model: RpcModel, registry: SchemaRegistry): Finding[] {
  const findings: Finding[] = [];
  for (const m of model.frames) {
    if (m.event.dir !== 'in' || !m.parsed.ok || !m.action) continue;
    const frame = m.parsed.frame;
    if (frame.type === 4) continue;
    const kind = frame.type === 2 ? 'req' : 'conf';
    // No schema, no schema check: an unknown action is the receiver's to refuse (rpc.* / NotImplemented).
    if (!registry.has(m.action, kind)) continue;
    const outcome = registry.validate(m.action, kind, frame.payload);
    if (outcome.ok) continue;
    findings.push({
      checkId: kind === 'req' ? 'schema.call' : 'schema.callResult',
      level: 'MUST',
      requirement: `OCPP 1.6: ${m.action}.${kind} must validate against the OCA JSON schema`,
      expected: `${m.action}.${kind} valid`,
      actual: `${outcome.errors.join('; ')} (frame #${m.event.seq}: ${preview(m.event.raw)})`,
      evidence: [m.event.seq],
    });
  }
  return findings;
}
