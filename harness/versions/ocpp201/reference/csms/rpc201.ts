// OCPP-J 2.0.1 at the RPC layer for the reference CSMS: the OCA 2.0.1 schemas that ocpp-rpc ships,
// the CALLERROR codes of Part 4 §4.3 for a payload that fails them, and ocpp-rpc's answers to frames
// it cannot parse brought in line with Part 4 (the message id whenever it could be read, "-1" only
// when it could not).

import { createRequire } from 'node:module';
import ocppRpc from 'ocpp-rpc';
import { isRpcError, type RpcServerClientLike, type RpcValidatorLike } from './shared.js';

export const SUBPROTOCOL_201 = 'ocpp2.0.1';

const requireJson = createRequire(import.meta.url);
const schemas201 = requireJson('ocpp-rpc/lib/schemas/ocpp2_0_1.json') as Array<{ $id: string }>;
const schemaIds201 = new Set(schemas201.map((s) => s.$id));

const createValidator = (ocppRpc as unknown as { createValidator(p: string, s: object[]): RpcValidatorLike }).createValidator;

/** Validates against every 2.0.1 schema (ids `urn:<Action>.req` / `urn:<Action>.conf`); throws with Ajv errors in details. */
export const fullValidator201: RpcValidatorLike = createValidator(SUBPROTOCOL_201, schemas201);

export function hasSchema201(action: string, kind: 'req' | 'conf'): boolean {
  return schemaIds201.has(`urn:${action}.${kind}`);
}

/**
 * The validator handed to ocpp-rpc's strict mode: it checks every CALLRESULT (ours and the station's)
 * and lets CALLs through. Inbound CALLs are checked by the CSMS itself so that the CALLERROR carries
 * the Part 4 code (ocpp-rpc answers `required` with the 1.6 spelling), outbound CALLs by its send path.
 */
export const strictValidator201: RpcValidatorLike = {
  subprotocol: SUBPROTOCOL_201,
  validate(schemaId: string, params: unknown): boolean {
    if (schemaId.endsWith('.req') || !schemaIds201.has(schemaId)) return true;
    return fullValidator201.validate(schemaId, params);
  },
};

export interface PayloadProblem {
  code: string;
  description: string;
}

/**
 * The Part 4 §4.3 code for one failed schema keyword, read from the table's descriptions: a field
 * missing or repeated too often is an occurrence problem, a field of the wrong JSON type a type problem,
 * a value outside what the field allows a property problem, a string that is not of its format
 * "syntactically incorrect" (FormatViolation), and a payload that is not the PDU at all (not an object,
 * a property the PDU does not define) "not conform the PDU structure" (ProtocolError). With `as16`, the
 * OCPP 1.6 spellings instead (a fault).
 */
export function errorCodeFor201(keyword: string, instancePath: string, as16 = false): string {
  const structure = as16 ? 'FormationViolation' : 'ProtocolError';
  switch (keyword) {
    case 'required':
    case 'minItems':
    case 'maxItems':
      return as16 ? 'OccurenceConstraintViolation' : 'OccurrenceConstraintViolation';
    case 'type':
      return instancePath ? 'TypeConstraintViolation' : structure;
    case 'format':
    case 'pattern':
      return as16 ? 'FormationViolation' : 'FormatViolation';
    case 'enum':
    case 'const':
    case 'maxLength':
    case 'minLength':
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
    case 'multipleOf':
      return 'PropertyConstraintViolation';
    default:
      // additionalProperties and any other structural failure.
      return structure;
  }
}

/** Undefined when `payload` is a valid `action` request/response, else the CALLERROR to answer. */
export function checkPayload201(action: string, kind: 'req' | 'conf', payload: unknown, as16 = false): PayloadProblem | undefined {
  if (!hasSchema201(action, kind)) return undefined;
  try {
    fullValidator201.validate(`urn:${action}.${kind}`, payload);
    return undefined;
  } catch (err) {
    const errors = isRpcError(err) ? err.details?.errors : undefined;
    const first = Array.isArray(errors) ? (errors[0] as { keyword?: unknown; instancePath?: unknown; message?: unknown } | undefined) : undefined;
    if (!first || typeof first.keyword !== 'string') return { code: as16 ? 'FormationViolation' : 'ProtocolError', description: String(err) };
    const where = typeof first.instancePath === 'string' && first.instancePath ? `${first.instancePath} ` : '';
    return {
      code: errorCodeFor201(first.keyword, typeof first.instancePath === 'string' ? first.instancePath : '', as16),
      description: `${action}${kind === 'req' ? 'Request' : 'Response'}: ${where}${typeof first.message === 'string' ? first.message : first.keyword}`.slice(0, 255),
    };
  }
}

/**
 * ocpp-rpc answers a frame of an unknown message type with id "-1" even when the id was readable
 * (it stops before reading it); Part 4 §4.4 wants MessageTypeNotSupported for that very message, so the
 * readable id is put back. Everything else ocpp-rpc answers already as 2.0.1 wants. ocpp-rpc emits
 * 'badMessage' synchronously right before it writes its answer, so the answer is recognised there.
 */
export function answerBadMessagesAs201(client: RpcServerClientLike, log: (text: string) => void, placeholderIds = false): void {
  let expected: string | undefined;
  let replacement: string | undefined;
  client.on('badMessage', (ev) => {
    expected = undefined;
    replacement = undefined;
    const r = ev.response;
    if (placeholderIds && r && r[1] !== '-1') {
      // The call-error-id-minus-one fault: "-1" although the id was readable.
      expected = JSON.stringify(r);
      replacement = JSON.stringify([r[0], '-1', r[2], r[3] ?? '', r[4] ?? {}]);
      return;
    }
    if (placeholderIds || !r || r[1] !== '-1' || r[2] !== 'MessageTypeNotSupported') return;
    let id: unknown;
    try {
      const parsed: unknown = JSON.parse(ev.buffer.toString('utf8'));
      id = Array.isArray(parsed) ? parsed[1] : undefined;
    } catch {
      id = undefined;
    }
    if (typeof id !== 'string') return;
    expected = JSON.stringify(r);
    replacement = JSON.stringify([r[0], id, r[2], r[3] ?? '', r[4] ?? {}]);
    log(`unknown message type: answering with its message id ${JSON.stringify(id)}`);
  });
  const send = client.sendRaw.bind(client);
  client.sendRaw = (message: string): void => {
    if (expected !== undefined && message === expected) {
      const instead = replacement;
      expected = undefined;
      replacement = undefined;
      send(instead ?? message);
      return;
    }
    send(message);
  };
}
