// A frame over limits.frameBytes is not read as OCPP-J: the harness answers what it can (a CALL
// whose message id is readable at the start) and the trace keeps a cut copy.

/** The message id of a text that starts like a CALL (`[2, "<id>", …`), read from its first characters only. */
export function leadingCallId(head: string): string | undefined {
  const m = /^\s*\[\s*2\s*,\s*"((?:[^"\\]|\\.){0,36})"/.exec(head);
  if (!m) return undefined;
  try {
    return JSON.parse(`"${m[1]}"`) as string;
  } catch {
    return undefined;
  }
}

/**
 * The CALLERROR code for a CALL the receiver will not read because of its size, per the version the
 * connection agreed: OCPP-J 1.6 §4.2.3 Table 7 has FormationViolation (spelled so in 1.6), OCPP-J
 * 2.0.1 §4.3 Table 8 FormatViolation. Unknown or no subprotocol: the 1.6 spelling.
 */
export function oversizeErrorCode(subprotocol: string | null): string {
  return subprotocol && /^ocpp2/.test(subprotocol) ? 'FormatViolation' : 'FormationViolation';
}
