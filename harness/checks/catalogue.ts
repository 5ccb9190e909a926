// Every check id the harness can report about a system under test. The kill-matrix test fails if
// any of these is tripped by no faulty peer (test/meta/kill-matrix.test.ts).

export interface CheckInfo {
  title: string;
  /** Where the requirement comes from. */
  ref: string;
  /**
   * Would the OCTT fail a finding of this check? Generic checks: `fails` where §1.2 of the OCTT document
   * (every message complies with the schemas) or a table step that waits for an answer catches it.
   * Checks decided by a case's expectations take the expectation's own `octt` instead.
   */
  octt?: 'fails' | 'not-checked';
}

export const CHECKS = {
  'rpc.json': { title: 'Every frame is valid JSON', ref: 'OCPP-J 1.6 §4.1.2', octt: 'fails' },
  'rpc.shape': { title: 'Every frame is a CALL, CALLRESULT or CALLERROR array of the right shape', ref: 'OCPP-J 1.6 §4.2', octt: 'fails' },
  'rpc.messageType': { title: 'Only message type numbers 2, 3 and 4 are used', ref: 'OCPP-J 1.6 §4.1.3', octt: 'fails' },
  'rpc.messageId.unknown': { title: 'A CALLRESULT/CALLERROR carries the id of a CALL it answers', ref: 'OCPP-J 1.6 §4.1.4' },
  'rpc.messageId.callError': { title: 'A CALLERROR to a CALL whose id was readable carries that id, not a placeholder ("" or "-1")', ref: 'OCPP-J 1.6 §4.1.4', octt: 'not-checked' },
  'rpc.action': { title: 'Every request the system under test sends is an OCPP 1.6 request of its side (anything else goes in DataTransfer)', ref: 'OCPP 1.6 §4.3, §5.6', octt: 'not-checked' },
  'rpc.singleOutstandingCall': { title: 'No CALL is sent while an earlier CALL is unanswered and not timed out', ref: 'OCPP-J 1.6 §4.1.1' },
  'rpc.responseTime': { title: 'A CALL is answered within the configured response timeout', ref: 'OCPP-J 1.6 §4.1.1 (timeout); configured timeouts.responseMs' },
  'rpc.noResponse': { title: 'Every CALL is answered', ref: 'OCPP-J 1.6 §4.1.1, §4.2', octt: 'fails' },
  'rpc.expectedCallError': { title: 'A malformed or unknown request is answered with a CALLERROR', ref: 'OCPP-J 1.6 §4.2.3' },
  'rpc.errorCode': { title: 'A CALLERROR carries the error code the situation calls for (another 1.6 code or a later spelling of one: NON_STRICT; no 1.6 code: FAIL)', ref: 'OCPP-J 1.6 §4.2.3 Tables 6 and 7, errata §3.9, §5 (rule: harness/schema/error-codes.ts)' },
  'schema.call': { title: 'Every request the system under test sends validates against the OCA schema', ref: 'OCPP 1.6 JSON schemas', octt: 'fails' },
  'schema.callResult': { title: 'Every response the system under test sends validates against the OCA schema', ref: 'OCPP 1.6 JSON schemas', octt: 'fails' },
  'handshake.subprotocol': { title: 'The WebSocket handshake agrees on ocpp1.6', ref: 'OCPP-J 1.6 §3.1.2' },
  'handshake.unsupportedSubprotocol': { title: 'Offered no subprotocol it supports, the CSMS completes the handshake without Sec-WebSocket-Protocol and then closes at once (no HTTP error)', ref: 'OCPP-J 1.6 §3.2', octt: 'not-checked' },
  'handshake.basicAuthUnasked': { title: 'A charge point sends no HTTP Basic credentials over plain ws:// to a CSMS that was not configured for them', ref: 'OCPP-J 1.6 §6.2.2 (a note on encryption), §6', octt: 'not-checked' },
  'security.refusal': { title: 'The CSMS refuses a connection its security profile forbids (a wrong password, an untrusted or foreign client certificate, plain ws:// at a TLS profile: TLS failure or HTTP 401/403, never 101) and accepts the one it must (a certificate it signed itself)', ref: 'OCPP 1.6 Security Whitepaper ed. 3 A00.FR.002, §2.3–2.5', octt: 'not-checked' },
  'tls.csmsServer': { title: 'The CSMS supports each of the whitepaper\'s four TLS 1.2 cipher suites, with a server certificate of a sufficient key, a serial number and CN = the host', ref: 'OCTT 1.6 TCD Tables 190, 191; Security Whitepaper ed. 3 A00.FR.312/317, A00.FR.502/503, A00.FR.507/510', octt: 'fails' },
  'connection.closed': { title: 'The system under test keeps the connection open unless asked to restart', ref: 'OCPP-J 1.6 §3' },
  'transport.frameTooLarge': { title: 'Frames stay within the harness\'s frame limits', ref: 'limits.frameBytes / limits.socketFrameBytes' },
  'sequence.missing': { title: 'The message the step expects arrives within its time window', ref: 'per case' },
  'sequence.forbidden': { title: 'No message arrives that the step forbids', ref: 'per case' },
  'timing.notBefore': { title: 'The message does not arrive before its time window opens', ref: 'per case' },
  'timing.notAfter': { title: 'The message does not arrive after its time window closes', ref: 'per case' },
  'payload.mismatch': { title: 'The message carries the field values the step requires', ref: 'per case' },
  'status.transition': { title: 'Connector statuses change only along the 1.6 transition table; connector 0 only Available, Unavailable, Faulted', ref: 'OCPP 1.6 §4.9 (status transition table), errata sheet §3.20' },
  'meterValues.interval': { title: 'Meter values come at the configured sample interval or on the clock-aligned boundaries', ref: 'OCPP 1.6 §3.16.1, §3.16.2, §9.1 MeterValueSampleInterval / ClockAlignedDataInterval' },
  'meterValues.measurands': { title: 'Meter values carry exactly the configured measurands, with the right reading context', ref: 'OCPP 1.6 §3.16, §7 SampledValue / ReadingContext, §9.1 MeterValuesSampledData / MeterValuesAlignedData' },
  'meterValues.missing': { title: 'At least the expected number of meter value readings arrives', ref: 'OCPP 1.6 §3.16, §4.7, per case' },
  'security.certificateHashData': { title: 'GetInstalledCertificateIds lists an installed certificate, and no longer a deleted one, by hash data the harness computes itself', ref: 'OCPP 1.6 Security Whitepaper ed. 3 M03, M04, §3.2.3 CertificateHashDataType' },
  'security.reconnect': { title: 'After a new AuthorizationKey, client certificate or security profile the charge point reconnects with it, admitted by the CSMS', ref: 'OCPP 1.6 Security Whitepaper ed. 3 A01, A02.FR.08, A05.FR.06/07' },
  'security.serverCertificateAccepted': { title: 'A charge point does not connect to a CSMS whose server certificate is invalid (expired, not yet valid, wrong host, untrusted root)', ref: 'OCPP 1.6 Security Whitepaper ed. 3 A00.FR.307–310' },
  'security.csr': { title: 'The CSR of SignCertificate is PEM PKCS#10 with a valid signature, CN = the charge point\'s serial number, O = the CpoName and a key of sufficient size', ref: 'OCPP 1.6 Security Whitepaper ed. 3 A02.FR.03, A02.FR.13, A00.FR.501–511' },
  'security.tls': { title: 'A secured connection uses TLS 1.2 or above, a whitepaper cipher suite and, at profile 3, a client certificate with a serial number and the identity as CN', ref: 'OCPP 1.6 Security Whitepaper ed. 3 A00.FR.312, A00.FR.318, A00.FR.401–405' },
  'transfer.failed': { title: 'The location the system under test gives for a firmware download or diagnostics upload serves or takes the file; a transfer a charge point under test reports (Downloaded, Uploaded) really happened on the harness\'s file servers', ref: 'OCPP 1.6 §4.4, §4.5, §5.9, §5.19, §8.1, §8.2' },
} as const satisfies Record<string, CheckInfo>;

export type CheckId = keyof typeof CHECKS;

export const CHECK_IDS = Object.keys(CHECKS) as CheckId[];
