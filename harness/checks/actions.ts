// Requests the system under test sends must be actions of its own side in its version: a function OCPP
// does not have goes in DataTransfer (1.6: §4.3 for the charge point, §5.6 for the Central System).
import type { Sut } from '../trace/types.js';
import type { VersionFacts } from '../versions/version-facts.js';
import type { Finding } from './finding.js';
import { preview } from './framing.js';
import { isCall, type RpcModel } from './rpc-model.js';

export function checkActions(model: RpcModel, sut: Sut, facts: VersionFacts): Finding[] {
  const other: Sut = sut === 'ChargePoint' ? 'Csms' : 'ChargePoint';
  const allowed = facts.requests[sut];
  const side = facts.requests.sideName[sut];
  const { name } = facts;
  return model.frames
    .filter((m) => m.event.dir === 'in' && isCall(m) && !allowed.includes(m.action!))
    .map((m) => {
      const otherSide = facts.requests[other].includes(m.action!);
      return {
        checkId: 'rpc.action',
        level: facts.requests.level,
        requirement: `${facts.requests.ref[sut]}: ${side} sends only the ${name} requests of its side; ${facts.requests.dataTransferRule}`,
        expected: `a request ${side} may send in ${name} (or DataTransfer)`,
        actual: `${m.action}${otherSide ? ' (a request of the other side)' : ` (not an ${name} action)`} (frame #${m.event.seq}: ${preview(m.event.raw)})`,
        evidence: [m.event.seq],
      };
    });
}
