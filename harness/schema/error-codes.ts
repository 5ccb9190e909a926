// OCPP-J RPC error codes per version, and the code a validation failure deserves.

/** OCPP-J 1.6 §4.2.3 Table 7, with the two spellings the errata keep ("do not fix"). */
export const ERROR_CODES_16 = [
  'NotImplemented', 'NotSupported', 'InternalError', 'ProtocolError', 'SecurityError',
  'FormationViolation', 'PropertyConstraintViolation', 'OccurenceConstraintViolation',
  'TypeConstraintViolation', 'GenericError',
] as const;

/** Spellings that other versions use for the same meaning: tolerated, but not the 1.6 spelling. */
export const TOLERATED_SPELLINGS_16: Record<string, string> = {
  FormatViolation: 'FormationViolation',
  OccurrenceConstraintViolation: 'OccurenceConstraintViolation',
};

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
