// The other direction: what the harness itself sent. A frame of ours that fails its schema (and was
// not broken on purpose) is a harness fault — the case cannot judge anything — never the SUT's.
import type { SchemaRegistry } from '../schema/registry.js';
import type { RpcModel } from './rpc-model.js';

/** Schema verdict of every OCPP frame, both directions, for the wire trace in the reports. */
export function schemaVerdicts(model: RpcModel, registry: SchemaRegistry): Map<number, string> {
  const verdicts = new Map<number, string>();
  for (const m of model.frames) {
    if (!m.parsed.ok) {
      verdicts.set(m.event.seq, m.event.deliberatelyInvalid ? 'not OCPP-J (sent on purpose)' : `not OCPP-J: ${m.parsed.detail}`);
      continue;
    }
    const frame = m.parsed.frame;
    if (frame.type === 4 || !m.action) {
      verdicts.set(m.event.seq, frame.type === 4 ? `CALLERROR ${frame.code}` : 'unpaired');
      continue;
    }
    const kind = frame.type === 2 ? 'req' : 'conf';
    if (!registry.has(m.action, kind)) {
      verdicts.set(m.event.seq, `no schema for ${m.action}.${kind}`);
      continue;
    }
    const outcome = registry.validate(m.action, kind, frame.payload);
    const forgiven = outcome.forgivenBy.length ? ` (erratum ${outcome.forgivenBy.join(', ')})` : '';
    verdicts.set(m.event.seq, outcome.ok ? `ok${forgiven}` : `invalid${m.event.deliberatelyInvalid ? ' (sent on purpose)' : ''}: ${outcome.errors.join('; ')}`);
  }
  return verdicts;
}

/** Frames the harness sent that fail their schema without being marked deliberately invalid. */
export function invalidHarnessFrames(model: RpcModel, registry: SchemaRegistry): string[] {
  const problems: string[] = [];
  for (const m of model.frames) {
    if (m.event.dir !== 'out' || m.event.deliberatelyInvalid || !m.parsed.ok || !m.action) continue;
    const frame = m.parsed.frame;
    if (frame.type === 4) continue;
    const kind = frame.type === 2 ? 'req' : 'conf';
    if (!registry.has(m.action, kind)) continue;
    const outcome = registry.validate(m.action, kind, frame.payload);
    if (!outcome.ok) problems.push(`frame #${m.event.seq} ${m.action}.${kind}: ${outcome.errors.join('; ')}`);
  }
  return problems;
}
