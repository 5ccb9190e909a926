// The OCPP 1.6 side of the ocpp-rpc kit (harness/peers/ocpp-rpc.ts) for the 1.6 reference peers: the 1.6
// schemas ocpp-rpc bundles, the validators handed to its strict mode, and OCPP-J 1.6 answers to frames
// it cannot parse.

import { createRequire } from 'node:module';
import { createValidator, type RpcClientLike, type RpcValidatorLike } from '../../../peers/ocpp-rpc.js';

// The OCPP 1.6 JSON schemas bundled with ocpp-rpc (ids like `urn:BootNotification.req`).
const requireJson = createRequire(import.meta.url);
const schemas16 = requireJson('ocpp-rpc/lib/schemas/ocpp1_6.json') as Array<{ $id: string }>;
const schemaIds16 = new Set(schemas16.map((s) => s.$id));

/** A full validator over the 1.6 schemas (throws an ocpp-rpc RPC error with Ajv errors in details). */
export const fullValidator16: RpcValidatorLike = createValidator('ocpp1.6', schemas16);

export function hasSchema16(action: string, kind: 'req' | 'conf'): boolean {
  return schemaIds16.has(`urn:${action}.${kind}`);
}

/**
 * The validator handed to ocpp-rpc's strict mode. It checks every CALLRESULT payload (ours and the
 * other side's) but lets CALL payloads through: inbound CALLs are validated by the peers themselves
 * so that the CALLERROR carries the OCPP 1.6 code of our own mapping (ocpp-rpc would rewrite the
 * 1.6 spelling `OccurenceConstraintViolation`), and outbound CALLs are validated by the peers'
 * send path (which is what lets a quirk put a deliberately invalid CALL on the wire).
 */
export const strictValidator16: RpcValidatorLike = {
  subprotocol: 'ocpp1.6',
  validate(schemaId: string, params: unknown): boolean {
    if (schemaId.endsWith('.req') || !schemaIds16.has(schemaId)) return true;
    return fullValidator16.validate(schemaId, params);
  },
};

/** The error codes of OCPP-J 1.6 §4.2.3 Table 7, in the 1.6 spellings the errata keep. */
const ERROR_CODES_16 = new Set([
  'NotImplemented', 'NotSupported', 'InternalError', 'ProtocolError', 'SecurityError',
  'FormationViolation', 'PropertyConstraintViolation', 'OccurenceConstraintViolation',
  'TypeConstraintViolation', 'GenericError',
]);

/**
 * Make ocpp-rpc's answers to frames it cannot parse follow OCPP-J 1.6. Out of the box it answers
 * every such frame with a CALLERROR carrying OCPP 2.0.1 codes (`RpcFrameworkError`,
 * `MessageTypeNotSupported`) and, when it could not read a message id, the id "-1". Instead:
 * - a frame whose message id could not be read (not JSON, not an array, an unknown message type
 *   such as 7, a non-string id) is ignored: OCPP-J 1.6 §4.1.3 says a message with an unknown
 *   Message Type Number is ignored, and a CALLERROR must carry the id of the CALL it answers
 *   (§4.1.4), which such a frame does not have;
 * - a CALL whose id could be read but which is otherwise malformed (e.g. no action) is still
 *   answered, with a code from Table 7 (FormationViolation: not conform the PDU structure).
 * ocpp-rpc emits 'badMessage' synchronously right before it sends its answer through
 * `client.sendRaw`, so the answer is recognised there and dropped or replaced.
 */
export interface BadMessageQuirks {
  /** Quirk call-error-without-id: answer a malformed CALL with CALLERROR id "" although its id was readable. */
  emptyId?: boolean;
  /** Quirk ignores-incomplete-call: leave a malformed CALL (readable id) unanswered. */
  ignoreCalls?: boolean;
}

export function answerBadMessagesAs16(client: RpcClientLike, log: (text: string) => void, quirks: BadMessageQuirks = {}): void {
  let expected: string | undefined;
  let replacement: string | undefined;
  client.on('badMessage', (ev) => {
    expected = undefined;
    replacement = undefined;
    const r = ev.response;
    if (!r) return;
    expected = JSON.stringify(r);
    const [, id, code, description, details] = r;
    if (id === '-1') {
      log(`ignoring a frame without a readable message id (${ev.error.message})`);
    } else if (quirks.ignoreCalls) {
      log(`quirk ignores-incomplete-call: not answering ${ev.error.message}`);
    } else if (quirks.emptyId || (typeof code === 'string' && !ERROR_CODES_16.has(code))) {
      const answerCode = typeof code === 'string' && ERROR_CODES_16.has(code) ? code : 'FormationViolation';
      replacement = JSON.stringify([r[0], quirks.emptyId ? '' : id, answerCode, description ?? '', details ?? {}]);
    } else {
      expected = undefined; // already a 1.6 answer: let it through
    }
  });
  const send = client.sendRaw.bind(client);
  client.sendRaw = (message: string): void => {
    if (expected !== undefined && message === expected) {
      const instead = replacement;
      expected = undefined;
      replacement = undefined;
      if (instead !== undefined) send(instead);
      return;
    }
    send(message);
  };
}
