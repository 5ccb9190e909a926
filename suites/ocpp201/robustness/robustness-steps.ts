// What the 2.0.1 RPC robustness cases share: the Part 4 sentences their levels rest on.
// Not a case (discovery only loads files named TC_… / X…).

/** OCPP-J 2.0.1 §4.2.3: a receiver is allowed to drop a CALL that is invalid OCPP or not conform the schema. */
export const MAY_DROP = 'OCPP-J 2.0.1 §4.2.3: a message with invalid OCPP or not conform the JSON schema may be dropped; no answer is tolerated (SHOULD answer with a CALLERROR, §4.1.7)';

/** The reason a CALLRESULT to an invalid CALL fails: §4.1.7 makes the CALLERROR a SHALL for an invalid message. */
export const INVALID_SHALL_ERROR = 'OCPP-J 2.0.1 §4.1.7: a message is valid only with a known action, valid JSON, every required field and data of the correct type; an invalid message SHALL be answered with a CALLERROR, never a CALLRESULT';
