// The reference peers' own mapping from a JSON-schema (Ajv) validation failure to the OCPP-J 1.6
// CALLERROR code (OCPP-J 1.6 §4.2.3). The 1.6 spellings are kept as the errata require
// ("do not fix"): `OccurenceConstraintViolation` with one r, `FormationViolation`.

import { isRpcError } from '../../../peers/ocpp-rpc.js';
import { fullValidator16, hasSchema16 } from './rpc16.js';

export type Ocpp16ErrorCode =
  | 'NotImplemented'
  | 'NotSupported'
  | 'InternalError'
  | 'ProtocolError'
  | 'SecurityError'
  | 'FormationViolation'
  | 'PropertyConstraintViolation'
  | 'OccurenceConstraintViolation'
  | 'TypeConstraintViolation'
  | 'GenericError';

/** The subset of an Ajv ErrorObject the mapping looks at. */
export interface AjvFailure {
  keyword: string;
  instancePath?: string;
  message?: string;
}

export interface MappingOptions {
  /** Quirk: answer an occurrence problem with the double-r spelling of later OCPP versions. */
  doubleR?: boolean;
}

/** The CALLERROR code a receiver answers for one Ajv failure. */
export function errorCodeForAjvFailure(failure: AjvFailure, options: MappingOptions = {}): string {
  const occurrence = options.doubleR ? 'OccurrenceConstraintViolation' : 'OccurenceConstraintViolation';
  switch (failure.keyword) {
    // A field that must be there is not, or an array has too few / too many items.
    case 'required':
    case 'minItems':
    case 'maxItems':
      return occurrence;
    // A field of the wrong JSON type. A payload that is not an object at all is not a PDU.
    case 'type':
      return failure.instancePath ? 'TypeConstraintViolation' : 'FormationViolation';
    // The field is there and of the right type, but its value is not allowed.
    case 'enum':
    case 'const':
    case 'format':
    case 'pattern':
    case 'maxLength':
    case 'minLength':
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
    case 'multipleOf':
      return 'PropertyConstraintViolation';
    // additionalProperties (a property the PDU does not have) and anything else structural.
    default:
      return 'FormationViolation';
  }
}

export interface PayloadProblem {
  code: string;
  description: string;
}

/**
 * Validate a payload against the OCPP 1.6 schema of `action` (`req` for a CALL, `conf` for a
 * CALLRESULT). Returns undefined when valid or when the action has no schema.
 */
export function checkPayload16(
  action: string,
  kind: 'req' | 'conf',
  payload: unknown,
  options: MappingOptions = {},
): PayloadProblem | undefined {
  if (!hasSchema16(action, kind)) return undefined;
  try {
    fullValidator16.validate(`urn:${action}.${kind}`, payload);
    return undefined;
  } catch (err) {
    const errors = isRpcError(err) ? err.details?.errors : undefined;
    const first = Array.isArray(errors) ? (errors[0] as AjvFailure | undefined) : undefined;
    if (!first || typeof first.keyword !== 'string') {
      return { code: 'FormationViolation', description: err instanceof Error ? err.message : String(err) };
    }
    const where = first.instancePath ? `${first.instancePath} ` : '';
    return {
      code: errorCodeForAjvFailure(first, options),
      description: `${action}.${kind}: ${where}${first.message ?? first.keyword}`.slice(0, 255),
    };
  }
}
