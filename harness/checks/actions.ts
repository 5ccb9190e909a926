// Requests the system under test sends must be OCPP 1.6 actions of its own side: a function OCPP does
// not have goes in DataTransfer (OCPP 1.6 §4.3 for the charge point, §5.6 for the Central System).
import { CENTRAL_SYSTEM_ACTIONS_16, CHARGE_POINT_ACTIONS_16 } from '../versions/ocpp16/actions.js';
import type { Sut } from '../trace/types.js';
import type { Finding } from './finding.js';
import { preview } from './framing.js';
import { isCall, type RpcModel } from './rpc-model.js';

export function checkActions(model: RpcModel, sut: Sut): Finding[] {
  const allowed = sut === 'ChargePoint' ? CHARGE_POINT_ACTIONS_16 : CENTRAL_SYSTEM_ACTIONS_16;
  const side = sut === 'ChargePoint' ? 'a charge point' : 'a Central System';
  const section = sut === 'ChargePoint' ? '§4.3' : '§5.6';
  return model.frames
    .filter((m) => m.event.dir === 'in' && isCall(m) && !allowed.includes(m.action!))
    .map((m) => {
      const otherSide = (sut === 'ChargePoint' ? CENTRAL_SYSTEM_ACTIONS_16 : CHARGE_POINT_ACTIONS_16).includes(m.action!);
      return {
        checkId: 'rpc.action',
        level: 'MUST' as const,
        requirement: `OCPP 1.6 ${section}: ${side} sends only the OCPP 1.6 requests of its side; for a function OCPP does not support it SHALL use DataTransfer.req`,
        expected: `a request ${side} may send in OCPP 1.6 (or DataTransfer)`,
        actual: `${m.action}${otherSide ? ' (a request of the other side)' : ' (not an OCPP 1.6 action)'} (frame #${m.event.seq}: ${preview(m.event.raw)})`,
        evidence: [m.event.seq],
      };
    });
}
