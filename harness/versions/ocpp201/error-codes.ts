// OCPP-J 2.0.1 RPC error codes (Part 4 §4.3 Table 8) and the rule that judges a CALLERROR's code.
import { classifyErrorCode, levelOfErrorCodeClass, type ErrorCodeClass } from '../../schema/error-code-class.js';

export const ERROR_CODES_201 = [
  'FormatViolation', 'GenericError', 'InternalError', 'MessageTypeNotSupported', 'NotImplemented', 'NotSupported',
  'OccurrenceConstraintViolation', 'PropertyConstraintViolation', 'ProtocolError', 'RpcFrameworkError',
  'SecurityError', 'TypeConstraintViolation',
] as const;

/** 1.6 spellings of 2.0.1 codes (OCPP-J 1.6 Table 7 as the 1.6 errata keep it): the same meaning. */
export const EARLIER_SPELLINGS_201: Record<string, string> = {
  FormationViolation: 'FormatViolation',
  OccurenceConstraintViolation: 'OccurrenceConstraintViolation',
};

/**
 * The tolerance rule for OCPP-J 2.0.1, the same for every case that expects a CALLERROR:
 * - the exact code(s) PASS;
 * - any other code of Table 8 is NON_STRICT: Part 4 describes each code, but no MUST decides between them;
 * - the 1.6 spelling of a Table 8 code (FormationViolation, OccurenceConstraintViolation) is NON_STRICT:
 *   implementations disagree on it and the meaning is unambiguous;
 * - anything else FAILs: Part 4 §4.2.3 Table 7 says ErrorCode must contain a string from Table 8.
 */
export function classifyErrorCode201(code: string, exact: readonly string[]): ErrorCodeClass {
  return classifyErrorCode(code, exact, ERROR_CODES_201, EARLIER_SPELLINGS_201);
}

export function errorCodeLevel201(code: string, exact: readonly string[]): 'MUST' | 'SHOULD' | undefined {
  return levelOfErrorCodeClass(classifyErrorCode201(code, exact));
}

/** The 2.0.1 code for a schema keyword that failed (Part 4 Table 8 descriptions). */
export function errorCodeForKeyword201(keyword: string): string {
  switch (keyword) {
    case 'required':
    case 'minItems':
    case 'maxItems':
      return 'OccurrenceConstraintViolation';
    case 'type':
      return 'TypeConstraintViolation';
    case 'enum':
    case 'maxLength':
    case 'minLength':
    case 'maximum':
    case 'minimum':
    case 'multipleOf':
    case 'format':
      return 'PropertyConstraintViolation';
    default:
      // additionalProperties and anything structural: "Payload for Action is syntactically incorrect".
      return 'FormatViolation';
  }
}
