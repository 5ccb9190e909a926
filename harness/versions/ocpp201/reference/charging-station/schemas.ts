// The OCPP 2.0.1 JSON schemas as ocpp-rpc ships them (the OCA schemas, re-keyed `urn:<Action>.req|conf`),
// a strict-mode validator for the reference charging station, and the CALLERROR code of OCPP-J 2.0.1 for
// a payload that fails them (the version module's mapping, Part 4 §4.3; ocpp-rpc's built-in one uses the
// 1.6 spelling `OccurenceConstraintViolation`, so inbound CALLs are validated here instead).

import { createRequire } from 'node:module';
import ocppRpc from 'ocpp-rpc';
import { isRpcError, type RpcValidatorLike } from '../../../../peers/ocpp-rpc.js';
import { errorCodeForKeyword201 } from '../../error-codes.js';

const requireJson = createRequire(import.meta.url);
const schemas201 = requireJson('ocpp-rpc/lib/schemas/ocpp2_0_1.json') as Array<{ $id: string }>;
const schemaIds201 = new Set(schemas201.map((s) => s.$id));

const createValidator = (ocppRpc as unknown as { createValidator(p: string, s: object[]): RpcValidatorLike }).createValidator;

/** A full validator over the 2.0.1 schemas (throws an ocpp-rpc RPC error with the Ajv errors in details). */
export const fullValidator201: RpcValidatorLike = createValidator('ocpp2.0.1', schemas201);

export function hasSchema201(action: string, kind: 'req' | 'conf'): boolean {
  return schemaIds201.has(`urn:${action}.${kind}`);
}

/**
 * The validator for ocpp-rpc's strict mode: every CALLRESULT (ours and the CSMS's) is checked, CALLs pass
 * (inbound ones are checked by the station with the 2.0.1 codes, outbound ones by its send path, which is
 * what lets a quirk put a deliberately invalid CALL on the wire).
 */
export const strictValidator201: RpcValidatorLike = {
  subprotocol: 'ocpp2.0.1',
  validate(schemaId: string, params: unknown): boolean {
    if (schemaId.endsWith('.req') || !schemaIds201.has(schemaId)) return true;
    return fullValidator201.validate(schemaId, params);
  },
};

export interface PayloadProblem {
  code: string;
  description: string;
}

/** Validate a payload against the 2.0.1 schema of `action`; undefined when valid or without a schema. */
export function checkPayload201(action: string, kind: 'req' | 'conf', payload: unknown): PayloadProblem | undefined {
  if (!hasSchema201(action, kind)) return undefined;
  // A payload that is no JSON object (e.g. `[]`) fails the PDU's form, not the type of a field (§4.1.5).
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    return { code: 'FormatViolation', description: `${action}.${kind}: the payload is not a JSON object (OCPP-J 2.0.1 §4.1.5)` };
  }
  try {
    fullValidator201.validate(`urn:${action}.${kind}`, payload);
    return undefined;
  } catch (err) {
    const errors = isRpcError(err) ? err.details?.errors : undefined;
    const first = Array.isArray(errors) ? (errors[0] as { keyword?: string; instancePath?: string; message?: string } | undefined) : undefined;
    if (!first || typeof first.keyword !== 'string') {
      return { code: 'FormatViolation', description: err instanceof Error ? err.message : String(err) };
    }
    const where = first.instancePath ? `${first.instancePath} ` : '';
    return {
      code: errorCodeForKeyword201(first.keyword),
      description: `${action}.${kind}: ${where}${first.message ?? first.keyword}`.slice(0, 255),
    };
  }
}
