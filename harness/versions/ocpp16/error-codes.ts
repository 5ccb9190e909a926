// OCPP-J RPC error codes per version, the code a validation failure deserves, and the one written
// rule that decides how a CALLERROR's code is judged when a case expects a refusal.

import { classifyErrorCode, levelOfErrorCodeClass, type ErrorCodeClass } from '../../schema/error-code-class.js';

/** OCPP-J 1.6 §4.2.3 Table 7, with the two spellings the errata keep ("do not fix"). */
export const ERROR_CODES_16 = [
  'NotImplemented', 'NotSupported', 'InternalError', 'ProtocolError', 'SecurityError',
  'FormationViolation', 'PropertyConstraintViolation', 'OccurenceConstraintViolation',
  'TypeConstraintViolation', 'GenericError',
] as const;

/** Spellings that later versions use for a 1.6 code (errata §5.1, §5.2): the same meaning, another name. */
export const TOLERATED_SPELLINGS_16: Record<string, string> = {
  FormatViolation: 'FormationViolation',
  OccurrenceConstraintViolation: 'OccurenceConstraintViolation',
};


/**
 * The tolerance rule for OCPP-J 1.6, the same for every case that expects a CALLERROR:
 * - the receiver MUST refuse with a CALLERROR (OCPP-J 1.6 §4.2.3; errata §3.3: a failure to process the
 *   message SHALL be reported with a CallError) — a CALLRESULT is a FAIL, decided elsewhere;
 * - the exact code(s) PASS;
 * - any other code of Table 7 is NON_STRICT: Table 7 describes each code, but no MUST/SHALL makes the
 *   choice between them (the errata's own CallError example, §3.9, answers a missing implementation
 *   with NotSupported), so a legitimate 1.6 code such as TypeConstraintViolation never FAILs;
 * - a later version's spelling of a Table 7 code (FormatViolation, OccurrenceConstraintViolation) is
 *   NON_STRICT too: the errata announce those spellings for the next version;
 * - anything else FAILs: Table 6 says the ErrorCode field must contain a string from Table 7, and a
 *   1.6 peer cannot understand another version's code (e.g. 2.0.1's RpcFrameworkError).
 */
export function classifyErrorCode16(code: string, exact: readonly string[]): ErrorCodeClass {
  return classifyErrorCode(code, exact, ERROR_CODES_16, TOLERATED_SPELLINGS_16);
}

/** The finding level the 1.6 rule gives a CALLERROR code, or undefined when it is exact. */
export function errorCodeLevel16(code: string, exact: readonly string[]): 'MUST' | 'SHOULD' | undefined {
  return levelOfErrorCodeClass(classifyErrorCode16(code, exact));
}

/** The 1.6 code for a schema keyword that failed: what an exemplary receiver answers. */
export function errorCodeForKeyword16(keyword: string): string {
  switch (keyword) {
    case 'required':
    case 'minItems':
    case 'maxItems':
      return 'OccurenceConstraintViolation';
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
      // additionalProperties and anything structural: the payload does not conform to the PDU.
      return 'FormationViolation';
  }
}
